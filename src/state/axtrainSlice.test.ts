import { describe, expect, it } from 'vitest';
import { AXTRAIN_LIMITS, createAxtrainConfig, formatAxtrainLink } from '../core/axtrain/config';
import type { AxtrainMethodDelta, AxtrainPoint } from '../core/axtrain/run';
import type { HardwareReport } from '../core/axtrain/report';
import type { AxtrainProgressPayload } from '../../workers/axtrainProtocol';
import { useLabStore } from './store';
import {
  applyAxtrainDataset,
  describeMethodProgress,
  clampAxtrainNumber,
  createAxtrainRun,
  mergeAxtrainProgress,
  sameAxtrainConfig,
  selectAxtrainStale,
  toggleAxtrainMethodIn,
} from './axtrainSlice';

function point(step: number, accuracy: number): AxtrainPoint {
  return { step, epoch: step / 8, trainError: 0.5, trainSensitivity: null, gamma: null, testAccuracy: accuracy, testLoss: 0.4, testSensitivity: 1 };
}

function delta(method: AxtrainMethodDelta['method'], step: number, changes: Partial<AxtrainMethodDelta> = {}): AxtrainMethodDelta {
  return { method, step, totalSteps: 32, phase: 'BP · E', points: [], landscape: null, sensitivityMap: null, hardware: null, diverged: null, ...changes };
}

function payload(methods: AxtrainMethodDelta[], first = false): AxtrainProgressPayload {
  return {
    running: true,
    backend: first ? 'cpu' : null,
    backendReport: first ? [{ name: 'cpu', ok: true, reason: 'forced by the link (not measured)', verdict: 'chosen' }] : null,
    description: first ? 'Breast cancer: 455 train / 114 test rows' : null,
    evalEverySteps: first ? 8 : null,
    stepsPerSecond: 120,
    trainingMs: 50,
    methods,
  };
}

const report: HardwareReport = { results: [], multipliesPerInference: 6144, storedWordsPerInference: 6274 };

describe('AxTrain slice', () => {
  it('merges deltas per method: points appended, views and report replaced, untouched methods kept as the same object', () => {
    const config = { ...createAxtrainConfig('breastcancer'), methods: ['bp' as const, 'act' as const, 'pas' as const] };
    const run = createAxtrainRun(config);
    expect(run.snapshots.map((s) => s.method)).toEqual(['bp', 'act', 'pas']);
    const map1 = { fanIn: 64, fanOut: 2, values: new Float32Array(128) };
    const map2 = { fanIn: 64, fanOut: 2, values: new Float32Array(128).fill(1) };
    const next = mergeAxtrainProgress(run, [
      { payload: payload([delta('bp', 0), delta('act', 0), delta('pas', 0)], true), status: 'running' },
      { payload: payload([delta('bp', 8, { points: [point(8, 0.9)], sensitivityMap: map1, landscape: { alphas: [0], losses: [0.3] } })]), status: 'running' },
      {
        payload: payload([
          delta('bp', 16, { points: [point(16, 0.95)], sensitivityMap: map2, hardware: report }),
          delta('act', 16, { diverged: { atStep: 12, restoredStep: 8, message: 'NaN' } }),
        ]),
        status: 'done',
      },
    ]);
    expect(next.status).toBe('done');
    expect(next.backend).toBe('cpu'); // from the first message, kept after it
    expect(next.backendReport).toHaveLength(1);
    expect(next.description).toMatch(/455 train/);
    expect(next.evalEverySteps).toBe(8);
    const bp = next.snapshots[0];
    expect(bp.points.map((p) => p.testAccuracy)).toEqual([0.9, 0.95]);
    expect(bp.sensitivityMap).toBe(map2);
    expect(bp.landscape).toEqual({ alphas: [0], losses: [0.3] }); // not replaced by a delta without one
    expect(bp.hardware).toBe(report);
    expect(next.snapshots[1].diverged).toEqual({ atStep: 12, restoredStep: 8, message: 'NaN' });
    expect(next.snapshots[1].step).toBe(16);
    expect(run.snapshots[0].points).toEqual([]); // the old run is not mutated
    // A later batch that touches only act leaves bp's snapshot the same object.
    const later = mergeAxtrainProgress(next, [{ payload: payload([delta('act', 24, { points: [point(24, 0.8)] })]), status: 'done' }]);
    expect(later.snapshots[0]).toBe(next.snapshots[0]);
    expect(later.snapshots[1].points).toHaveLength(1);
    expect(mergeAxtrainProgress(next, [])).toBe(next);
  });

  it('clamps control values with AXTRAIN_LIMITS and rounds the link’s integer fields', () => {
    expect(clampAxtrainNumber('epochs', 0, 150)).toBe(AXTRAIN_LIMITS.epochs.min);
    expect(clampAxtrainNumber('epochs', 1e9, 150)).toBe(AXTRAIN_LIMITS.epochs.max);
    expect(clampAxtrainNumber('epochs', 12.6, 150)).toBe(13);
    expect(clampAxtrainNumber('drumK', 9, 2)).toBe(8);
    expect(clampAxtrainNumber('evalRuns', Number.NaN, 50)).toBe(50);
    expect(clampAxtrainNumber('learningRate', 0.0025, 1e-3)).toBe(0.0025); // a float stays a float
    expect(clampAxtrainNumber('seed', -3, 1)).toBe(0);
  });

  it('a data-set switch brings that set’s topology, epochs and voltage and keeps the other settings', () => {
    const config = { ...createAxtrainConfig('breastcancer'), seed: 9, evalRuns: 7, methods: ['bp' as const, 'pas' as const] };
    const digits = applyAxtrainDataset(config, 'digits');
    const defaults = createAxtrainConfig('digits');
    expect(digits.dataset).toBe('digits');
    expect(digits.hidden).toEqual(defaults.hidden);
    expect(digits.epochs).toBe(defaults.epochs);
    expect(digits.ntvVoltageMv).toBe(defaults.ntvVoltageMv);
    expect([digits.seed, digits.evalRuns, digits.methods]).toEqual([9, 7, ['bp', 'pas']]);
    expect(formatAxtrainLink(digits)).toEqual(['ax=digits', 'ax.methods=bp%2Cpas', 'ax.seed=9', 'ax.runs=7']); // the digits defaults are not written
  });

  it('method toggles keep the registry order and at least one method', () => {
    const config = { ...createAxtrainConfig('breastcancer'), methods: ['pas' as const] };
    expect(toggleAxtrainMethodIn(config, 'bp', true)!.methods).toEqual(['bp', 'pas']);
    expect(toggleAxtrainMethodIn(config, 'pas', false)).toBeNull(); // the last one stays
    expect(toggleAxtrainMethodIn(config, 'pas', true)).toBeNull(); // already on
  });

  it('configs compare by their link text; a run is stale once the view’s settings differ from its own', () => {
    const a = createAxtrainConfig('breastcancer');
    expect(sameAxtrainConfig(a, { ...a, methods: [...a.methods] })).toBe(true);
    expect(sameAxtrainConfig(a, { ...a, seed: 2 })).toBe(false);
    expect(sameAxtrainConfig(null, null)).toBe(true);
    expect(sameAxtrainConfig(a, null)).toBe(false);
    const run = createAxtrainRun(a);
    expect(selectAxtrainStale({ axtrain: a, axtrainRun: run })).toBe(false);
    expect(selectAxtrainStale({ axtrain: { ...a, epochs: 4 }, axtrainRun: run })).toBe(true);
    expect(selectAxtrainStale({ axtrain: a, axtrainRun: null })).toBe(false);
  });

  it('store setters validate their input and write a new config only when something changed; with no AxTrain view they do nothing', () => {
    const store = useLabStore.getState();
    store.setAxtrain(null);
    store.setAxtrainNumber('epochs', 10);
    expect(useLabStore.getState().axtrain).toBeNull();
    store.setAxtrain(createAxtrainConfig('breastcancer'));
    const before = useLabStore.getState().axtrain;
    store.setAxtrain(createAxtrainConfig('breastcancer')); // equal: no new object
    store.setAxtrainNumber('epochs', before!.epochs);
    store.setAxtrainDataset('mnist-cnn');
    store.toggleAxtrainMethod('sgd', true);
    store.setAxtrainHardware('quantum');
    store.setAxtrainVoltage(500);
    expect(useLabStore.getState().axtrain).toBe(before);
    store.setAxtrainNumber('drumK', 12);
    store.setAxtrainHardware('drum');
    store.setAxtrainVoltage(660);
    store.toggleAxtrainMethod('act', false);
    const after = useLabStore.getState().axtrain!;
    expect([after.drumK, after.hardware, after.ntvVoltageMv, after.methods]).toEqual([8, 'drum', 660, ['bp', 'pas', 'actpas']]);
    store.setAxtrain(null);
  });

  it('describes a method’s progress in epochs; actpas counts its pas epochs', () => {
    const config = { epochs: 4, pasEpochs: 10 };
    const snapshot = createAxtrainRun(createAxtrainConfig('breastcancer')).snapshots[3];
    expect(describeMethodProgress(snapshot, config)).toBe('epoch 0 / 14');
    expect(describeMethodProgress({ ...snapshot, step: 24, totalSteps: 112 }, config)).toBe('epoch 3 / 14');
    expect(describeMethodProgress({ ...snapshot, step: 28, totalSteps: 112 }, config)).toBe('epoch 3.5 / 14');
    expect(describeMethodProgress({ ...snapshot, method: 'bp', step: 32, totalSteps: 32, hardware: report }, config)).toBe('epoch 4 / 4 · hardware scored');
    expect(describeMethodProgress({ ...snapshot, method: 'act', step: 12, totalSteps: 32, diverged: { atStep: 12, restoredStep: 8, message: 'NaN' } }, config)).toBe(
      'epoch 1.5 / 4 · diverged at step 12',
    );
  });
});
