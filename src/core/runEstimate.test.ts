import { formatMessage } from './messages';
import { describe, expect, it } from 'vitest';
import { CONFIG_LIMITS, DEFAULT_CONFIG } from './config';
import {
  EXTREME_THRESHOLDS,
  SHRINK_LIMITS,
  countForwardMacs,
  countParameters,
  describeRunEstimate,
  runEstimateMessage,
  estimateRun,
  estimateRunWork,
  findExtremeReasons,
  listTrainedNets,
  shrinkConfig,
  throughputFromMeasurement,
  computeStepSlices,
  countEqualSlices,
  stepSliceRows,
  STEP_SLICE_MACS,
  TRAIN_STEP_FORWARD_PASSES,
} from './runEstimate';

/** 2 → 3 → 1 approximator, 2 → 4 → (3 + 2) predictor. */
const TINY = {
  approximatorHidden: [3],
  predictorHidden: [4],
  trainLone: false,
  predictionOutput: 'softmax' as const,
  batchSize: 10,
  testSize: 100,
  trainSize: 200,
  steps: 50,
  rounds: 2,
  evalEvery: 20,
};
const SHAPE = { inputDim: 2, outputDim: 1 };

describe('runEstimate', () => {
  it('counts the MACs and parameters of a dense net by hand', () => {
    expect(countForwardMacs([2, 3, 1])).toBe(2 * 3 + 3 * 1);
    expect(countParameters([2, 3, 1])).toBe(2 * 3 + 3 + 3 * 1 + 1);
  });

  it('lists the nets each method trains', () => {
    expect(listTrainedNets(TINY, 'axnet', SHAPE)).toEqual([
      [2, 3, 1],
      [2, 4, 5],
    ]);
    expect(listTrainedNets({ ...TINY, predictionOutput: 'sigmoid' }, 'axnet', SHAPE)[1]).toEqual([2, 4, 4]);
    expect(listTrainedNets(TINY, 'onepass', SHAPE)[1]).toEqual([2, 4, 2]);
    expect(listTrainedNets({ ...TINY, trainLone: true }, 'axnet', SHAPE)).toHaveLength(3);
    expect(listTrainedNets({ ...TINY, trainLone: true }, 'lone', SHAPE)).toEqual([[2, 3, 1]]);
  });

  it('gives the hand-computed work and memory of a tiny AXNet', () => {
    const work = estimateRunWork(TINY, 'axnet', SHAPE);
    // forward: 9 (approximator) + 28 (predictor) = 37 MACs a sample
    expect(work.stepMacs).toBe(3 * 37 * 10);
    expect(work.evalMacs).toBe(37 * 100);
    expect(work.evaluations).toBe(3);
    expect(work.dataValues).toBe(300 * 3);
    expect(work.parameters).toBe(13 + 37);
    // 4 B × (4 × 50 parameters + 2 × 13 units × 10 + 13 units × 100) + 12 B × 900 values
    expect(work.memoryBytes).toBe(4 * (200 + 260 + 1300) + 12 * 900);
  });

  it('turns a throughput into step and run times, measured or from the table', () => {
    const measured = estimateRun(TINY, 'axnet', SHAPE, 'wasm', 1e6);
    expect(measured.source).toBe('measured');
    // 1,110 MACs at 1 MMAC/s = 1.11 ms, plus wasm's 0.5 ms a step
    expect(measured.stepMs).toBeCloseTo(1.11 + 0.5, 9);
    expect(measured.evalMs).toBeCloseTo(3.7, 9);
    expect(measured.dataMs).toBeCloseTo(0.9, 9);
    expect(measured.runMs).toBeCloseTo(50 * 1.61 + 3 * 3.7 + 0.9, 9);
    const table = estimateRun(TINY, 'axnet', SHAPE, 'cpu');
    expect(table.source).toBe('estimate');
    expect(table.stepMs).toBeCloseTo((1000 * 1110) / 2e8 + 0.5, 9);
    expect(estimateRun(TINY, 'axnet', SHAPE, 'wasm', Number.NaN).source).toBe('estimate');
    expect(throughputFromMeasurement(100, 1110)).toBe(111000);
  });

  it('flags the maximal link and not the default one', () => {
    const max = CONFIG_LIMITS.hiddenWidth.max;
    const maximal = {
      ...DEFAULT_CONFIG,
      approximatorHidden: Array(CONFIG_LIMITS.hiddenLayers.max).fill(max),
      predictorHidden: Array(CONFIG_LIMITS.hiddenLayers.max).fill(max),
      batchSize: CONFIG_LIMITS.batchSize.max,
      trainSize: CONFIG_LIMITS.trainSize.max,
    };
    const estimate = estimateRun(maximal, 'axnet', SHAPE, 'wasm');
    expect(findExtremeReasons(estimate)).toContain('stepMs');
    expect(estimate.stepMs).toBeGreaterThan(EXTREME_THRESHOLDS.stepMs);
    expect(describeRunEstimate(estimate)).toMatch(/one training step takes about \d/);
    expect(describeRunEstimate(estimate)).toContain('estimate for wasm');
    expect(formatMessage(runEstimateMessage(estimate), 'zh')).toMatch(/^这些设置非常大：每个训练步约需 \d.*（wasm 的估算）。$/);
    expect(findExtremeReasons(estimateRun(DEFAULT_CONFIG, 'axnet', SHAPE, 'cpu'))).toEqual([]);
    const shrunk = shrinkConfig(maximal);
    expect(Math.max(...shrunk.approximatorHidden, ...shrunk.predictorHidden)).toBe(SHRINK_LIMITS.hiddenWidth);
    expect(shrunk.approximatorHidden).toHaveLength(CONFIG_LIMITS.hiddenLayers.max);
    expect(shrunk.batchSize).toBe(SHRINK_LIMITS.batchSize);
    expect(findExtremeReasons(estimateRun(shrunk, 'axnet', SHAPE, 'wasm'))).toEqual([]);
  });

  it('leaves frozen (class-locked) fields alone when shrinking', () => {
    const big = { ...TINY, approximatorHidden: [128], predictorHidden: [128], batchSize: 4096, trainSize: 200000, testSize: 50000, steps: 1000000 };
    const shrunk = shrinkConfig(big, new Set(['approximatorHidden', 'predictorHidden', 'steps']));
    expect(shrunk.approximatorHidden).toEqual([128]);
    expect(shrunk.steps).toBe(1000000);
    expect(shrunk.batchSize).toBe(512);
  });
});

describe('step slices (issue 12: Pause within 200 ms at any size)', () => {
  const MAXIMAL = { ...DEFAULT_CONFIG, approximatorHidden: [128, 128, 128, 128], predictorHidden: [128, 128, 128, 128], batchSize: 4096 };
  const rowMacs = (config: typeof MAXIMAL) => listTrainedNets(config, 'axnet', SHAPE).reduce((sum, net) => sum + countParameters(net), 0);

  it('slices a maximal step on the cpu-side backends so that a slice stays within STEP_SLICE_MACS, and never on a GPU', () => {
    for (const backend of ['cpu', 'wasm'] as const) {
      const slices = computeStepSlices(backend, MAXIMAL.batchSize, rowMacs(MAXIMAL));
      expect(slices).toBeGreaterThan(10);
      const [start, end] = stepSliceRows(MAXIMAL.batchSize, slices, 0);
      expect(TRAIN_STEP_FORWARD_PASSES * (end - start) * rowMacs(MAXIMAL)).toBeLessThanOrEqual(STEP_SLICE_MACS[backend]!);
    }
    expect(computeStepSlices('cpu', MAXIMAL.batchSize, rowMacs(MAXIMAL))).toBeGreaterThan(computeStepSlices('wasm', MAXIMAL.batchSize, rowMacs(MAXIMAL)));
    expect(computeStepSlices('webgl', MAXIMAL.batchSize, rowMacs(MAXIMAL))).toBe(1);
    expect(computeStepSlices('webgpu', MAXIMAL.batchSize, rowMacs(MAXIMAL))).toBe(1);
  });

  it('leaves the default config whole on every backend (its numbers are unchanged)', () => {
    for (const backend of ['cpu', 'wasm', 'webgl', 'webgpu'] as const) expect(computeStepSlices(backend, DEFAULT_CONFIG.batchSize, rowMacs(DEFAULT_CONFIG))).toBe(1);
  });

  it('cuts any batch into non-empty slices that cover it once, in order (fuzzed)', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return 1 + (seed % n);
    };
    for (let trial = 0; trial < 500; trial++) {
      const batch = next(5000);
      const slices = countEqualSlices(batch, next(batch + 10));
      expect(slices).toBeGreaterThanOrEqual(1);
      expect(slices).toBeLessThanOrEqual(batch);
      let covered = 0;
      let gaps = 0;
      for (let i = 0; i < slices; i++) {
        const [start, end] = stepSliceRows(batch, slices, i);
        if (start !== covered || end <= start) gaps += 1;
        covered = end;
      }
      expect(gaps).toBe(0);
      expect(covered).toBe(batch);
    }
  });
});
