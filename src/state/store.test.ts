import { beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_LIMITS, DEFAULT_CONFIG, cloneConfig } from '../core/config';
import { clampConfigNumber, clampHiddenWidths, statusAfterMessage, useLabStore } from './store';
import { describeWorkerFailure } from './trainingController';

describe('config slice', () => {
  beforeEach(() => useLabStore.getState().replaceConfig(cloneConfig(DEFAULT_CONFIG)));

  it('clamps numbers into CONFIG_LIMITS, rounds integer fields, and ignores NaN', () => {
    expect(clampConfigNumber('learningRate', 5, 0.01)).toBe(CONFIG_LIMITS.learningRate.max);
    expect(clampConfigNumber('steps', -5, 3000)).toBe(CONFIG_LIMITS.steps.min);
    expect(clampConfigNumber('batchSize', 12.6, 128)).toBe(13);
    expect(clampConfigNumber('seed', Number.NaN, 7)).toBe(7);
    expect(clampConfigNumber('errorBound', Number.POSITIVE_INFINITY, 0.02)).toBe(0.02);
  });

  it('clamps hidden layers to 1..4 layers of 1..128 neurons', () => {
    expect(clampHiddenWidths([0, 500, 4.4], [4])).toEqual([1, 128, 4]);
    expect(clampHiddenWidths([1, 2, 3, 4, 5], [4])).toEqual([1, 2, 3, 4]);
    expect(clampHiddenWidths([], [4, 4])).toEqual([4, 4]);
  });

  it('setters write a new config object only when something changed', () => {
    const before = useLabStore.getState().config;
    useLabStore.getState().setNumber('seed', before.seed);
    expect(useLabStore.getState().config).toBe(before);
    useLabStore.getState().setNumber('seed', 42);
    expect(useLabStore.getState().config.seed).toBe(42);
    useLabStore.getState().setTarget('not-a-target');
    useLabStore.getState().setBackend('quantum');
    expect(useLabStore.getState().config.target).toBe(DEFAULT_CONFIG.target);
    expect(useLabStore.getState().config.backend).toBe(DEFAULT_CONFIG.backend);
  });
});

describe('run slice', () => {
  it('appends evaluation points and keeps the last surface when none is sent', () => {
    const store = useLabStore.getState();
    store.resetRunState();
    const point = {
      step: 100,
      metrics: {
        trueInvocation: 0.5,
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
    };
    const payload = {
      method: 'axnet' as const,
      totalSteps: 3000,
      phase: 'training',
      phaseMessage: null,
      step: 100,
      running: true,
      backend: 'cpu' as const,
      backendReport: [{ name: 'cpu', ok: true }],
      stepsPerSecond: 300,
      trainingMs: 10,
      points: [point],
      parameterCounts: null,
      surface: null,
    };
    store.applyProgress(payload, 'running');
    store.applyProgress({ ...payload, step: 150, backend: null, backendReport: null, points: [] }, 'paused');
    const state = useLabStore.getState();
    expect(state.history).toHaveLength(1);
    expect(state.step).toBe(150);
    expect(state.backend).toBe('cpu');
    expect(state.status).toBe('paused');
  });
});

describe('worker failures', () => {
  it('tells a lost GPU device apart from other crashes, with what to do', () => {
    expect(describeWorkerFailure('GPU device was lost: destroyed').kind).toBe('device');
    expect(describeWorkerFailure('GPU device was lost: destroyed').text).toMatch(/Reset/);
    expect(describeWorkerFailure('boom').kind).toBe('crash');
  });
});

describe('statusAfterMessage', () => {
  it('done ends the run; progress shows what the user asked for last', () => {
    expect(statusAfterMessage({ type: 'done' }, 'running')).toBe('done');
    expect(statusAfterMessage({ type: 'done' }, 'paused')).toBe('done');
    expect(statusAfterMessage({ type: 'progress' }, 'running')).toBe('running');
    expect(statusAfterMessage({ type: 'progress' }, 'paused')).toBe('paused');
  });
});
