import * as tf from '@tensorflow/tfjs';
import { configKey } from '../../core/nas/space';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NasConfig } from '../../core/nas/types';
import { NPU_PARAM_PRESETS, getCpuPathCost, nasHardwareCost } from '../../core/npu';
import { buildNasData } from './evaluate';
import { buildNasProgram, deriveNasCandidateSeed, forwardNasNets, makeNasModelConfig } from './program';
import { NAS_PADDING_FLOOR, planNasPrograms, trainNasCandidates, type NasTrainOptions } from './train';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const DATA = buildNasData({ target: 'blackscholes', seed: 3, trainSize: 1024, testSize: 256 });
const BASE: Omit<NasTrainOptions, 'candidates'> = {
  target: 'blackscholes',
  bound: 0.05,
  stepsPerCandidate: 40,
  seed: 3,
  learningRate: 0.01,
  batchSize: 32,
  data: DATA,
  maxCandidatesPerProgram: Number.POSITIVE_INFINITY, // batch on cpu too (the default there is one per program)
};
const cfg = (...layers: [number, NasConfig['layers'][number]['activation']][]): NasConfig => ({ layers: layers.map(([width, activation]) => ({ width, activation })) });
const flat = (net: { kernel: Float32Array | ArrayLike<number>; bias: ArrayLike<number> }[]) => net.flatMap((l) => [...Array.from(l.kernel), ...Array.from(l.bias)]);

describe('the NAS program', () => {
  it('blends per-model activations exactly as each model alone computes them', () => {
    const kinds = ['relu', 'sigmoid', 'tanh', 'sigmoid'] as const;
    const before = tf.memory().numTensors;
    const [batched, ...alone] = tf.tidy(() => {
      const x = tf.randomNormal([4, 5, 3], 0, 1, 'float32', 1);
      const layers = [
        { kernel: tf.randomNormal([4, 3, 6], 0, 1, 'float32', 2), bias: tf.randomNormal([4, 1, 6], 0, 1, 'float32', 3) },
        { kernel: tf.randomNormal([4, 6, 2], 0, 1, 'float32', 4), bias: tf.randomNormal([4, 1, 2], 0, 1, 'float32', 5) },
      ];
      const all = forwardNasNets(layers, x, [kinds]);
      const each = kinds.map((kind, k) =>
        forwardNasNets(
          layers.map((l) => ({ kernel: tf.squeeze(tf.slice(l.kernel, [k, 0, 0], [1, -1, -1]), [0]), bias: tf.reshape(tf.slice(l.bias, [k, 0, 0], [1, -1, -1]), [-1]) })),
          tf.squeeze(tf.slice(x, [k, 0, 0], [1, -1, -1]), [0]),
          [[kind]],
        ),
      );
      return [all, ...each];
    });
    const all = batched.dataSync();
    alone.forEach((t, k) => {
      const own = t.dataSync();
      for (let i = 0; i < own.length; i++) expect(all[k * own.length + i]).toBe(own[i]);
    });
    tf.dispose([batched, ...alone]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses candidates of different depths or budgets in one program', () => {
    const model = (c: NasConfig, steps = 10) => ({
      config: makeNasModelConfig(c, { seed: 1, learningRate: 0.01, batchSize: 8, errorBound: 0.05, stepsPerCandidate: steps, initialization: 'bias0.1' }),
      dataset: DATA.dataset,
    });
    expect(() => buildNasProgram([model(cfg([4, 'relu'])), model(cfg([4, 'relu'], [4, 'tanh']))], 'relative')).toThrow(/same depth/);
    expect(() => buildNasProgram([model(cfg([4, 'relu'])), model(cfg([8, 'relu']), 20)], 'relative')).toThrow(/step budget/);
    expect(() => model({ layers: [] })).toThrow(/at least one hidden layer/);
    expect(planNasPrograms([cfg([4, 'relu'], [2, 'relu']), cfg([3, 'tanh']), cfg([5, 'relu'], [5, 'relu']), cfg([7, 'relu'])], 6, 1)).toEqual([
      [3, 1],
      [0, 2],
    ]);
    // Within a program: by activations layer by layer (runs of one activation), ties by index.
    expect(planNasPrograms([cfg([4, 'tanh'], [2, 'relu']), cfg([3, 'relu'], [1, 'tanh']), cfg([5, 'relu'], [5, 'relu']), cfg([7, 'tanh'], [2, 'relu'])], 6, 1)).toEqual([
      [2, 1, 0, 3],
    ]);
    expect(planNasPrograms([cfg([4, 'relu']), cfg([5, 'relu']), cfg([6, 'relu'])], 6, 1, 2)).toEqual([[0, 1], [2]]);
  });

  it('packs candidates of very different sizes into separate programs (the padding budget)', () => {
    // 128×128 padded around a 2×2 net would cost 2 × 17,537 entries against 17,537 + 23.
    const programs = planNasPrograms([cfg([2, 'relu'], [2, 'relu']), cfg([128, 'relu'], [128, 'relu']), cfg([120, 'tanh'], [128, 'relu']), cfg([3, 'relu'], [2, 'relu'])], 6, 1);
    expect(programs).toEqual([
      [0, 3],
      [1, 2],
    ]);
    // Small nets share a program under the floor, whatever the ratio.
    expect(2 * (6 * 3 + 3 + 3 * 2 + 2 + 2 + 1)).toBeLessThanOrEqual(NAS_PADDING_FLOOR);
  });

  it('seeds a candidate by (seed, its key) only', () => {
    const a = cfg([16, 'relu'], [8, 'tanh']);
    expect(configKey(a)).toBe('16r-8t');
    expect(deriveNasCandidateSeed(3, a)).toBe(deriveNasCandidateSeed(3, cfg([16, 'relu'], [8, 'tanh'])));
    expect(deriveNasCandidateSeed(3, a)).not.toBe(deriveNasCandidateSeed(4, a));
    expect(deriveNasCandidateSeed(3, a)).not.toBe(deriveNasCandidateSeed(3, cfg([16, 'relu'], [8, 'sigmoid'])));
  });
});

describe('trainNasCandidates (cpu)', () => {
  const target = cfg([12, 'sigmoid'], [6, 'tanh']);
  const batch = [cfg([4, 'relu'], [9, 'relu']), target, cfg([20, 'tanh'], [3, 'sigmoid']), cfg([12, 'relu'], [6, 'tanh'])];

  it('gives a candidate the same weights alone and inside a batch of 4 (bitwise on cpu), and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const alone = await trainNasCandidates({ ...BASE, candidates: [target] });
    const inBatch = await trainNasCandidates({ ...BASE, candidates: batch });
    expect(tf.memory().numTensors).toBe(before);
    const a = alone.candidates[0]!;
    const b = inBatch.candidates[1]!;
    expect(b.key).toBe(a.key);
    expect(b.programSize).toBe(4);
    const wa = flat(a.net);
    const wb = flat(b.net);
    expect(wb.length).toBe(wa.length);
    let worst = 0;
    for (let i = 0; i < wa.length; i++) worst = Math.max(worst, Math.abs(wa[i] - wb[i]));
    expect(worst).toBeLessThanOrEqual(1e-6);
    expect(wb).toEqual(wa); // bitwise: padding adds exact zeros and the blend multiplies by exact 1 and 0
    expect(b.valAccuracy).toBe(a.valAccuracy);
    expect(b.testAccuracy).toBe(a.testAccuracy);
    expect(b.finalMse).toBe(a.finalMse);
    expect(a.net.map((l) => [l.fanIn, l.fanOut])).toEqual([
      [6, 12],
      [12, 6],
      [6, 1],
    ]);
  }, 20_000);

  it('trains a mixed-depth batch as two programs, results in input order, with the hardware cost of each shape', async () => {
    const candidates = [cfg([8, 'relu']), cfg([8, 'relu'], [4, 'sigmoid']), cfg([3, 'tanh'])];
    const progress: number[] = [];
    const result = await trainNasCandidates({ ...BASE, stepsPerCandidate: 20, candidates, onProgress: (p) => progress.push(p.step) });
    expect(result.stopped).toBe(false);
    expect(result.backend).toBe('cpu');
    expect(result.candidates.map((c) => c!.key)).toEqual(candidates.map(configKey));
    expect(result.candidates.map((c) => c!.programSize)).toEqual([2, 1, 2]);
    expect(progress[progress.length - 1]).toBe(40); // two programs × 20 steps
    for (const c of result.candidates) {
      expect(c!.hardware).toEqual(nasHardwareCost(6, 1, c!.config, NPU_PARAM_PRESETS.eyeriss.params, getCpuPathCost('blackscholes')));
      expect(c!.valAccuracy).toBeGreaterThanOrEqual(0);
      expect(c!.valAccuracy).toBeLessThanOrEqual(1);
      expect(c!.trainMs).toBeCloseTo(c!.programMs / c!.programSize, 9);
      expect(c!.diverged).toBeNull();
    }
    expect(result.hardwareMs).toBeGreaterThanOrEqual(0);
  }, 20_000);

  it('gives the same numbers however the steps are chunked, and training lowers the MSE', async () => {
    const one = await trainNasCandidates({ ...BASE, candidates: [batch[2]], chunkBudgetMs: 0 }); // one step per chunk
    const all = await trainNasCandidates({ ...BASE, candidates: [batch[2]], chunkBudgetMs: Number.POSITIVE_INFINITY });
    expect(flat(one.candidates[0]!.net)).toEqual(flat(all.candidates[0]!.net));
    const short = await trainNasCandidates({ ...BASE, candidates: [batch[2]], stepsPerCandidate: 1 });
    const long = await trainNasCandidates({ ...BASE, candidates: [batch[2]], stepsPerCandidate: 300, learningRate: 0.02 });
    expect(long.candidates[0]!.finalMse).toBeLessThan(short.candidates[0]!.finalMse * 0.5);
  }, 20_000);

  it('stops when asked after a chunk, returns the unfinished candidates as null and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    const result = await trainNasCandidates({ ...BASE, candidates: batch, chunkBudgetMs: 0, shouldStop: () => true });
    expect(result.stopped).toBe(true);
    expect(result.candidates).toEqual([null, null, null, null]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('trains one candidate per program by default on cpu', async () => {
    const result = await trainNasCandidates({ ...BASE, maxCandidatesPerProgram: undefined, stepsPerCandidate: 5, candidates: batch });
    expect(result.candidates.map((c) => c!.programSize)).toEqual([1, 1, 1, 1]);
  });

  it('rejects a bad step budget and data of another target', async () => {
    await expect(trainNasCandidates({ ...BASE, candidates: [target], stepsPerCandidate: 0 })).rejects.toThrow(/stepsPerCandidate/);
    await expect(trainNasCandidates({ ...BASE, target: 'sobel', candidates: [target] })).rejects.toThrow(/blackscholes, not sobel/);
  });
});
