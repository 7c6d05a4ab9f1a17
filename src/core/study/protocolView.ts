/**
 * Reading the study's results under one budget protocol (./protocols.ts), pure TS.
 *
 *   readJobOutcome      one job's metrics, training time and steps as the protocol reads them (converge: the
 *                       early-stopped evaluation on the validation curve; the others: the last evaluation).
 *   collectStudyCells   the jobs of the protocol's schedule grouped into cells (cell id × bound), one outcome per seed.
 *   projectStudyView    the cells at the study bounds as a plan and results keyed by cell id, each result the
 *                       mean over seeds, so that the per-figure builders of ./figures.ts read them as one run.
 *
 * Plans before version 4 had no seeds, bounds or schedules: their jobs read as seed 1, per phase, at their bound.
 */
import type { InvocationMetrics } from '../metrics';
import type { TargetId } from '../targets/types';
import { STUDY_BOUNDS, type StudyJob, type StudyPlan } from './plan';
import { findEarlyStop, firstEligibleStep, STUDY_EARLY_STOP, STUDY_PROTOCOL_SPECS, type StudyProtocol, type StudySchedule } from './protocols';
import type { JobResult, StudyEvaluationPoint, StudyResults } from './results';
import { mean } from './stats';

/** What a protocol reads from one job. */
export interface JobOutcome {
  seed: number;
  metrics: InvocationMetrics;
  /** Training wall time up to the step read (converge: up to the stop step), ms. */
  trainingMs: number;
  /** Optimizer steps up to the step read (converge: the stop step). */
  steps: number;
  /** The step whose evaluation is read (converge: the best validation evaluation). */
  readStep: number;
  params: number;
  /** Converge: whether the patience ran out before the cap. */
  stoppedEarly: boolean;
  result: JobResult;
}

/** The fields of a job that plans before version 4 lacked. */
export function jobSchedule(job: StudyJob): StudySchedule {
  return job.schedule ?? 'perPhase';
}
export function jobSeed(job: StudyJob): number {
  return job.seed ?? job.config.seed;
}
export function jobBound(job: StudyJob): number {
  return job.bound ?? job.config.errorBound;
}
export function jobCell(job: StudyJob): string {
  return job.cell ?? job.id;
}

/** The protocols a plan can be read under (plans before version 4: per phase only). */
export function planProtocols(plan: StudyPlan): StudyProtocol[] {
  return plan.protocols?.length ? [...plan.protocols] : ['perPhase'];
}

/** One job's outcome under `protocol` (the job must belong to the protocol's schedule). */
export function readJobOutcome(job: StudyJob, result: JobResult, protocol: StudyProtocol): JobOutcome {
  const base: JobOutcome = {
    seed: jobSeed(job),
    metrics: result.metrics.metrics,
    trainingMs: result.trainingMs,
    steps: result.totalSteps,
    readStep: result.metrics.step,
    params: result.params,
    stoppedEarly: false,
    result,
  };
  if (protocol !== 'converge' || !result.validation?.length) return base;
  const curve = result.validation.map((p) => ({ step: p.step, value: p.trueInvocation }));
  const stop = findEarlyStop(curve, STUDY_EARLY_STOP, firstEligibleStep(job.config, job.method));
  if (!stop) return base;
  const best: StudyEvaluationPoint | undefined = result.history[stop.bestIndex];
  const stopStep = curve[stop.stopIndex].step;
  if (!best) return base;
  // Training time to the stop step: the run's training time in proportion to its steps (steps cost alike).
  const share = result.totalSteps > 0 ? Math.min(1, stopStep / result.totalSteps) : 1;
  return { ...base, metrics: best.metrics, readStep: best.step, steps: stopStep, trainingMs: result.trainingMs * share, stoppedEarly: stop.stoppedEarly };
}

export interface StudyCell {
  /** Cell id (the job id of seed 1 at the study bound, per phase): 'fig6/sobel/axnet'. */
  cell: string;
  target: TargetId;
  method: StudyJob['method'];
  bound: number;
  /** The job of the first seed (its config, figures and topology stand for the cell). */
  job: StudyJob;
  /** One outcome per seed that has a result, in seed order. */
  outcomes: JobOutcome[];
  /** Seeds of the plan that have no result yet, and their job ids. */
  missingSeeds: number[];
  missingJobs: string[];
}

/** The cells of `protocol`'s schedule, in plan order (cell, then bound). */
export function collectStudyCells(plan: StudyPlan, results: StudyResults, protocol: StudyProtocol): StudyCell[] {
  const schedule = STUDY_PROTOCOL_SPECS[protocol].schedule;
  const cells = new Map<string, StudyCell>();
  for (const job of plan.jobs) {
    if (jobSchedule(job) !== schedule) continue;
    const key = `${jobCell(job)}@${jobBound(job)}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { cell: jobCell(job), target: job.target, method: job.method, bound: jobBound(job), job, outcomes: [], missingSeeds: [], missingJobs: [] };
      cells.set(key, cell);
    }
    const result = results[job.id];
    if (result) cell.outcomes.push(readJobOutcome(job, result, protocol));
    else {
      cell.missingSeeds.push(jobSeed(job));
      cell.missingJobs.push(job.id);
    }
  }
  return [...cells.values()];
}

/** Mean of the metrics of several runs; overall errors over the runs that define them (null when none does). */
export function meanMetrics(all: readonly InvocationMetrics[]): InvocationMetrics {
  const avg = (pick: (m: InvocationMetrics) => number) => mean(all.map(pick));
  const avgNullable = (pick: (m: InvocationMetrics) => number | null) => {
    const defined = all.map(pick).filter((v): v is number => v !== null && Number.isFinite(v));
    return defined.length ? mean(defined) : null;
  };
  return {
    trueInvocation: avg((m) => m.trueInvocation),
    predictedInvocation: avg((m) => m.predictedInvocation),
    predictionAccuracy: avg((m) => m.predictionAccuracy),
    overallError: avgNullable((m) => m.overallError),
    overallErrorWorstOutput: avgNullable((m) => m.overallErrorWorstOutput),
    codeAgreement: avg((m) => m.codeAgreement),
    codeOverallError: avg((m) => m.codeOverallError),
    samples: all[0]?.samples ?? 0,
    safeCount: avg((m) => m.safeCount),
    predictedSafeCount: avg((m) => m.predictedSafeCount),
  };
}

/** Pointwise mean of histories of equal steps (else the first seed's). */
function meanHistory(outcomes: readonly JobOutcome[]): StudyEvaluationPoint[] {
  const first = outcomes[0].result.history;
  const aligned = outcomes.every((o) => o.result.history.length === first.length && o.result.history.every((p, k) => p.step === first[k].step));
  if (!aligned) return first;
  return first.map((point, k) => ({ ...point, metrics: meanMetrics(outcomes.map((o) => o.result.history[k].metrics)) }));
}

/** A cell as one JobResult: the mean over its seeds of what the protocol reads. */
export function summarizeCell(cell: StudyCell): JobResult | null {
  const { outcomes } = cell;
  if (outcomes.length === 0) return null;
  const first = outcomes[0].result;
  const metrics = meanMetrics(outcomes.map((o) => o.metrics));
  const history = meanHistory(outcomes);
  const readStep = Math.round(mean(outcomes.map((o) => o.readStep)));
  return {
    ...first,
    id: cell.cell,
    metrics: { ...first.metrics, step: readStep, metrics },
    history,
    params: Math.round(mean(outcomes.map((o) => o.params))),
    trainingMs: mean(outcomes.map((o) => o.trainingMs)),
    totalSteps: Math.round(mean(outcomes.map((o) => o.steps))),
    diverged: outcomes.find((o) => o.result.diverged)?.result.diverged ?? null,
    notes: [...first.notes, ...(outcomes.length > 1 ? [`mean of ${outcomes.length} seeds`] : [])],
  };
}

/**
 * The cells at the study bound of their benchmark as a plan of one job per cell (id = cell id) and their
 * seed means as its results: the shape the per-figure builders and the per-claim rules read.
 */
export function projectStudyView(plan: StudyPlan, results: StudyResults, protocol: StudyProtocol): { plan: StudyPlan; results: Record<string, JobResult> } {
  const cells = collectStudyCells(plan, results, protocol).filter((c) => c.bound === (STUDY_BOUNDS[c.target] ?? c.bound) || !c.job.figures.includes('fig6'));
  const jobs: StudyJob[] = [];
  const viewResults: Record<string, JobResult> = {};
  for (const cell of cells) {
    if (jobs.some((j) => j.id === cell.cell)) continue;
    jobs.push({ ...cell.job, id: cell.cell });
    const summary = summarizeCell(cell);
    if (summary) viewResults[cell.cell] = summary;
  }
  return { plan: { ...plan, jobs }, results: viewResults };
}

/** Jobs of `figure` under `protocol`'s schedule that have no result, in plan order. */
export function listMissingJobs(plan: StudyPlan, results: StudyResults, protocol: StudyProtocol, figure: StudyJob['figures'][number]): string[] {
  const schedule = STUDY_PROTOCOL_SPECS[protocol].schedule;
  return plan.jobs.filter((job) => jobSchedule(job) === schedule && job.figures.includes(figure) && !results[job.id]).map((job) => job.id);
}

/** One line of results.json's `rows`: a job as one protocol reads it. */
export interface StudyResultRow {
  job: string;
  cell: string;
  target: TargetId;
  method: StudyJob['method'];
  bound: number;
  seed: number;
  protocol: StudyProtocol;
  schedule: StudySchedule;
  trueInvocation: number;
  predictedInvocation: number;
  predictionAccuracy: number;
  overallError: number | null;
  trainingMs: number;
  steps: number;
  readStep: number;
  params: number;
  stoppedEarly: boolean;
}

/** Every job with a result, once per protocol of the plan that reads its schedule, in plan order. */
export function listStudyResultRows(plan: StudyPlan, results: StudyResults): StudyResultRow[] {
  const rows: StudyResultRow[] = [];
  for (const protocol of planProtocols(plan)) {
    const schedule = STUDY_PROTOCOL_SPECS[protocol].schedule;
    for (const job of plan.jobs) {
      const result = results[job.id];
      if (!result || jobSchedule(job) !== schedule) continue;
      const o = readJobOutcome(job, result, protocol);
      rows.push({
        job: job.id,
        cell: jobCell(job),
        target: job.target,
        method: job.method,
        bound: jobBound(job),
        seed: o.seed,
        protocol,
        schedule,
        trueInvocation: o.metrics.trueInvocation,
        predictedInvocation: o.metrics.predictedInvocation,
        predictionAccuracy: o.metrics.predictionAccuracy,
        overallError: o.metrics.overallError,
        trainingMs: o.trainingMs,
        steps: o.steps,
        readStep: o.readStep,
        params: o.params,
        stoppedEarly: o.stoppedEarly,
      });
    }
  }
  return rows;
}
