/**
 * `axlab axtrain '<link>' [--json] [--backend cpu|wasm] [--quiet]`: AxTrain headless. The link's AxTrain part
 * (`ax=<dataset>&ax.<key>=…`, src/core/axtrain/config.ts) names the data, the methods and the hardware pas trains
 * for; every method trains on the same data, seed and batches, exactly as the browser's AxTrain view does, then is
 * evaluated on every hardware setting (exact, DRUM k = 1…8, NTV at 400/660/850 mV × R masks). Prints per method the
 * clean accuracy, S(w), the accuracy under each setting (mean ± std over the masks), the normalised loss, the
 * energy estimates, the mode selection of Fig. 9 and the paper's claims beside ours. --json: the same as one object.
 */
import { AXTRAIN_METHOD_LABELS, type AxtrainConfig, type AxtrainMethodId } from '../src/core/axtrain/config';
import { computeEvalEveryEpochs } from '../src/core/axtrain/run';
import { computeAxtrainClaims, describeSetting, lookupSingleRun, readTrainingSetting, selectApproximateModes, type HardwareReport } from '../src/core/axtrain/report';
import { parseLink, problemsText } from '../src/core/link';
import { selectBackend } from '../src/ml/backend';
import { loadAxtrainData } from '../src/ml/axtrain/data';
import { evaluateOnHardware } from '../src/ml/axtrain/evaluate';
import { createAxtrainTrainer, trainAxtrainToCompletion, type AxtrainPoint, type AxtrainTrainer } from '../src/ml/axtrain/trainer';
import { CliUsageError, formatTable, rejectUnknownOptions, resolveNodeBackend, takeFlag, takeOption } from './args';
import type { Divergence } from '../src/core/divergence';

export interface AxtrainMethodRun {
  method: AxtrainMethodId;
  steps: number;
  trainingMs: number;
  diverged: Divergence | null;
  final: AxtrainPoint;
  points: AxtrainPoint[];
  hardware: HardwareReport;
}

/**
 * Trains and evaluates every method of `config`; progress lines go to `log`. `inspect`, when given, reads each trained
 * net before it is disposed (scripts/make-axtrain-fixture.ts takes the Fig. 1 and Fig. 4 views there).
 */
export async function runAxtrainMethods(
  config: Readonly<AxtrainConfig>,
  log: (line: string) => void,
  inspect?: (trainer: AxtrainTrainer, run: AxtrainMethodRun) => Promise<void>,
): Promise<{ runs: AxtrainMethodRun[]; description: string }> {
  const data = await loadAxtrainData(config);
  const runs: AxtrainMethodRun[] = [];
  for (const method of config.methods) {
    const trainer = createAxtrainTrainer(config, method, data);
    try {
      // The browser's evaluation cadence (src/ml/axtrain/session.ts): the same points as the AxTrain view.
      const points = await trainAxtrainToCompletion(trainer, computeEvalEveryEpochs(config.epochs));
      for (const p of points) {
        const extra = p.gamma === null ? '' : `  γ ${p.gamma.toPrecision(3)}`;
        log(`${method} epoch ${p.epoch.toFixed(0)}  E ${p.trainError.toPrecision(4)}  test acc ${p.testAccuracy.toFixed(4)}  S ${p.testSensitivity.toPrecision(4)}${extra}`);
      }
      const hardware = await evaluateOnHardware(trainer);
      const run: AxtrainMethodRun = {
        method,
        steps: trainer.step,
        trainingMs: Math.round(trainer.trainingMs),
        diverged: trainer.diverged,
        final: points.at(-1)!,
        points,
        hardware,
      };
      if (inspect) await inspect(trainer, run);
      runs.push(run);
    } finally {
      trainer.dispose();
    }
  }
  return { runs, description: data.description };
}

const percent = (v: number | null) => (v === null || !Number.isFinite(v) ? '—' : `${v.toFixed(2)}%`);

export async function runAxtrain(argsIn: readonly string[]): Promise<void> {
  const args = [...argsIn];
  const json = takeFlag(args, '--json');
  const quiet = takeFlag(args, '--quiet');
  const backendArg = takeOption(args, '--backend');
  rejectUnknownOptions(args, 'axtrain');
  if (args.length !== 1) throw new CliUsageError(`axtrain needs exactly one link or hash, e.g. axlab axtrain '#ax=breastcancer&ax.epochs=30'`);
  const parsed = parseLink(args[0]);
  if (parsed.problems.length > 0) throw new CliUsageError(`Bad link:\n  ${problemsText(parsed.problems).join('\n  ')}`);
  const config = parsed.axtrain;
  if (!config) throw new CliUsageError("The link has no AxTrain part: add ax=<dataset>, e.g. '#ax=breastcancer'");
  const backend = resolveNodeBackend(backendArg, parsed.config.backend, (line) => process.stderr.write(`${line}\n`));
  const selection = await selectBackend(backend);
  const started = performance.now();
  const { runs, description } = await runAxtrainMethods(config, (line) => {
    if (!quiet) process.stderr.write(`${line}\n`);
  });
  const wallMs = Math.round(performance.now() - started);
  const byMethod = Object.fromEntries(runs.map((r) => [r.method, r.hardware])) as Partial<Record<AxtrainMethodId, HardwareReport>>;
  const trainedFor = readTrainingSetting(config);
  const claims = computeAxtrainClaims(config.dataset, lookupSingleRun(byMethod, { pas: trainedFor, actpas: trainedFor }));
  const modes = runs.map((r) => selectApproximateModes(r.method, r.hardware));
  if (runs.some((r) => r.diverged)) process.exitCode = 1;
  if (json) {
    process.stdout.write(`${JSON.stringify({ config, data: description, backend: selection.backend, wallMs, runs, modes, claims }, null, 2)}\n`);
    return;
  }
  const out: string[] = [];
  out.push(
    `AxTrain on ${description}; hidden layers ${config.hidden.join('-')}; ${config.epochs} epochs (+${config.pasEpochs} pas for actpas); seed ${config.seed}; ${selection.backend}; ${(wallMs / 1000).toFixed(1)} s`,
  );
  const header = ['setting', ...runs.map((r) => AXTRAIN_METHOD_LABELS[r.method])];
  const rows: string[][] = [];
  rows.push(['S(w) on test (eq. 5)', ...runs.map((r) => r.final.testSensitivity.toPrecision(4))]);
  rows.push(['γ at the end', ...runs.map((r) => (r.final.gamma === null ? '—' : r.final.gamma.toPrecision(3)))]);
  for (const [index, result] of runs[0].hardware.results.entries()) {
    const label = describeSetting(result.setting);
    rows.push([
      `${label} accuracy`,
      ...runs.map((r) => {
        const hit = r.hardware.results[index];
        const acc = hit.accuracy.runs > 1 ? `${hit.accuracy.mean.toFixed(4)} ± ${hit.accuracy.std.toFixed(4)}` : hit.accuracy.mean.toFixed(4);
        return result.setting.kind === 'exact' ? acc : `${acc}  (L/Lexact ${hit.normalizedLoss.toPrecision(3)})`;
      }),
    ]);
  }
  for (const result of runs[0].hardware.results) {
    if (result.energyPj === null) continue;
    rows.push([`${describeSetting(result.setting)} energy / inference (estimate)`, ...runs.map(() => `${result.energyPj!.toFixed(1)} pJ (×${result.energyRatio!.toFixed(3)})`)]);
  }
  out.push(formatTable(header, rows));
  out.push('');
  out.push('Mode selection (Fig. 9): most aggressive setting within 2 accuracy points of the same net on exact hardware');
  out.push(
    formatTable(
      ['method', 'DRUM k', 'NTV voltage'],
      modes.map((m) => [
        AXTRAIN_METHOD_LABELS[m.method],
        m.drum ? `k = ${m.drum.k} (×${m.drum.energyRatio.toFixed(3)} multiply energy)` : 'none',
        m.ntv ? `${m.ntv.voltageMv} mV (×${m.ntv.energyRatio.toFixed(3)} read energy)` : 'none',
      ]),
    ),
  );
  out.push('');
  out.push("The paper's claims (averages over its six applications) beside this run");
  out.push(
    formatTable(
      ['figure', 'claim', 'paper', 'ours', 'reading'],
      claims.map((c) => [c.figure, c.claim, percent(c.paper), percent(c.ours), c.reading]),
    ),
  );
  process.stdout.write(`${out.join('\n')}\n`);
}
