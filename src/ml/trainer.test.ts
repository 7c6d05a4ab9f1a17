import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeAxnetForward } from '../core/axnetMath';
import { DEFAULT_CONFIG, type LabConfig } from '../core/config';
import { computeBesselJ } from '../core/targets/bessel';
import { getTarget } from '../core/targets/index';
import { createMethodTrainer } from './methods';
import { runToCompletion } from './session';
import { buildSurfaceGrid, nextEvaluationStep } from './trainer';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

// predictorHidden [4]: the fixture's C 2-4-10 (the lab default's predictor is wider since issue 7's calibration).
const SMALL: LabConfig = { ...DEFAULT_CONFIG, backend: 'cpu', steps: 400, trainSize: 512, testSize: 256, evalEvery: 50, errorBound: 0.05, predictorHidden: [4] };

describe('schedule', () => {
  it('nextEvaluationStep goes to the next multiple of evalEvery, capped at steps', () => {
    const config = { steps: 250, evalEvery: 100 };
    expect(nextEvaluationStep(0, config)).toBe(100);
    expect(nextEvaluationStep(99, config)).toBe(100);
    expect(nextEvaluationStep(100, config)).toBe(200);
    expect(nextEvaluationStep(200, config)).toBe(250);
  });

  it('runToCompletion evaluates at every multiple of evalEvery and at the final step', async () => {
    const trainer = createMethodTrainer({ ...SMALL, steps: 100, evalEvery: 30 }, 'axnet');
    const seen: number[] = [];
    const result = await runToCompletion(trainer, (p) => {
      seen.push(p.step);
    });
    expect(seen).toEqual([30, 60, 90, 100]);
    expect(result.evaluations.map((p) => p.step)).toEqual(seen);
    expect(result.diverged).toBeNull();
    expect(trainer.step).toBe(100);
    expect((await trainer.train(10)).step).toBe(100); // never past config.steps
    trainer.dispose();
  });
});

describe('memory', () => {
  it('keeps tf.memory().numTensors constant during training and returns to the start after dispose', async () => {
    const before = tf.memory().numTensors;
    const trainer = createMethodTrainer(SMALL, 'axnet');
    await trainer.train(10);
    const atStep10 = tf.memory().numTensors;
    for (let k = 0; k < 4; k++) await trainer.train(50);
    expect(trainer.step).toBe(210);
    expect(tf.memory().numTensors).toBe(atStep10);
    await trainer.evaluate();
    await trainer.surface(8);
    await trainer.getWeights();
    expect(tf.memory().numTensors).toBe(atStep10);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('determinism', () => {
  it('same config ⇒ identical weights and metrics; chunking does not matter; another seed differs', async () => {
    const runChunks = async (config: LabConfig, chunks: number[]) => {
      const trainer = createMethodTrainer(config, 'axnet');
      for (const n of chunks) await trainer.train(n);
      const point = await trainer.evaluate();
      const weights = await trainer.getWeights();
      trainer.dispose();
      return { metrics: point.metrics, lone: point.loneTrueInvocation, weights };
    };
    const a = await runChunks(SMALL, [100]);
    const b = await runChunks(SMALL, [100]);
    const c = await runChunks(SMALL, Array(10).fill(10));
    const d = await runChunks(SMALL, [1, 33, 66]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(d).toEqual(a);
    const other = await runChunks({ ...SMALL, seed: 2 }, [100]);
    expect(other.weights).not.toEqual(a.weights);
    expect(other.metrics).not.toEqual(a.metrics);
  });

  it('switching the lone approximator off does not change AXNet', async () => {
    const withLone = createMethodTrainer(SMALL, 'axnet');
    const withoutLone = createMethodTrainer({ ...SMALL, trainLone: false }, 'axnet');
    await withLone.train(60);
    await withoutLone.train(60);
    expect(await withoutLone.getWeights()).toEqual(await withLone.getWeights());
    expect((await withoutLone.evaluate()).loneTrueInvocation).toBeNull();
    expect(withoutLone.parameterCounts.lone).toBe(0);
    withLone.dispose();
    withoutLone.dispose();
  });
});

describe('divergence', () => {
  it('restores the last good weights, reports the step and refuses further training', async () => {
    const before = tf.memory().numTensors;
    const trainer = createMethodTrainer(SMALL, 'axnet', { injectNaNAtStep: 25 });
    expect((await trainer.train(20)).diverged).toBeNull();
    const good = await trainer.getWeights();
    const result = await trainer.train(20);
    expect(result.diverged?.atStep).toBe(25);
    expect(result.diverged?.message).toMatch(/NaN/);
    expect(result.step).toBe(20);
    const restored = await trainer.getWeights();
    expect(restored).toEqual(good);
    for (const layer of [...restored.approximator, ...restored.predictor]) {
      expect([...layer.kernel, ...layer.bias].every(Number.isFinite)).toBe(true);
    }
    const again = await trainer.train(10);
    expect(again.diverged?.atStep).toBe(25);
    expect(trainer.step).toBe(20);
    const point = await trainer.evaluate();
    expect(Number.isFinite(point.metrics.trueInvocation)).toBe(true);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('catches a real blow-up (learning rate 1 on a target with large outputs)', async () => {
    const trainer = createMethodTrainer({ ...SMALL, target: 'blackscholes', approximatorHidden: [8, 8], learningRate: 1, errorBound: 0.01 }, 'axnet');
    let diverged = null;
    for (let k = 0; k < 8 && !diverged; k++) diverged = (await trainer.train(50)).diverged;
    // Either it diverges (and is caught) or every weight stays finite: no NaN ever escapes.
    const weights = await trainer.getWeights();
    for (const layer of [...weights.approximator, ...weights.predictor]) expect([...layer.kernel, ...layer.bias].every(Number.isFinite)).toBe(true);
    trainer.dispose();
  });
});

describe('evaluate and surface', () => {
  it('surface: grid over inputRanges, column = input 0, exact target, consistent hidden layers', async () => {
    const trainer = createMethodTrainer(SMALL, 'axnet');
    await trainer.train(50);
    const n = 5;
    const snap = (await trainer.surface(n))!;
    expect(snap.resolution).toBe(n);
    expect(snap.target.length).toBe(n * n);
    const weights = await trainer.getWeights();
    const [[x0, x1], [y0, y1]] = snap.ranges;
    for (const [row, col] of [
      [0, 0],
      [0, 4],
      [3, 1],
      [4, 4],
    ]) {
      const index = row * n + col;
      const nu = Math.fround(x0 + ((x1 - x0) * col) / (n - 1));
      const x = Math.fround(y0 + ((y1 - y0) * row) / (n - 1));
      expect(snap.target[index]).toBeCloseTo(computeBesselJ(nu, x), 6);
      const ref = computeAxnetForward(weights, [nu, x]);
      expect(snap.axnet[index]).toBeCloseTo(ref.output[0], 5);
      expect(snap.safeProbability[index]).toBeCloseTo(ref.safeProbability, 5);
      expect(snap.error[index]).toBeCloseTo(Math.abs(snap.axnet[index] - snap.target[index]), 6);
      snap.hidden.forEach((layer, i) => {
        for (let j = 0; j < layer.width; j++) {
          expect(layer.control[index * layer.width + j]).toBeCloseTo(ref.controls[i][j], 5);
          expect(layer.before[index * layer.width + j]).toBeCloseTo(ref.before[i][j], 5);
          expect(layer.after[index * layer.width + j]).toBeCloseTo(ref.after[i][j], 5);
        }
      });
    }
    expect(snap.lone?.length).toBe(n * n);
    expect(snap.hidden.map((h) => h.width)).toEqual(SMALL.approximatorHidden);
    trainer.dispose();
    const multi = createMethodTrainer({ ...SMALL, target: 'blackscholes' }, 'axnet');
    expect(await multi.surface(4)).toBeNull();
    multi.dispose();
  });

  it('surface of a 2-output target (inversek2j) carries both outputs, the first as target/axnet/lone', async () => {
    const trainer = createMethodTrainer({ ...SMALL, target: 'inversek2j', approximatorHidden: [4], predictorHidden: [4] }, 'axnet');
    await trainer.train(10);
    const n = 4;
    const snap = (await trainer.surface(n))!;
    const target = getTarget('inversek2j');
    expect(snap.outputs?.length).toBe(2);
    expect(snap.outputs?.[0].target).toBe(snap.target);
    expect(snap.outputs?.[0].axnet).toBe(snap.axnet);
    const row = new Float64Array(2);
    const { inputs } = buildSurfaceGrid(target, n);
    for (const index of [0, 5, 15]) {
      target.evaluate(inputs.subarray(2 * index, 2 * index + 2), row);
      expect(snap.outputs?.[0].target[index]).toBeCloseTo(row[0], 5);
      expect(snap.outputs?.[1].target[index]).toBeCloseTo(row[1], 5);
    }
    expect(snap.outputs?.[1].axnet.length).toBe(n * n);
    expect(snap.outputs?.[1].lone?.length).toBe(n * n);
    trainer.dispose();
  });

  it('reports parameter counts and averaged losses since the last evaluation', async () => {
    const trainer = createMethodTrainer(SMALL, 'axnet');
    expect(trainer.parameterCounts).toEqual({ approximator: 37, predictor: 62, total: 99, lone: 37 });
    await trainer.train(20);
    const point = await trainer.evaluate();
    expect(point.loss).toBeCloseTo(point.mse + point.crossEntropy, 5);
    expect(point.metrics.samples).toBe(SMALL.testSize);
    for (const v of [point.metrics.trueInvocation, point.metrics.predictedInvocation, point.metrics.predictionAccuracy]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    trainer.dispose();
  });
});

describe('sanity (reference calibration)', () => {
  it('the default Bessel set-up at bound 0.05 passes 0.5 true invocation within 3000 steps', async () => {
    const trainer = createMethodTrainer({ ...DEFAULT_CONFIG, backend: 'cpu', errorBound: 0.05, steps: 3000, evalEvery: 1000 }, 'axnet');
    const { evaluations } = await runToCompletion(trainer);
    const best = Math.max(...evaluations.map((p) => p.metrics.trueInvocation));
    expect(best).toBeGreaterThan(0.5);
    trainer.dispose();
  }, 90_000);
});
