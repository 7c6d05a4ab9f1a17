import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../core/config';
import { planSweep } from '../core/sweep';
import type { EvaluationPoint } from '../ml/types';
import type { SweepProgressPayload } from '../../workers/sweepProtocol';
import { buildSweepRunRows, createSweepRun, mergeSweepProgress, sameSweep } from './sweepSlice';

const { plan } = planSweep({ parameter: 'errorBound', layer: 0, values: { kind: 'list', values: [0.01, 0.02] }, seeds: { kind: 'count', count: 2 } }, DEFAULT_CONFIG);

function point(step: number, t: number): EvaluationPoint {
  return {
    step,
    loss: 0,
    mse: 0,
    crossEntropy: 0,
    loneTrueInvocation: null,
    metrics: {
      trueInvocation: t,
      predictedInvocation: t / 2,
      predictionAccuracy: t,
      overallError: 0.01,
      overallErrorWorstOutput: 0.01,
      codeAgreement: 0,
      codeOverallError: 0,
      samples: 1,
      safeCount: 0,
      predictedSafeCount: 0,
    },
  };
}

function payload(step: number, points: SweepProgressPayload['points'], stopped: SweepProgressPayload['stopped'] = []): SweepProgressPayload {
  return { step, totalSteps: 200, running: true, backend: null, backendReport: null, modelStepsPerSecond: 10, stepsPerSecond: 2, trainingMs: step, points, stopped };
}

describe('sweep slice', () => {
  it('merges points per variant in order, copying only the variants that changed', () => {
    const run = createSweepRun(plan!, []);
    const next = mergeSweepProgress(run, [
      {
        payload: payload(100, [
          { variant: 0, point: point(100, 0.2) },
          { variant: 2, point: point(100, 0.4) },
        ]),
        status: 'running',
      },
      { payload: payload(200, [{ variant: 0, point: point(200, 0.3) }], [{ variant: 3, atStep: 150, message: 'NaN' }]), status: 'done' },
    ]);
    expect(next.status).toBe('done');
    expect(next.step).toBe(200);
    expect(next.variants[0].steps).toEqual([100, 200]);
    expect(next.variants[0].trueInvocation).toEqual([0.2, 0.3]);
    expect(next.variants[1]).toBe(run.variants[1]); // untouched: same object (the multiples skip its cell)
    expect(next.variants[3].stopped).toEqual({ atStep: 150, message: 'NaN' });
    expect(run.variants[0].steps).toEqual([]); // the old state is not mutated
    const rows = buildSweepRunRows(next);
    expect(rows.map((r) => [r.variant, r.value, r.seed, r.steps])).toEqual([
      [0, 0.01, 1, 200],
      [2, 0.02, 1, 100],
    ]);
  });

  it('specs compare by their link text', () => {
    const a = plan!.spec;
    expect(sameSweep(a, { ...a })).toBe(true);
    expect(sameSweep(a, null)).toBe(false);
    expect(sameSweep(null, null)).toBe(true);
  });
});
