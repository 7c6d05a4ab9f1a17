/**
 * Exports of the Paper view. AXNet (§V) study: results CSV (one row per job) and results JSON (a StudyReport).
 * AxTrain study: results.json and report.md, the very text `axlab reproduce --paper axtrain` writes for the same rows.
 */
import { formatAxtrainResultsJson, renderAxtrainStudyReport, type AxtrainStudyResults } from '../../core/axtrain/study';
import { STUDY_PLAN_VERSION, formatTopology, type StudyPlan } from '../../core/study/plan';
import type { JobResult, StudyReport } from '../../core/study/results';
import { escapeCsvField } from '../../core/runExport';

export const RESULTS_CSV_HEADER = [
  'job',
  'figures',
  'target',
  'method',
  'topology',
  'parameters',
  'total_steps',
  'training_ms',
  'true_invocation',
  'predicted_invocation',
  'prediction_accuracy',
  'overall_error',
  'backend',
  'cached',
  'diverged_at',
  'notes',
] as const;

/** RFC 4180 fields: one escaper for every CSV the lab writes (src/core/runExport.ts). */
export { escapeCsvField };

function formatCsvNumber(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '' : String(value);
}

/** One row per plan job, in plan order; jobs without a result have empty value columns. */
export function renderResultsCsv(plan: StudyPlan, results: Readonly<Record<string, JobResult>>): string {
  const lines = [RESULTS_CSV_HEADER.join(',')];
  for (const job of plan.jobs) {
    const r = results[job.id];
    const m = r?.metrics.metrics;
    const fields = [
      job.id,
      job.figures.join(' '),
      job.target,
      job.method,
      formatTopology(r ? r.topology : job.topology),
      formatCsvNumber(r?.params),
      formatCsvNumber(r?.totalSteps),
      formatCsvNumber(r ? Math.round(r.trainingMs) : null),
      formatCsvNumber(m?.trueInvocation),
      formatCsvNumber(m?.predictedInvocation),
      formatCsvNumber(m?.predictionAccuracy),
      formatCsvNumber(m?.overallError),
      r?.backend ?? '',
      r ? String(Boolean(r.cached)) : '',
      formatCsvNumber(r?.diverged?.atStep),
      r ? r.notes.join(' ') : 'not run',
    ];
    lines.push(fields.map(escapeCsvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The results as a StudyReport (the same shape as the CLI's results.json). */
export function buildStudyReport(plan: StudyPlan, results: Readonly<Record<string, JobResult>>, wallMs: number, environment: string): StudyReport {
  return {
    version: STUDY_PLAN_VERSION,
    size: plan.size,
    budgetStatement: plan.budgetStatement,
    finishedAt: new Date().toISOString(),
    wallMs,
    environment,
    plan,
    results: { ...results },
  };
}

/** The AxTrain study's two files, named by budget ("axtrain-study-quick-results.json"), with the CLI's content. */
export function renderAxtrainExports(results: AxtrainStudyResults): { json: { name: string; text: string }; markdown: { name: string; text: string } } {
  const budget = results.plan.quick ? 'quick' : 'full';
  return {
    json: { name: `axtrain-study-${budget}-results.json`, text: formatAxtrainResultsJson(results) },
    markdown: { name: `axtrain-study-${budget}-report.md`, text: renderAxtrainStudyReport(results) },
  };
}
