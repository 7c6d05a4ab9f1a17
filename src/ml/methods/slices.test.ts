import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type LabConfig, type MethodId } from '../../core/config';
import { createDataset } from '../../core/dataset';
import { runToCompletion } from '../session';
import type { MethodTrainer } from '../types';
import { createMethodTrainer } from './index';

/**
 * Issue 12: a big step is computed over row slices of its batch, yielding between them, so that the worker answers
 * Pause and Stop within 200 ms at any size. The slices' weighted gradients sum to the whole batch's (its losses are
 * row means), and an interrupted step is undone: the run then goes on bit for bit as an uninterrupted one.
 */
beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const SMALL: LabConfig = {
  ...DEFAULT_CONFIG,
  backend: 'cpu',
  steps: 24,
  rounds: 3,
  batchSize: 50,
  trainSize: 512,
  testSize: 256,
  evalEvery: 8,
  errorBound: 0.05,
  trainLone: true,
  predictorHidden: [4],
};
const DATA = createDataset(SMALL);
const METHODS: MethodId[] = ['axnet', 'onepass', 'iterative', 'weightsharing', 'lone'];
const SLICES = 4;

async function finalState(trainer: MethodTrainer) {
  const checkpoint = await trainer.checkpoint();
  return { weights: await trainer.getWeights(), theta: checkpoint.engine.groups.map((g) => Array.from(g.theta)), streams: checkpoint.engine.batchRngs };
}

describe('sliced steps', () => {
  for (const method of METHODS) {
    it(`${method}: ${SLICES} slices give the whole batch's training up to float rounding`, async () => {
      const whole = createMethodTrainer(SMALL, method, { dataset: DATA, stepSlices: 1 });
      const sliced = createMethodTrainer(SMALL, method, { dataset: DATA, stepSlices: SLICES });
      const wholeRun = await runToCompletion(whole);
      const slicedRun = await runToCompletion(sliced);
      const [a, b] = [await finalState(whole), await finalState(sliced)];
      whole.dispose();
      sliced.dispose();
      expect(b.streams).toEqual(a.streams); // the same batches were drawn
      let largest = 0;
      a.theta.forEach((group, g) => group.forEach((value, e) => (largest = Math.max(largest, Math.abs(value - b.theta[g][e])))));
      expect(largest).toBeGreaterThan(0); // other float sums…
      expect(largest).toBeLessThan(1e-4); // …of the same gradient
      const wholeLoss = wholeRun.evaluations.at(-1)!.loss;
      expect(slicedRun.evaluations.at(-1)!.loss).toBeCloseTo(wholeLoss, 4);
    });
  }

  for (const method of METHODS) {
    it(`${method}: interrupting sliced steps at chosen slices and going on equals the uninterrupted sliced run bit for bit`, async () => {
      const straight = createMethodTrainer(SMALL, method, { dataset: DATA, stepSlices: SLICES });
      const straightRun = await runToCompletion(straight);
      const straightState = await finalState(straight);
      straight.dispose();

      const tensorsBefore = tf.memory().numTensors;
      const trainer = createMethodTrainer(SMALL, method, { dataset: DATA, stepSlices: SLICES });
      // Every fifth time it is asked (3 times a step, between its 4 slices: at every slice position in turn), it says stop.
      let asked = 0;
      let interruptions = 0;
      const interrupt = async () => {
        asked += 1;
        const stop = asked % 5 === 0;
        if (stop) interruptions += 1;
        return stop;
      };
      const evaluations = [];
      while (trainer.step < trainer.totalSteps) {
        const next = Math.min(trainer.totalSteps, (Math.floor(trainer.step / SMALL.evalEvery) + 1) * SMALL.evalEvery);
        const before = trainer.step;
        const result = await trainer.train(next - trainer.step, { interrupt });
        expect(result.diverged).toBeNull();
        expect(trainer.step).toBeGreaterThanOrEqual(before);
        if (trainer.step === next) evaluations.push(await trainer.evaluate());
      }
      expect(interruptions).toBeGreaterThan(5);
      const state = await finalState(trainer);
      trainer.dispose();
      expect(tf.memory().numTensors).toBe(tensorsBefore);
      expect(state).toEqual(straightState);
      expect(evaluations.map((p) => p.metrics)).toEqual(straightRun.evaluations.map((p) => p.metrics));
    });
  }

  it('a checkpoint taken right after an interrupted step resumes as the uninterrupted run', async () => {
    const straight = createMethodTrainer(SMALL, 'axnet', { dataset: DATA, stepSlices: SLICES });
    await runToCompletion(straight);
    const straightState = await finalState(straight);
    straight.dispose();
    const first = createMethodTrainer(SMALL, 'axnet', { dataset: DATA, stepSlices: SLICES });
    await first.train(5);
    let asked = 0;
    await first.train(3, { interrupt: async () => ++asked === 5 }); // 3 asks a step: step 6 done, step 7 undone before its 3rd slice
    expect(first.step).toBe(6);
    const saved = structuredClone(await first.checkpoint());
    first.dispose();
    const resumed = createMethodTrainer(SMALL, 'axnet', { dataset: DATA, stepSlices: SLICES, checkpoint: saved });
    await runToCompletion(resumed);
    const state = await finalState(resumed);
    resumed.dispose();
    expect(state).toEqual(straightState);
  });
});
