/**
 * `axlab sweep '<link>' [--json] [--backend cpu|wasm] [--quiet]`: the lab's Sweep mode headless. The link's
 * sweep fields (src/core/sweep.ts) expand into variants; every variant trains as one model of one
 * ModelGroupTrainer (src/ml/sweep.ts, the same functions the sweep worker drives), and the final metrics
 * of every variant are printed: one row per variant (swept value, seed, true and predicted invocation,
 * prediction accuracy, overall error, steps). --json: { parameter, method, backend, …, rows, summary }.
 */
import type { BackendChoice } from '../src/core/config';
import { aggregateSweep, describeSweepParameter, planSweep, type SweepResultRow } from '../src/core/sweep';
import { loadTargetData } from '../src/core/targets/loadTargetData';
import { createTrainingProbe, selectBackend } from '../src/ml/backend';
import { buildSweepRows, createSweepGroup, runSweepToCompletion } from '../src/ml/sweep';
import { parseLink, problemsText } from '../src/core/link';
import { formatMessage } from '../src/core/messages';
import { CliUsageError, formatTable, rejectUnknownOptions, takeFlag, takeOption } from './args';

/** Bad input: the caller turns it into exit code 2. */
export class SweepUsageError extends CliUsageError {}

const formatFraction = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : '—');
const formatError = (x: number | null) => (x === null || !Number.isFinite(x) ? '—' : x.toPrecision(4));

export async function runSweep(argsIn: string[]): Promise<number> {
  const args = [...argsIn];
  const json = takeFlag(args, '--json');
  const quiet = takeFlag(args, '--quiet');
  const backendArg = takeOption(args, '--backend');
  rejectUnknownOptions(args, 'sweep');
  if (args.length !== 1) throw new SweepUsageError(`sweep needs exactly one link or hash, e.g. axlab sweep '#steps=300&sweep=errorBound&sweepRange=0.01:0.1:4:log'`);
  const { config, problems, sweep } = parseLink(args[0]);
  if (problems.length > 0) throw new SweepUsageError(`Bad link:\n  ${problemsText(problems).join('\n  ')}`);
  if (!sweep) throw new SweepUsageError('The link has no sweep: add sweep=errorBound&sweepValues=0.01,0.02 (or sweepRange=from:to:count[:log]).');
  const { plan, problems: planProblems, notes } = planSweep(sweep, config);
  if (!plan) throw new SweepUsageError(`The sweep cannot run:\n  ${problemsText(planProblems).join('\n  ')}`);
  for (const note of notes) process.stderr.write(`note: ${formatMessage(note, 'en')}\n`);

  // --backend or the link's forced backend; 'auto': the faster of cpu and wasm for this very K-model program, by measurement.
  let choice: BackendChoice;
  if (backendArg !== undefined) {
    if (backendArg !== 'cpu' && backendArg !== 'wasm') throw new SweepUsageError(`--backend must be cpu or wasm in Node, not ${JSON.stringify(backendArg)}`);
    choice = backendArg;
  } else if (config.backend === 'wasm' || config.backend === 'cpu') choice = config.backend;
  else choice = 'auto';
  await loadTargetData(config.target);
  const selection = await selectBackend(choice, choice === 'auto' ? { measure: createTrainingProbe(() => createSweepGroup(plan)) } : {});

  const started = performance.now();
  const group = createSweepGroup(plan);
  const K = group.size;
  let histories: Awaited<ReturnType<typeof runSweepToCompletion>>['histories'];
  let stopped: Awaited<ReturnType<typeof runSweepToCompletion>>['stopped'];
  try {
    ({ histories, stopped } = await runSweepToCompletion(group, config.evalEvery, (chunk, g) => {
      if (quiet || !chunk.evaluated) return;
      const done = chunk.points.filter(Boolean).length;
      process.stderr.write(`sweep step ${g.step}/${g.totalSteps}  ${done}/${K} variants evaluated\n`);
    }));
  } finally {
    group.dispose();
  }
  const wallMs = performance.now() - started;
  const rows: SweepResultRow[] = buildSweepRows(plan, histories, stopped);
  const parameter = describeSweepParameter(sweep);
  if (json) {
    const report = {
      target: config.target,
      method: plan.method,
      parameter: sweep.parameter,
      layer: sweep.parameter === 'approximatorWidth' || sweep.parameter === 'predictorWidth' ? sweep.layer + 1 : null,
      backend: selection.backend,
      variants: K,
      steps: group.totalSteps,
      wallMs: Math.round(wallMs),
      rows,
      summary: aggregateSweep(rows),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } else {
    process.stdout.write(
      `${formatTable(
        [parameter, 'seed', 'true inv.', 'predicted inv.', 'accuracy', 'overall error', 'steps', 'stopped'],
        rows.map((r) => [
          String(r.value),
          String(r.seed),
          formatFraction(r.trueInvocation),
          formatFraction(r.predictedInvocation),
          formatFraction(r.predictionAccuracy),
          formatError(r.overallError),
          String(r.steps),
          r.stopped ?? '',
        ]),
      )}\n`,
    );
    process.stdout.write(`${K} variants of ${plan.method} on ${config.target}, ${group.totalSteps} steps each, ${selection.backend}: ${(wallMs / 1000).toFixed(1)} s\n`);
  }
  return rows.some((r) => r.stopped !== null) ? 1 : 0;
}
