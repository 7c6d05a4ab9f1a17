import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainerCheckpoint } from '../../core/checkpoint';
import { DEFAULT_CONFIG, type LabConfig, type MethodId } from '../../core/config';
import { createDataset } from '../../core/dataset';
import { runToCompletion } from '../session';
import type { EvaluationPoint, MethodTrainer } from '../types';
import { createMethodTrainer } from './index';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const SMALL: LabConfig = {
  ...DEFAULT_CONFIG,
  backend: 'cpu',
  steps: 30,
  rounds: 3,
  trainSize: 512,
  testSize: 256,
  evalEvery: 20,
  errorBound: 0.05,
  trainLone: true,
  predictorHidden: [4],
};
const DATA = createDataset(SMALL);

async function readNets(trainer: MethodTrainer) {
  return { weights: await trainer.getWeights(), baseline: (await trainer.getBaselineWeights?.()) ?? null, lone: (await trainer.getLoneWeights?.()) ?? null };
}

/** A checkpoint without its wall-clock time (the one field that may differ between two runs). */
function withoutClock(checkpoint: TrainerCheckpoint) {
  return { ...checkpoint, engine: { ...checkpoint.engine, trainingMs: 0 } };
}

// Checkpoint steps are evaluation steps: AXNet mid-run; onepass in its classifier phase (eq. 1 labels fixed at the
// phase start); iterative in round 2's approximator phase (a chosen subset); weight sharing and lone mid-run.
const CASES: { method: MethodId; at: number }[] = [
  { method: 'axnet', at: 20 },
  { method: 'onepass', at: 40 },
  { method: 'iterative', at: 80 },
  { method: 'weightsharing', at: 20 },
  { method: 'lone', at: 20 },
];

describe('checkpoint and restore', () => {
  for (const { method, at } of CASES) {
    it(`${method}: resuming from step ${at} gives the uninterrupted run's weights, Adam state, RNG streams and metrics bit for bit`, async () => {
      const uninterrupted = createMethodTrainer(SMALL, method, { dataset: DATA });
      const straight = await runToCompletion(uninterrupted);
      const straightNets = await readNets(uninterrupted);
      const straightCheckpoint = await uninterrupted.checkpoint();
      uninterrupted.dispose();

      const tensorsBefore = tf.memory().numTensors;
      const first = createMethodTrainer(SMALL, method, { dataset: DATA });
      const before = await runToCompletion(first, undefined, { shouldStop: () => first.step >= at });
      expect(first.step).toBe(at);
      expect(before.evaluations.at(-1)?.step).toBe(at);
      // Through structured clone, as the worker posts it to the page (and IndexedDB stores it).
      const saved = structuredClone(await first.checkpoint());
      // The live trainer's store is not the checkpoint's (its buffers get transferred).
      expect(saved.engine.groups[0].theta.buffer).not.toBe(straightCheckpoint.engine.groups[0].theta.buffer);
      first.dispose();

      const resumed = createMethodTrainer(SMALL, method, { dataset: DATA, checkpoint: saved });
      expect(resumed.step).toBe(at);
      expect(resumed.phase).toBe(first.phase);
      const after = await runToCompletion(resumed);
      const resumedNets = await readNets(resumed);
      const resumedCheckpoint = await resumed.checkpoint();
      resumed.dispose();
      expect(tf.memory().numTensors).toBe(tensorsBefore);

      const joined: EvaluationPoint[] = [...before.evaluations, ...after.evaluations];
      expect(joined.map((p) => p.step)).toEqual(straight.evaluations.map((p) => p.step));
      expect(joined).toEqual(straight.evaluations);
      expect(resumedNets).toEqual(straightNets);
      expect(withoutClock(resumedCheckpoint)).toEqual(withoutClock(straightCheckpoint));
      console.log(
        `[checkpoint] ${method}: resumed at ${at}, final step ${after.evaluations.at(-1)?.step}: true invocation ${after.evaluations.at(-1)?.metrics.trueInvocation} (uninterrupted ${straight.evaluations.at(-1)?.metrics.trueInvocation})`,
      );
    });
  }

  it('a checkpoint restores only into the same method and networks', async () => {
    const trainer = createMethodTrainer(SMALL, 'axnet', { dataset: DATA });
    await trainer.train(5);
    const saved = await trainer.checkpoint();
    trainer.dispose();
    const tensorsBefore = tf.memory().numTensors;
    expect(() => createMethodTrainer(SMALL, 'lone', { dataset: DATA, checkpoint: saved })).toThrow(/axnet checkpoint cannot continue a lone run/);
    expect(() => createMethodTrainer({ ...SMALL, approximatorHidden: [8, 8] }, 'axnet', { dataset: DATA, checkpoint: saved })).toThrow(/other networks/);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('the resumed run diverges where the uninterrupted one does, and a diverged checkpoint stays stopped', async () => {
    const straight = createMethodTrainer(SMALL, 'axnet', { dataset: DATA, injectNaNAtStep: 25 });
    const straightRun = await runToCompletion(straight);
    straight.dispose();
    const first = createMethodTrainer(SMALL, 'axnet', { dataset: DATA, injectNaNAtStep: 25 });
    await runToCompletion(first, undefined, { shouldStop: () => first.step >= 20 });
    const saved = await first.checkpoint();
    first.dispose();
    const resumed = createMethodTrainer(SMALL, 'axnet', { dataset: DATA, injectNaNAtStep: 25, checkpoint: saved });
    const resumedRun = await runToCompletion(resumed);
    expect(resumedRun.diverged).toEqual(straightRun.diverged);
    const stopped = await resumed.checkpoint();
    resumed.dispose();
    expect(stopped.diverged).not.toBeNull();
    const again = createMethodTrainer(SMALL, 'axnet', { dataset: DATA, checkpoint: stopped });
    expect((await again.train(10)).diverged).toEqual(stopped.diverged);
    expect(again.step).toBe(20);
    again.dispose();
  });
});
