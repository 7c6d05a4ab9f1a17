import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, cloneConfig } from '../core/config';
import { aggregateCompareStatus, createCompareRun, mergeCompareBatch, mergeCompareProgress, rewindCompareRun, type CompareRun } from './compareSlice';
import { applyTargetDefaults, useLabStore } from './store';
import { TARGET_LAB_DEFAULTS } from '../core/targets/labDefaults';
import type { ProgressPayload } from '../../workers/protocol';

const point = (step: number, trueInvocation: number) => ({
  step,
  metrics: {
    trueInvocation,
    predictedInvocation: 0.5,
    predictionAccuracy: 0.5,
    overallError: 0.1,
    overallErrorWorstOutput: 0.1,
    codeAgreement: 1,
    codeOverallError: 0.05,
    samples: 2,
    safeCount: 1,
    predictedSafeCount: 1,
  },
  loss: 1,
  mse: 0.5,
  crossEntropy: 0.5,
  loneTrueInvocation: null,
});

const payload = (step: number, points: ReturnType<typeof point>[]): ProgressPayload => ({
  method: 'onepass',
  step,
  totalSteps: 400,
  phase: 'approximator',
  phaseMessage: null,
  running: true,
  backend: step === 0 ? 'cpu' : null,
  backendReport: null,
  stepsPerSecond: 100,
  trainingMs: step,
  points,
  parameterCounts: step === 0 ? { approximator: 10, predictor: 5, total: 15, lone: 0 } : null,
  surface: null,
});

describe('compare slice', () => {
  it('merges progress: appends points, keeps backend and parameter counts once sent', () => {
    let run: CompareRun = createCompareRun('onepass');
    run = mergeCompareProgress(run, payload(0, []), 'running');
    run = mergeCompareProgress(run, payload(100, [point(100, 0.2)]), 'running');
    run = mergeCompareProgress(run, payload(200, [point(200, 0.3)]), 'paused');
    expect(run.history.map((p) => p.step)).toEqual([100, 200]);
    expect(run.backend).toBe('cpu');
    expect(run.parameterCounts?.total).toBe(15);
    expect(run.totalSteps).toBe(400);
    expect(run.phase).toBe('approximator');
    expect(run.status).toBe('paused');
  });

  it('times each point by interpolating training time in steps between the messages around it', () => {
    let run: CompareRun = createCompareRun('onepass');
    run = mergeCompareProgress(run, { ...payload(100, [point(50, 0.1), point(100, 0.2)]), trainingMs: 1000 }, 'running');
    run = mergeCompareProgress(run, { ...payload(300, [point(150, 0.3), point(300, 0.4)]), trainingMs: 2000 }, 'running');
    // 0 → 1000 ms over steps 0 → 100; 1000 → 2000 ms over steps 100 → 300.
    expect(run.historyMs).toEqual([500, 1000, 1250, 2000]);
    expect(run.historyMs).toHaveLength(run.history.length);
  });

  it('merges one frame of several workers in order, with the header summary of the result', () => {
    const runs = [createCompareRun('axnet'), createCompareRun('onepass')];
    const next = mergeCompareBatch({ compareRuns: runs, npuBaselines: {}, npuCompareAxnet: null }, [
      { method: 'axnet', payload: { ...payload(100, [point(100, 0.1)]), method: 'axnet' }, status: 'running' },
      { method: 'onepass', payload: payload(40, [point(40, 0.2)]), status: 'running' },
      { method: 'axnet', payload: { ...payload(200, [point(200, 0.3)]), method: 'axnet' }, status: 'done' },
    ]);
    expect(next.compareRuns.map((run) => run.history.map((p) => p.step))).toEqual([[100, 200], [40]]);
    expect(next.compareRuns.map((run) => run.status)).toEqual(['done', 'running']);
    expect(next.step).toBe(40);
    expect(next.trainingMs).toBe(240);
    expect(next.status).toBe('running');
    expect(runs[0].history).toEqual([]); // the old state is not mutated
  });

  it('aggregates statuses: running wins, all failed is error, finished or failed is done', () => {
    const with_ = (...statuses: CompareRun['status'][]) => statuses.map((status, k) => ({ ...createCompareRun(k === 0 ? 'axnet' : 'onepass'), status }));
    expect(aggregateCompareStatus([])).toBe('idle');
    expect(aggregateCompareStatus(with_('running', 'error'))).toBe('running');
    expect(aggregateCompareStatus(with_('error', 'error'))).toBe('error');
    expect(aggregateCompareStatus(with_('done', 'error'))).toBe('done');
    expect(aggregateCompareStatus(with_('paused', 'done'))).toBe('paused');
  });

  it('a crash of one method leaves the others as they are', () => {
    const store = useLabStore.getState();
    store.startCompareRuns(['axnet', 'onepass', 'weightsharing']);
    store.applyCompareProgress('axnet', payload(100, [point(100, 0.4)]), 'running');
    store.failCompareRun('onepass', 'crashed');
    const runs = useLabStore.getState().compareRuns;
    expect(runs.map((r) => r.status)).toEqual(['running', 'error', 'initializing']);
    expect(runs[1].message).toBe('crashed');
    expect(runs[0].history).toHaveLength(1);
  });

  it('keeps the trained nets of the compared methods for the NPU view (Fig. 10b) and clears them on reset', () => {
    const layer = (fanIn: number, fanOut: number) => ({ fanIn, fanOut, kernel: new Float32Array(fanIn * fanOut), bias: new Float32Array(fanOut) });
    const onepassNets = { approximator: [layer(2, 4), layer(4, 1)], classifier: [layer(2, 4), layer(4, 2)] };
    const iterativeNets = { approximator: [layer(2, 3), layer(3, 1)], classifier: [layer(2, 3), layer(3, 2)] };
    const axnetWeights = { approximator: [layer(2, 4), layer(4, 1)], predictor: [layer(2, 4), layer(4, 6)] };
    const store = useLabStore.getState();
    store.startCompareRuns(['axnet', 'onepass', 'iterative']);
    store.applyCompareProgress('onepass', { ...payload(100, []), baselineWeights: onepassNets }, 'paused');
    store.applyCompareProgress('axnet', { ...payload(200, []), method: 'axnet', weights: axnetWeights }, 'done');
    store.applyCompareProgress('iterative', { ...payload(300, []), method: 'iterative', baselineWeights: iterativeNets }, 'done');
    // A message without nets (training goes on) keeps the last ones.
    store.applyCompareProgress('onepass', payload(150, []), 'running');
    let state = useLabStore.getState();
    expect(state.npuBaselines.onepass).toBe(onepassNets);
    expect(state.npuBaselines.iterative).toBe(iterativeNets);
    expect(state.npuCompareAxnet).toEqual({ weights: axnetWeights, step: 200 });
    // A new comparison (or reset / config change) drops them.
    store.startCompareRuns(['axnet', 'onepass']);
    state = useLabStore.getState();
    expect(state.npuBaselines).toEqual({});
    expect(state.npuCompareAxnet).toBeNull();
    store.applyCompareProgress('onepass', { ...payload(100, []), baselineWeights: onepassNets }, 'paused');
    store.clearCompareRuns();
    expect(useLabStore.getState().npuBaselines).toEqual({});
  });
});

describe('a lane resumed from its checkpoint', () => {
  it('keeps its curve up to the checkpoint step, drops what came after, and starts again with no message', () => {
    let run = createCompareRun('onepass');
    run = mergeCompareProgress(run, payload(100, [point(100, 0.1)]), 'running');
    run = mergeCompareProgress(run, payload(200, [point(200, 0.2)]), 'running');
    run = mergeCompareProgress(run, payload(300, [point(300, 0.3)]), 'running');
    run = { ...run, status: 'error', message: 'The onepass worker stopped responding' };
    const rewound = rewindCompareRun(run, 200);
    expect(rewound.history.map((p) => p.step)).toEqual([100, 200]);
    expect(rewound.historyMs).toEqual(run.historyMs.slice(0, 2));
    expect(rewound.trainingMs).toBe(run.historyMs[1]);
    expect(rewound).toMatchObject({ status: 'initializing', step: 200, message: null });
    expect(rewindCompareRun(run, 0).history).toEqual([]);
  });
});

describe('method config', () => {
  beforeEach(() => useLabStore.getState().replaceConfig(cloneConfig(DEFAULT_CONFIG)));

  it('toggles methods in METHOD_IDS order and keeps at least one', () => {
    const store = useLabStore.getState();
    store.toggleMethod('weightsharing', true);
    store.toggleMethod('onepass', true);
    expect(useLabStore.getState().config.methods).toEqual(['axnet', 'onepass', 'weightsharing']);
    store.toggleMethod('axnet', false);
    store.toggleMethod('onepass', false);
    store.toggleMethod('weightsharing', false);
    expect(useLabStore.getState().config.methods).toEqual(['weightsharing']);
    store.toggleMethod('nonsense', true);
    expect(useLabStore.getState().config.methods).toEqual(['weightsharing']);
  });

  it('validates fusion, P(x), rounds and choose_type', () => {
    const store = useLabStore.getState();
    store.setFusion('second');
    store.setFusion('third');
    store.setPredictionOutput('sigmoid');
    store.setRounds(500);
    store.setChooseType(9);
    store.setChooseType(1);
    store.setMatchParameters(true);
    const config = useLabStore.getState().config;
    expect(config.fusion).toBe('second');
    expect(config.predictionOutput).toBe('sigmoid');
    expect(config.rounds).toBe(50);
    expect(config.chooseType).toBe(1);
    expect(config.matchParameters).toBe(true);
  });

  it("a target switch applies the target's calibrated lab defaults and keeps the other fields", () => {
    const next = applyTargetDefaults({ ...cloneConfig(DEFAULT_CONFIG), seed: 5, methods: ['axnet', 'onepass'] }, 'sobel');
    const sobel = TARGET_LAB_DEFAULTS.sobel;
    expect(next.target).toBe('sobel');
    expect(next.errorBound).toBe(sobel.errorBound);
    expect(next.approximatorHidden).toEqual([...sobel.approximatorHidden]);
    expect(next.predictorHidden).toEqual([...sobel.predictorHidden]);
    expect([next.learningRate, next.steps, next.trainSize, next.testSize]).toEqual([sobel.learningRate, sobel.steps, sobel.trainSize, sobel.testSize]);
    expect([next.seed, next.methods]).toEqual([5, ['axnet', 'onepass']]);
    useLabStore.getState().setTarget('inversek2j');
    expect(useLabStore.getState().config).toMatchObject({
      approximatorHidden: [...TARGET_LAB_DEFAULTS.inversek2j.approximatorHidden],
      errorBound: TARGET_LAB_DEFAULTS.inversek2j.errorBound,
      learningRate: TARGET_LAB_DEFAULTS.inversek2j.learningRate,
    });
  });
});
