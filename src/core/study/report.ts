/**
 * The study's Markdown report: budget statement, wall time, one table per figure, and the claims
 * table (paper vs ours, formula, verdict). Pure: the same report object ⇒ the same text.
 */
import { computeStudyClaims, type StudyClaim } from './claims';
import { buildStudyFigures, formatSeconds, type FigureTable, type StudyFigure } from './figures';
import { CONTROL_PLACEMENT_SPECS, INITIALIZATION_SPECS } from '../modelChoices';
import { describeStudyBound, QUICK_BUDGET_NOTE, STUDY_BENCHMARKS, STUDY_CONTROL_PLACEMENT } from './plan';
import type { StudyReport } from './results';

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderMarkdownTable(table: FigureTable): string {
  const lines = [`| ${table.header.map(escapeCell).join(' | ')} |`, `|${table.header.map(() => '---').join('|')}|`];
  for (const row of table.rows) lines.push(`| ${row.map(escapeCell).join(' | ')} |`);
  return lines.join('\n');
}

export function renderClaimsTable(claims: readonly StudyClaim[]): string {
  return renderMarkdownTable({
    header: ['figure', 'claim', 'paper', 'ours', 'formula', 'verdict'],
    rows: claims.map((c) => [c.figure, c.statement, c.paper, c.ours, c.formula, c.verdictText]),
  });
}

/** File name of a figure's SVG in the report directory. */
export function figureFileName(figure: Pick<StudyFigure, 'id'>): string {
  return `fig-${figure.id.replace(/^fig/, '')}.svg`;
}

export function renderStudyReport(report: StudyReport): string {
  const { plan, results } = report;
  const figures = buildStudyFigures(plan, results);
  const claims = computeStudyClaims(plan, results);
  const quick = plan.size === 'quick';
  const ran = Object.values(results);
  const trainingMs = ran.reduce((s, r) => s + r.trainingMs, 0);
  const out: string[] = [];
  out.push(`# AXNet §V reproduction — ${quick ? 'QUICK budget' : 'full budget'}`);
  out.push('');
  if (quick) out.push(`> **${QUICK_BUDGET_NOTE}.** Tiny step counts and data sets: a smoke test of the pipeline, not evidence for or against the paper.`, '');
  out.push(`- Budget: ${report.budgetStatement}`);
  out.push(
    `- Wall time: ${formatSeconds(report.wallMs)} for ${ran.length}/${plan.jobs.length} jobs (${ran.filter((r) => r.cached).length} from cache); Σ training time ${formatSeconds(trainingMs)}.`,
  );
  out.push(`- Environment: ${report.environment}; finished ${report.finishedAt}.`);
  out.push(
    '- Same data (seed), error bound, optimizer (Adam), activation (ReLU) and losses for every method (§V-A); AXNet resized to within 3 % of the baseline’s parameters in Fig. 6–8.',
  );
  // Plans before version 3 carried no initialization: they all started every bias at 0.1.
  const initialization = plan.initialization ? INITIALIZATION_SPECS[plan.initialization] : null;
  out.push(
    `- Initialization: ${initialization ? `${initialization.label} — ${initialization.description}` : 'not recorded (a plan older than version 3: biases 0.1)'} ` +
      `AXNet’s ⊙c: ${CONTROL_PLACEMENT_SPECS[STUDY_CONTROL_PLACEMENT].formula} (${CONTROL_PLACEMENT_SPECS[STUDY_CONTROL_PLACEMENT].label}).`,
  );
  out.push(
    '- Overall error (Fig. 8): each predicted-safe sample’s error averaged over its outputs, as the authors’ code does; the safe label still needs every output within the bound.',
  );
  out.push('- Parameters are counted as weights + biases of every deployed net (the paper’s own counts differ: 1284 vs 3216 printed, 1138 vs 3202 by this rule).');
  out.push(`- Error bounds: ${STUDY_BENCHMARKS.map((t) => `${t} ${describeStudyBound(t)}`).join('; ')}.`);
  out.push('- Fig. 10b (energy efficiency) is not part of this study: it is a model estimate, see the lab’s NPU view.');
  const diverged = ran.filter((r) => r.diverged);
  if (diverged.length) out.push(`- Diverged (weights of the last good step kept): ${diverged.map((r) => `${r.id} at step ${r.diverged!.atStep}`).join(', ')}.`);
  out.push('');
  out.push('## Claims: paper vs ours');
  out.push('');
  out.push(renderClaimsTable(claims));
  out.push('');
  const counts = { agrees: 0, differs: 0, 'not computed': 0 };
  for (const c of claims) counts[c.verdict]++;
  out.push(`${counts.agrees} agree, ${counts.differs} differ, ${counts['not computed']} not computed (numeric claims agree within ±25 % of the paper’s value).`);
  out.push('');
  for (const figure of figures) {
    out.push(`## ${figure.name} — ${figure.title}`);
    out.push('');
    out.push(figure.caption);
    out.push('');
    out.push(`![${figure.name}](${figureFileName(figure)})`);
    out.push('');
    out.push(figure.table.rows.length ? renderMarkdownTable(figure.table) : '_No results._');
    if (figure.missing.length) out.push('', `Missing jobs: ${figure.missing.join(', ')}.`);
    out.push('');
  }
  out.push('## Jobs');
  out.push('');
  out.push(
    renderMarkdownTable({
      header: ['job', 'topology', 'params', 'steps', 'true inv.', 'pred. inv.', 'training time', 'notes'],
      rows: plan.jobs.map((job) => {
        const r = results[job.id];
        if (!r) return [job.id, 'not run', '', '', '', '', '', ''];
        return [
          job.id,
          `A ${r.topology.approximator.join('-')} + C ${r.topology.predictor.join('-')}`,
          String(r.params),
          String(r.totalSteps),
          `${(100 * r.metrics.metrics.trueInvocation).toFixed(1)}%`,
          `${(100 * r.metrics.metrics.predictedInvocation).toFixed(1)}%`,
          formatSeconds(r.trainingMs),
          [...(r.notes ?? []), ...(r.diverged ? [r.diverged.message] : [])].join(' '),
        ];
      }),
    }),
  );
  out.push('');
  return out.join('\n');
}
