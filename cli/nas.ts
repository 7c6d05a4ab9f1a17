/**
 * `axlab nas '<link>' [--json] [--backend cpu|wasm] [--quiet]`: the NAS search of Chen et al. (DATE'20) headless,
 * exactly as the browser's NAS view runs it (src/ml/nas/session.ts): SMAC, random search and the MICRO'12
 * enumeration at the link's budget, candidates trained on the engine in batches, scored on a validation split,
 * reported on the held-out test split. Prints each search's front, the three online picks (Table 1, eq. 6) and
 * Table 3's timings. --json: every evaluation (configuration, P_acc, energy reduction, speedup, f_perf, which
 * search proposed it), the fronts as indices into the evaluations, each mode's pick (an index, or null with the
 * reason), and the timings. nas.method=axnet | onepass | iterative (AXNet-NAS, issue 10 §5): the candidates are
 * approximator + predictor widths trained as the lab trains that method; the accuracy column is then the true
 * invocation (inputs sent to the approximator and within the bound) and the ratios are the whole system's.
 */
import { buildRunJson, computeFront, computeRoundTimings, recordsOf, summarizeSearches, type NasConstraints } from '../src/core/nas/analysis';
import { NAS_METHOD_LABELS, nasAccuracyLabel, resolveNasErrorBound } from '../src/core/nas/config';
import { NAS_SEARCH_LABELS, type NasRecord } from '../src/core/nas/run';
import { describeConfig } from '../src/core/nas/space';
import { parseLink, problemsText } from '../src/core/link';
import { selectBackend } from '../src/ml/backend';
import { createNasSession, resolveNasSessionSettings } from '../src/ml/nas/session';
import { CliUsageError, formatTable, rejectUnknownOptions, resolveNodeBackend, takeFlag, takeOption } from './args';

const percent = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(100 * v).toFixed(1)}%`);
const times = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${v.toFixed(2)}×`);

export async function runNas(argsIn: readonly string[]): Promise<void> {
  const args = [...argsIn];
  const json = takeFlag(args, '--json');
  const quiet = takeFlag(args, '--quiet');
  const backendArg = takeOption(args, '--backend');
  rejectUnknownOptions(args, 'nas');
  if (args.length !== 1) throw new CliUsageError("nas needs exactly one link or hash, e.g. axlab nas '#nas=blackscholes&nas.budget=12&nas.steps=300'");
  const parsed = parseLink(args[0]);
  if (parsed.problems.length > 0) throw new CliUsageError(`Bad link:\n  ${problemsText(parsed.problems).join('\n  ')}`);
  const config = parsed.nas;
  if (!config) throw new CliUsageError("The link has no NAS part: add nas=<target>, e.g. '#nas=blackscholes'");
  // 'auto' runs on wasm here: measured 10× the cpu backend's speed on a NAS batch (the browser's auto picks it too).
  const backend = resolveNodeBackend(backendArg, parsed.config.backend === 'auto' ? 'wasm' : parsed.config.backend, (line) => process.stderr.write(`${line}\n`));
  const selection = await selectBackend(backend);
  const log = (line: string) => {
    if (!quiet) process.stderr.write(`${line}\n`);
  };
  const started = performance.now();
  const session = await createNasSession(resolveNasSessionSettings(config));
  const bound = resolveNasErrorBound(config);
  log(
    `NAS (${NAS_METHOD_LABELS[config.method]}) on ${config.target}: budget ${config.budget} per search, ${config.stepsPerCandidate} steps per candidate, batch ${config.batch}; bound ${bound.bound ?? 'none'} (${bound.source}); ${selection.backend}`,
  );
  await session.run({
    onRound: (records, round) => {
      const counts = session.searches.map(({ id }) => `${id} ${recordsOf(session.state.records, id).length}`).join(', ');
      const best = records.reduce<NasRecord | null>((b, r) => (!b || r.fperf > b.fperf ? r : b), null);
      log(`round ${round}: ${counts}; this round's best f_perf ${best ? best.fperf.toFixed(4) : '—'} (${best ? describeConfig(best.config) : ''})`);
    },
  });
  const wallMs = Math.round(performance.now() - started);
  const records = session.state.records;
  const constraints: NasConstraints = { cAcc: config.cAcc, cEnergy: config.cEnergy, cSpeed: config.cSpeed > 0 ? config.cSpeed : undefined, theta: config.theta };
  const result = buildRunJson(records, constraints, 'test');
  const timings = computeRoundTimings(records);
  const totals = timings.reduce((t, r) => ({ trainMs: t.trainMs + r.trainMs, hardwareMs: t.hardwareMs + r.hardwareMs, searchMs: t.searchMs + r.searchMs }), {
    trainMs: 0,
    hardwareMs: 0,
    searchMs: 0,
  });
  const measured = new Set(records.map((r) => r.key)).size;
  if (json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          config,
          bound,
          backend: selection.backend,
          wallMs,
          scale: session.objective.scale,
          trainedCandidates: measured,
          ...result,
          timings: { perRound: timings, totals },
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  const out: string[] = [];
  const accuracy = nasAccuracyLabel(config.method);
  out.push(
    `NAS (${NAS_METHOD_LABELS[config.method]}) on ${config.target} (${session.data.dataset.trainSize} train / ${session.data.validation.size} validation / ${session.data.dataset.testSize} test rows), bound ${bound.bound ?? 'none'}; ${measured} distinct candidates trained; ${selection.backend}; ${(wallMs / 1000).toFixed(1)} s`,
  );
  out.push('');
  const summaries = summarizeSearches(records, 'test', config.cAcc);
  out.push(
    formatTable(
      [
        'search',
        'evaluations',
        'best f_perf (validation)',
        'its topology',
        `best test ${accuracy}`,
        'front size',
        'hypervolume (test)',
        `best energy red. at ${accuracy} ≥ ${percent(config.cAcc)}`,
        'best speedup there',
      ],
      summaries.map((s) => [
        NAS_SEARCH_LABELS[s.search],
        String(s.evaluations),
        s.bestFperf.toFixed(4),
        s.best ? describeConfig(s.best.config) : '—',
        percent(s.bestTestAccuracy),
        String(s.frontSize),
        s.hypervolume.toFixed(3),
        times(s.energyAtAccuracy),
        times(s.speedupAtAccuracy),
      ]),
    ),
  );
  for (const { id } of session.searches) {
    const own = recordsOf(records, id);
    if (own.length === 0) continue;
    out.push('');
    out.push(`${NAS_SEARCH_LABELS[id]}: Pareto front on the test split (${accuracy} ↑, energy reduction ↑)`);
    const front = computeFront(own, 'test').sort((a, b) => own[b].measure.testAccuracy - own[a].measure.testAccuracy);
    out.push(
      formatTable(
        ['#', 'topology', `test ${accuracy}`, `validation ${accuracy}`, 'energy red.', 'speedup', 'f_perf'],
        front.map((i) => {
          const r = own[i];
          return [
            String(r.index),
            describeConfig(r.config),
            percent(r.measure.testAccuracy),
            percent(r.measure.valAccuracy),
            times(r.measure.energyReduction),
            times(r.measure.speedup),
            r.fperf.toFixed(4),
          ];
        }),
      ),
    );
    const picks = result.picks[id] ?? [];
    out.push(
      `picks (C_acc ${percent(config.cAcc)}, C_energy ${times(config.cEnergy)}, θ ${config.theta}): ${picks
        .map((p) => (p.pick === null ? `${p.mode}: none (${p.reason})` : `${p.mode}: #${p.pick} ${describeConfig(records[p.pick].config)}`))
        .join('; ')}`,
    );
  }
  if (config.method !== 'lone') {
    out.push('');
    out.push(
      `${accuracy}: the test inputs both sent to the approximator and within the bound; energy reduction and speedup: the whole system (predictor and approximator on the NPU, the CPU for the inputs the predictor rejects) against the CPU running everything, at the validation split's predicted invocation.`,
    );
  }
  out.push('');
  out.push(
    `Time (Table 3's columns, summed over ${timings.length} rounds): training and validation ${(totals.trainMs / 1000).toFixed(1)} s, hardware simulation ${(totals.hardwareMs / 1000).toFixed(3)} s, search ${(totals.searchMs / 1000).toFixed(2)} s. The paper, per iteration on a Titan X: 52–400 s / 0.5–6 s / 0.2–5 s.`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
}
