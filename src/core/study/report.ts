/**
 * The study's Markdown report. It leads with the claims table (each paper claim, per protocol our number ± its
 * spread over seeds and the verdict), then the budget, the figures per protocol, every claim per protocol, and the
 * list of choices the paper leaves open with the lab's. Pure: the same report object ⇒ the same text.
 */
import { computeLeadClaims, computeProtocolClaims, formatLeadClaim, formatStudyClaim, type LeadClaim, type StudyClaim } from './claims';
import { buildStudyFigures, formatSeconds, type FigureTable, type StudyFigure } from './figures';
import { CONTROL_PLACEMENT_SPECS, INITIALIZATION_SPECS } from '../modelChoices';
import { describeStudyBound, QUICK_BUDGET_NOTE, STUDY_BENCHMARKS, STUDY_BOUND_SWEEPS, STUDY_CONTROL_PLACEMENT, type StudyPlan } from './plan';
import { planProtocols } from './protocolView';
import { STUDY_EARLY_STOP, STUDY_PROTOCOL_SPECS, STUDY_PROTOCOLS, STUDY_VALIDATION_FRACTION, type StudyProtocol } from './protocols';
import type { StudyReport } from './results';
import { collectStudySweep, gainTable } from './sweep';

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
    rows: claims.map((claim) => formatStudyClaim(claim, 'en')).map((c) => [c.figure, c.statement, c.paper, c.ours, c.formula, c.verdictText]),
  });
}

/** File name of a figure's SVG in the report directory; protocols after the plan's first get a suffix. */
export function figureFileName(figure: Pick<StudyFigure, 'id'>, protocol?: StudyProtocol, plan?: Pick<StudyPlan, 'protocols'>): string {
  const first = plan ? planProtocols(plan as StudyPlan)[0] : protocol;
  const suffix = protocol && protocol !== first ? `-${protocol}` : '';
  return `fig-${figure.id.replace(/^fig/, '')}${suffix}.svg`;
}

/** The leading claims table: each claim, and per protocol our number ± spread with its verdict (in English, as every table of the report). */
export function renderLeadClaimsTable(claims: readonly LeadClaim[], protocols: readonly StudyProtocol[]): string {
  return renderMarkdownTable({
    header: ['claim', 'paper', ...protocols.map((p) => `${STUDY_PROTOCOL_SPECS[p].label}: ours (mean ± std over seeds) — verdict`), 'how ours is computed'],
    rows: claims
      .map((claim) => formatLeadClaim(claim, 'en'))
      .map((c) => [
        c.statement,
        c.paper,
        ...protocols.map((p) => {
          const r = c.readings.find((x) => x.protocol === p);
          return r ? `**${r.verdict}** · ${r.ours} — ${r.verdictText}` : 'n/a';
        }),
        c.formula,
      ]),
  });
}

/** Every choice the paper leaves open, and what the lab chose (report, Paper view). */
export function listOpenChoices(plan: StudyPlan): { choice: string; lab: string }[] {
  const b = plan.budget;
  const init = plan.initialization ? INITIALIZATION_SPECS[plan.initialization] : null;
  return [
    { choice: 'Training budget per method', lab: `three protocols, reported side by side: ${STUDY_PROTOCOLS.map((p) => `${p} (${STUDY_PROTOCOL_SPECS[p].rule})`).join('; ')}` },
    {
      choice: 'Steps',
      lab: `N = ${b.steps} per phase (jpeg ${b.jpegSteps}); equal total T = ${b.equalTotalSteps} (jpeg ${b.jpegEqualTotalSteps}), also converge's cap; iterative R = ${b.rounds} rounds`,
    },
    {
      choice: 'Early stopping (converge)',
      lab: `validation split = ${100 * STUDY_VALIDATION_FRACTION} % of the training rows (seeded shuffle, every protocol trains on the rest); evaluated every ${b.evalEvery} steps; patience ${STUDY_EARLY_STOP.patience} evaluations; improvement > ${100 * STUDY_EARLY_STOP.minDelta} points of true invocation; best evaluation kept; a baseline is read only after its first full classifier phase (onepass: at the cap)`,
    },
    {
      choice: 'Error bounds',
      lab: `swept: ${STUDY_BENCHMARKS.map((t) => `${t} ${(plan.bounds?.[t] ?? STUDY_BOUND_SWEEPS[t] ?? []).join(', ')}`).join('; ')}; Figs. 2, 8, 9, 10 at ${STUDY_BENCHMARKS.map((t) => `${t} ${describeStudyBound(t)}`).join('; ')}`,
    },
    { choice: 'Seeds', lab: `${(plan.seeds ?? [1]).length} per cell (${(plan.seeds ?? [1]).join(', ')}): each seeds the data, the initialization and the batches` },
    { choice: 'Initialization', lab: init ? `${init.label} — ${init.description}` : 'not recorded (plan before version 3: biases 0.1)' },
    { choice: 'Placement of ⊙c (eq. 4)', lab: `${CONTROL_PLACEMENT_SPECS[STUDY_CONTROL_PLACEMENT].formula} (${CONTROL_PLACEMENT_SPECS[STUDY_CONTROL_PLACEMENT].label})` },
    { choice: 'Overall error over several outputs', lab: 'each sample’s error averaged over its outputs (authors’ code); the safe label needs every output within the bound' },
    { choice: 'Optimizer, activation, batch', lab: 'Adam, lr 0.01 (jpeg 0.001) for every method, ReLU, batch 128' },
    { choice: 'Data', lab: `train ${b.trainSize} / test ${b.testSize} samples per seed; image benchmarks from photographs the lab may ship (not AxBench’s)` },
    { choice: 'Topologies', lab: 'registry iterative/MCMA presets; AXNet resized to within 3 % of the baseline’s weights + biases; fft uses AxBench NN 1-4-4-2' },
    { choice: 'Averaging the gain', lab: 'mean over benchmarks of TI_AXNet / TI_base − 1, benchmarks with TI_base = 0 skipped; at each bound rank and over the range' },
    {
      choice: 'Verdict rule',
      lab: 'paired sign test over (benchmark, bound, seed), ties within 0.5 points; agrees when p < 0.05 the paper’s way and our mean is within ±25 % or 2 std of the paper’s number',
    },
    { choice: 'Training time', lab: 'wall time of the training steps on the same machine; a batched program’s time shared equally by its models; converge: up to the stop step' },
    { choice: 'Parameter count', lab: 'weights + biases of every deployed net (the paper’s own counts differ)' },
  ];
}

export function renderStudyReport(report: StudyReport): string {
  const { plan, results } = report;
  const protocols = planProtocols(plan);
  const quick = plan.size === 'quick';
  const ran = Object.values(results);
  const trainingMs = ran.reduce((s, r) => s + r.trainingMs, 0);
  const out: string[] = [];
  out.push(`# AXNet §V reproduction — ${quick ? 'QUICK budget' : 'full budget'}`);
  out.push('');
  if (quick) out.push(`> **${QUICK_BUDGET_NOTE}.** Tiny step counts and data sets: a smoke test of the pipeline, not evidence for or against the paper.`, '');
  out.push('## Claims: paper vs ours, per protocol');
  out.push('');
  out.push(renderLeadClaimsTable(computeLeadClaims(plan, results), protocols));
  out.push('');
  out.push(
    `Seeds ${(plan.seeds ?? [1]).join(', ')}; every Fig. 6–8 cell at ${Math.min(...STUDY_BENCHMARKS.map((t) => plan.bounds?.[t]?.length ?? 1))}+ bounds per benchmark. ` +
      'Each verdict rests on the paired comparison of the methods on the same benchmark, bound and seed (sign test, ties within 0.5 points).',
  );
  out.push('');
  out.push(`- Budget: ${report.budgetStatement}`);
  out.push(
    `- Wall time: ${formatSeconds(report.wallMs)} for ${ran.length}/${plan.jobs.length} jobs (${ran.filter((r) => r.cached).length} from cache); Σ training time ${formatSeconds(trainingMs)}.`,
  );
  out.push(`- Environment: ${report.environment}; finished ${report.finishedAt}.`);
  // Plans before version 3 carried no initialization: they all started every bias at 0.1.
  const initialization = plan.initialization ? INITIALIZATION_SPECS[plan.initialization] : null;
  out.push(
    `- Initialization: ${initialization ? `${initialization.label} — ${initialization.description}` : 'not recorded (a plan older than version 3: biases 0.1)'} ` +
      `AXNet’s ⊙c: ${CONTROL_PLACEMENT_SPECS[STUDY_CONTROL_PLACEMENT].formula} (${CONTROL_PLACEMENT_SPECS[STUDY_CONTROL_PLACEMENT].label}).`,
  );
  out.push('- Fig. 10b (energy efficiency) is not part of this study: it is a model estimate, see the lab’s NPU view.');
  const diverged = ran.filter((r) => r.diverged);
  if (diverged.length) out.push(`- Diverged (weights of the last good step kept): ${diverged.map((r) => `${r.id} at step ${r.diverged!.atStep}`).join(', ')}.`);
  out.push('');
  for (const protocol of protocols) {
    const figures = buildStudyFigures(plan, results, protocol);
    out.push(`## Figures — ${STUDY_PROTOCOL_SPECS[protocol].label}`);
    out.push('');
    out.push(`Protocol \`${protocol}\`: ${STUDY_PROTOCOL_SPECS[protocol].rule}.`);
    out.push('');
    for (const figure of figures) {
      out.push(`### ${figure.name} — ${figure.title}`);
      out.push('');
      out.push(figure.caption);
      out.push('');
      out.push(`![${figure.name}](${figureFileName(figure, protocol, plan)})`);
      out.push('');
      out.push(figure.table.rows.length ? renderMarkdownTable(figure.table) : '_No results._');
      if (figure.id === 'fig6') {
        out.push(
          '',
          'Average gains at each bound rank and over the range (mean ± std over seeds):',
          '',
          renderMarkdownTable(gainTable(collectStudySweep(plan, results, protocol))),
        );
      }
      if (figure.missing.length)
        out.push('', `Missing jobs: ${figure.missing.slice(0, 20).join(', ')}${figure.missing.length > 20 ? ` and ${figure.missing.length - 20} more` : ''}.`);
      out.push('');
    }
  }
  out.push('## Every claim, per protocol (means over seeds at the study bounds)');
  out.push('');
  const perProtocol = protocols.map((p) => computeProtocolClaims(plan, results, p).map((c) => formatStudyClaim(c, 'en')));
  out.push(
    renderMarkdownTable({
      header: ['figure', 'claim', 'paper', ...protocols.map((p) => `${p}: ours — verdict`), 'formula'],
      rows: perProtocol[0].map((c, k) => [c.figure, c.statement, c.paper, ...perProtocol.map((claims) => `${claims[k].ours} — ${claims[k].verdictText}`), c.formula]),
    }),
  );
  out.push('');
  out.push('## Choices the paper leaves open, and what the lab chose');
  out.push('');
  out.push(renderMarkdownTable({ header: ['choice', 'the lab'], rows: listOpenChoices(plan).map((c) => [c.choice, c.lab]) }));
  out.push('');
  out.push(
    `Every job (${plan.jobs.length}: target, method, bound, seed, schedule, metrics, validation curve) is in results.json; its \`rows\` list one line per job and protocol.`,
  );
  out.push('');
  return out.join('\n');
}
