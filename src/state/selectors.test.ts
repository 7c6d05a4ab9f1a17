import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, cloneConfig } from '../core/config';
import type { InvocationMetrics } from '../core/metrics';
import type { EvaluationPoint, SurfaceSnapshot } from '../core/weights';
import {
  buildCompareTable,
  buildInvocationTable,
  formatTrainingTime,
  INVOCATION_SERIES,
  findGridIndex,
  findRange,
  formatMetric,
  formatTopology,
  readSurfaceAt,
  selectBackendFallback,
  selectBackendTooltip,
  selectCanStep,
  selectIsRunning,
  selectLatestMetrics,
} from './selectors';
import { findLastValueIndex } from '../core/decimate';
import { createCompareRun, type CompareRun } from './compareSlice';
import type { LabState } from './store';

const METRICS: InvocationMetrics = {
  trueInvocation: 0.5,
  predictedInvocation: 0.25,
  predictionAccuracy: 0.2,
  overallError: 0.01,
  overallErrorWorstOutput: 0.01,
  codeAgreement: 0.7,
  codeOverallError: 0.0025,
  samples: 4,
  safeCount: 2,
  predictedSafeCount: 1,
};

function makePoint(step: number): EvaluationPoint {
  return { step, metrics: { ...METRICS }, loss: 1, mse: 0.5, crossEntropy: 0.5, loneTrueInvocation: 0.4 };
}

/** A plain object shaped like the store; selectors must not need more. */
function makeState(overrides: Partial<LabState> = {}): LabState {
  return {
    config: cloneConfig(DEFAULT_CONFIG),
    status: 'idle',
    step: 0,
    backend: null,
    backendReport: [],
    history: [],
    surface: null,
    stepsPerSecond: 0,
    trainingMs: 0,
    parameterCounts: null,
    message: null,
    hover: null,
    notice: null,
    selectedPanel: 'invocation',
    ...overrides,
  } as LabState;
}

describe('run selectors', () => {
  it('reads the latest metrics, or null before any evaluation', () => {
    expect(selectLatestMetrics(makeState())).toBeNull();
    const state = makeState({ history: [makePoint(100), { ...makePoint(200), metrics: { ...METRICS, trueInvocation: 0.9 } }] });
    expect(selectLatestMetrics(state)?.trueInvocation).toBe(0.9);
  });

  it('knows when training is under way and when stepping is allowed', () => {
    expect(selectIsRunning(makeState({ status: 'running' }))).toBe(true);
    expect(selectIsRunning(makeState({ status: 'initializing' }))).toBe(true);
    expect(selectIsRunning(makeState({ status: 'paused' }))).toBe(false);
    expect(selectCanStep(makeState({ status: 'idle' }))).toBe(true);
    expect(selectCanStep(makeState({ status: 'done' }))).toBe(false);
    expect(selectCanStep(makeState({ status: 'error' }))).toBe(false);
  });

  it('lists self-test results', () => {
    const state = makeState({
      backend: 'wasm',
      backendReport: [
        { name: 'webgpu', ok: false, reason: 'software adapter (SwiftShader), not used', verdict: 'software' },
        { name: 'wasm', ok: true, reason: 'chosen: 412 steps/s, the fastest measured', verdict: 'chosen', stepsPerSecond: 412 },
        { name: 'cpu', ok: false },
      ],
    });
    expect(selectBackendTooltip(state).split('\n')).toEqual([
      'Requested: auto',
      'webgpu: software adapter (SwiftShader), not used',
      'wasm: chosen: 412 steps/s, the fastest measured',
      'cpu: failed',
    ]);
  });

  it('words a forced backend that fell back, for a visible notice, and stays null otherwise (issue 12 item 5)', () => {
    const report = [
      { name: 'wasm', ok: false, reason: 'CompileError: WebAssembly.instantiate(): refused by the Content-Security-Policy', verdict: 'failed' as const },
      { name: 'cpu', ok: true, reason: 'self-test passed', verdict: 'chosen' as const },
    ];
    const forced = (backend: 'wasm' | 'auto' | 'cpu', running: 'wasm' | 'cpu' | null) =>
      makeState({ config: { ...DEFAULT_CONFIG, backend }, backend: running, backendReport: running ? report : [] });
    expect(selectBackendFallback(forced('wasm', 'cpu'))).toBe(
      'Asked for wasm, running on cpu: wasm: CompileError: WebAssembly.instantiate(): refused by the Content-Security-Policy. Its numbers can differ from a wasm run.',
    );
    expect(selectBackendFallback(forced('wasm', null))).toBeNull();
    expect(selectBackendFallback(forced('auto', 'cpu'))).toBeNull();
    expect(selectBackendFallback(forced('cpu', 'cpu'))).toBeNull();
  });
});

describe('formatting', () => {
  it('prints metrics with 4 decimals and a dash for missing or non-finite values', () => {
    expect(formatMetric(0.5)).toBe('0.5000');
    expect(formatMetric(null)).toBe('–');
    expect(formatMetric(Number.NaN)).toBe('–');
    expect(formatMetric(Number.POSITIVE_INFINITY)).toBe('–');
  });

  it('formats topologies with the split output layer Σ L_i + 2 (eq. 3)', () => {
    expect(formatTopology({ approximatorHidden: [4, 4], predictorHidden: [4] }, 2, 1)).toBe('A 2-4-4-1, C 2-4-10');
    expect(formatTopology({ approximatorHidden: [6], predictorHidden: [4] }, 64, 64)).toBe('A 64-6-64, C 64-4-8');
  });
});

describe('chart tables', () => {
  it('builds the invocation table from evaluation points, one column per point', () => {
    const table = buildInvocationTable([makePoint(100), makePoint(150)]);
    expect(table.x).toEqual([100, 150]);
    expect(table.ys).toEqual([
      [0.5, 0.5],
      [0.25, 0.25],
      [0.2, 0.2],
      [0.4, 0.4],
      [0.01, 0.01],
    ]);
    expect(buildInvocationTable([])).toEqual({ x: [], ys: INVOCATION_SERIES.map(() => []) });
  });

  it('puts every compare run on its own budget: a 16× longer run spans the same 0–100 %', () => {
    const run = (method: CompareRun['method'], totalSteps: number, every: number): CompareRun => {
      const history = Array.from({ length: totalSteps / every }, (_, k) => makePoint((k + 1) * every));
      return { ...createCompareRun(method), totalSteps, step: totalSteps, history, historyMs: history.map((p) => p.step * 3) };
    };
    const runs = [run('axnet', 1000, 50), run('iterative', 16_000, 50)];
    const budget = buildCompareTable(runs, 'budget', 2000);
    expect(Math.max(...budget.x)).toBe(100);
    const lastOf = (ys: readonly (number | null)[]) => budget.x[findLastValueIndex(ys)];
    expect(lastOf(budget.ys[0])).toBe(100); // AXNet ends at 100 %
    expect(lastOf(budget.ys[2])).toBe(100); // so does iterative
    expect(budget.ys).toHaveLength(4);
    const steps = buildCompareTable(runs, 'steps', 2000);
    expect(Math.max(...steps.x)).toBe(16_000);
    const time = buildCompareTable(runs, 'time', 2000);
    expect(Math.max(...time.x)).toBe(48); // 16,000 steps × 3 ms = 48 s
    // Decimation per run: the long run is cut to the pixel columns, the short one is kept whole.
    const narrow = buildCompareTable(runs, 'budget', 20);
    expect(narrow.ys[0].filter((v) => v !== null)).toHaveLength(20);
    expect(narrow.ys[2].filter((v) => v !== null).length).toBeLessThanOrEqual(20 * 6);
  });

  it('formats training time like the readouts', () => {
    expect(formatTrainingTime(12_345)).toBe('12.3 s');
    expect(formatTrainingTime(0)).toBe('0.0 s');
  });
});

describe('surface lookups', () => {
  const n = 3;
  const surface: SurfaceSnapshot = {
    step: 10,
    resolution: n,
    ranges: [
      [0, 1],
      [0, 2],
    ],
    target: Float32Array.from({ length: 9 }, (_, k) => k),
    axnet: Float32Array.from({ length: 9 }, (_, k) => k + 0.5),
    lone: null,
    error: new Float32Array(9).fill(0.5),
    safeProbability: new Float32Array(9).fill(0.9),
    hidden: [
      {
        width: 2,
        before: new Float32Array(18).fill(1),
        control: Float32Array.from({ length: 18 }, (_, k) => (k % 2 === 0 ? 0.05 : 1)),
        after: new Float32Array(18).fill(1),
      },
    ],
  };

  it('maps a point to the nearest grid cell, first input along the row, clamped to the grid', () => {
    expect(findGridIndex(surface, { u: 0, v: 0 })).toBe(0);
    expect(findGridIndex(surface, { u: 1, v: 0 })).toBe(2);
    expect(findGridIndex(surface, { u: 0, v: 2 })).toBe(6);
    expect(findGridIndex(surface, { u: 0.55, v: 1.1 })).toBe(4);
    expect(findGridIndex(surface, { u: -5, v: 99 })).toBe(6);
  });

  it('reads every value at a point and flags suppressed neurons', () => {
    const values = readSurfaceAt(surface, { u: 0.5, v: 1 });
    expect(values.u).toBe(0.5);
    expect(values.v).toBe(1);
    expect(values.target).toBe(4);
    expect(values.lone).toBeNull();
    expect(values.neurons[0].map((neuron) => neuron.suppressed)).toEqual([true, false]);
  });

  it('finds the range of finite values, ignoring NaN and Inf', () => {
    expect(findRange(Float32Array.from([1, Number.NaN, -2]), null, [Number.POSITIVE_INFINITY, 3])).toEqual([-2, 3]);
    expect(findRange([], [Number.NaN])).toEqual([0, 1]);
  });
});
