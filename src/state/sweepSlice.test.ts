import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../core/config';
import { planSweep } from '../core/sweep';
import type { EvaluationPoint } from '../ml/types';
import type { SweepProgressPayload } from '../../workers/sweepProtocol';
import { buildSweepRunRows, createSweepRun, markSweepRun, mergeSweepProgress, rewindSweepRun, sameSweep } from './sweepSlice';

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
      { payload: payload(200, [{ variant: 0, point: point(200, 0.3) }], [{ variant: 3, atStep: 150, restoredStep: 150, message: 'NaN' }]), status: 'done' },
    ]);
    expect(next.status).toBe('done');
    expect(next.step).toBe(200);
    expect(next.variants[0].steps).toEqual([100, 200]);
    expect(next.variants[0].trueInvocation).toEqual([0.2, 0.3]);
    expect(next.variants[1]).toBe(run.variants[1]); // untouched: same object (the multiples skip its cell)
    expect(next.variants[3].stopped).toEqual({ atStep: 150, restoredStep: 150, message: 'NaN' });
    expect(run.variants[0].steps).toEqual([]); // the old state is not mutated
    const rows = buildSweepRunRows(next);
    expect(rows.map((r) => [r.variant, r.value, r.seed, r.steps])).toEqual([
      [0, 0.01, 1, 200],
      [2, 0.02, 1, 100],
    ]);
  });

  it('a rewind to the marks of a checkpoint drops the points and stops after it, and waits for its worker', () => {
    const atCheckpoint = mergeSweepProgress(createSweepRun(plan!, []), [
      {
        payload: payload(
          100,
          [0, 1, 2, 3].map((variant) => ({ variant, point: point(100, 0.1 * (variant + 1)) })),
        ),
        status: 'running',
      },
      // Variant 3 diverged before the checkpoint: it keeps its stop.
      { payload: payload(150, [{ variant: 3, point: point(100, 0.4) }], [{ variant: 3, atStep: 100, restoredStep: 100, message: 'NaN' }]), status: 'running' },
    ]);
    const marks = markSweepRun(atCheckpoint);
    // After the checkpoint: new points, and variant 1 diverges at the checkpoint's step (its kept-weights point repeats it).
    const later = mergeSweepProgress(atCheckpoint, [
      {
        payload: payload(
          200,
          [0, 1, 2].map((variant) => ({ variant, point: point(200, 0.5) })),
          [{ variant: 1, atStep: 150, restoredStep: 150, message: 'NaN' }],
        ),
        status: 'running',
      },
    ]);
    const rewound = rewindSweepRun({ ...later, status: 'error', message: 'The sweep worker stopped responding.' }, marks);
    expect(rewound.status).toBe('initializing');
    expect(rewound.message).toBeNull();
    expect(rewound.step).toBe(150);
    expect(rewound.trainingMs).toBe(150);
    expect(rewound.variants.map((v) => v.steps)).toEqual([[100], [100], [100], [100, 100]]);
    expect(rewound.variants.map((v) => v.trueInvocation)).toEqual([[0.1], [0.2], [0.30000000000000004], [0.4, 0.4]]);
    expect(rewound.variants.map((v) => v.last?.step)).toEqual([100, 100, 100, 100]);
    expect(rewound.variants.map((v) => v.stopped)).toEqual([null, null, null, { atStep: 100, restoredStep: 100, message: 'NaN' }]);
    expect(buildSweepRunRows(rewound)).toEqual(buildSweepRunRows(atCheckpoint));
    expect(later.variants[0].steps).toEqual([100, 200]); // not mutated
  });

  it('specs compare by their link text', () => {
    const a = plan!.spec;
    expect(sameSweep(a, { ...a })).toBe(true);
    expect(sameSweep(a, null)).toBe(false);
    expect(sameSweep(null, null)).toBe(true);
  });
});
