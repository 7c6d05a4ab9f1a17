import { describe, expect, it } from 'vitest';
import { buildStudyPlan, STUDY_BOUNDS } from './plan';
import { collectStudyCells, listStudyResultRows, projectStudyView, readJobOutcome } from './protocolView';
import type { JobResult } from './results';
import { makeFakeResult } from './testing';

const PLAN = buildStudyPlan('quick', { seeds: 3 });

/** A result whose validation curve is `validation` and test true invocation `test` at the same evaluations. */
function withCurves(job: (typeof PLAN.jobs)[number], test: number[], validation: number[]): JobResult {
  const result = makeFakeResult(job, { history: test, trainingMs: 1000 });
  return { ...result, totalSteps: test.length * 100, validation: validation.map((v, k) => ({ step: (k + 1) * 100, trueInvocation: v, predictionAccuracy: v })) };
}

describe('reading results under a protocol', () => {
  const axnet = PLAN.jobs.find((j) => j.schedule === 'equalSteps' && j.cell === 'fig6/sobel/axnet' && j.seed === 1 && j.bound === STUDY_BOUNDS.sobel)!;

  it('converge keeps the best validation evaluation and times training to the stop step', () => {
    // Validation peaks at evaluation 2 (step 200) and stalls for 4 evaluations: the stop is at step 600 of 800.
    const result = withCurves(axnet, [0.1, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6], [0.2, 0.5, 0.5, 0.49, 0.5, 0.48, 0.9, 0.9]);
    const converge = readJobOutcome(axnet, result, 'converge');
    expect(converge).toMatchObject({ readStep: 200, steps: 600, stoppedEarly: true });
    expect(converge.metrics.trueInvocation).toBe(0.3);
    expect(converge.trainingMs).toBeCloseTo(750, 9);
    // equalSteps reads the same run at its last step.
    expect(readJobOutcome(axnet, result, 'equalSteps')).toMatchObject({ readStep: 800, steps: 800, trainingMs: 1000, stoppedEarly: false });
  });

  it('groups a protocol’s jobs into cells with every seed, and projects the study bounds as seed means', () => {
    const results: Record<string, JobResult> = {};
    for (const job of PLAN.jobs) results[job.id] = makeFakeResult(job, { trueInvocation: 0.1 * job.seed });
    const cells = collectStudyCells(PLAN, results, 'converge');
    const sobel = cells.filter((c) => c.cell === 'fig6/sobel/axnet');
    expect(sobel.map((c) => c.bound)).toEqual([0.01, 0.03, 0.05, 0.1, 0.2]);
    for (const cell of sobel) expect(cell.outcomes.map((o) => o.seed)).toEqual([1, 2, 3]);
    const view = projectStudyView(PLAN, results, 'perPhase');
    expect(view.results['fig6/sobel/axnet'].metrics.metrics.trueInvocation).toBeCloseTo(0.2, 12);
    expect(view.plan.jobs.filter((j) => j.id === 'fig6/sobel/axnet')).toHaveLength(1);
    // One row per job and protocol that reads its schedule.
    const rows = listStudyResultRows(PLAN, results);
    const perSchedule = (s: string) => PLAN.jobs.filter((j) => j.schedule === s).length;
    expect(rows).toHaveLength(perSchedule('perPhase') + 2 * perSchedule('equalSteps'));
    expect(rows[0]).toMatchObject({ protocol: 'perPhase', target: 'bessel_Jnu', seed: 1 });
  });
});
