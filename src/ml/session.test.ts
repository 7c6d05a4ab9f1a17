import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig } from '../core/config';
import { createMethodTrainer } from './methods';
import { createTrainingSession, runToCompletion } from './session';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const SMALL: LabConfig = { ...DEFAULT_CONFIG, backend: 'cpu', trainSize: 512, testSize: 128, steps: 120, evalEvery: 40 };

describe('the training session (worker and CLI)', () => {
  it('chunks of any size evaluate at exactly the steps and numbers of runToCompletion', async () => {
    const reference = createMethodTrainer(SMALL, 'axnet');
    const whole = await runToCompletion(reference);
    reference.dispose();
    // A tiny time budget: many small chunks, as the worker slices a busy machine.
    let clock = 0;
    const trainer = createMethodTrainer(SMALL, 'axnet');
    const session = createTrainingSession(trainer, { chunkBudgetMs: 3, now: () => (clock += 1) });
    const chunks: number[] = [];
    while (!session.done) chunks.push((await session.trainChunk()).steps);
    expect(chunks.length).toBeGreaterThan(whole.evaluations.length);
    expect(Math.max(...chunks)).toBeLessThan(40);
    expect(session.takePoints()).toEqual(whole.evaluations);
    expect(session.takePoints()).toEqual([]);
    // Nothing new to evaluate at the last step; forced, the same state again.
    expect(await session.evaluateCurrent()).toBeNull();
    expect((await session.evaluateCurrent(true))?.metrics).toEqual(whole.evaluations.at(-1)?.metrics);
    trainer.dispose();
  }, 60_000);

  it('a limit stops a chunk early, and a stepped run evaluates where it stopped', async () => {
    const trainer = createMethodTrainer(SMALL, 'axnet');
    const session = createTrainingSession(trainer, { chunkBudgetMs: 10_000 });
    // Before any step is measured a chunk is one step (a slow net must not run many steps past Pause on a guess).
    expect((await session.trainChunk()).steps).toBe(1);
    const outcome = await session.trainChunk(7);
    expect(outcome.steps).toBe(7);
    expect(outcome.evaluated).toBeNull();
    const point = await session.evaluateCurrent();
    expect(point?.step).toBe(8);
    expect(session.takePoints().map((p) => p.step)).toEqual([8]);
    trainer.dispose();
  }, 60_000);

  it('a divergence ends the chunk with the message and no evaluation', async () => {
    const trainer = createMethodTrainer(SMALL, 'axnet', { injectNaNAtStep: 5 });
    const session = createTrainingSession(trainer, { chunkBudgetMs: 10_000 });
    expect((await session.trainChunk()).diverged).toBeNull(); // the first, measuring chunk: one step
    const outcome = await session.trainChunk();
    expect(outcome.diverged?.atStep).toBe(5);
    expect(outcome.evaluated).toBeNull();
    trainer.dispose();
  }, 60_000);
});
