/**
 * axlab: the headless entry of AXNet Lab. Same core and ml code as the browser (STYLE.md: one model,
 * two runtimes); in Node the tfjs backend is cpu (default) or wasm.
 *
 *   axlab targets
 *   axlab eval <target>                       rows on stdin → exact outputs on stdout
 *   axlab drum <k>                            integer pairs `a b` on stdin → signed DRUM-k products on stdout
 *   axlab axtrain '<link>' [--json]           AxTrain's methods on the link's data, on every hardware setting (cli/axtrain.ts)
 *   axlab nas '<link>' [--json]               the NAS search (SMAC, random, enumeration) on the link's nas=<target> (cli/nas.ts)
 *   axlab train '<link or #hash>' [--json] [--backend cpu|wasm]
 *   axlab bench-node [--steps N] [--quick] [--out FILE]  steps/s of the trainer vs a naive Layers-API model.fit,
 *                                             and model-steps/s of K-model groups vs PyTorch (bench/nodeBench.ts)
 *   axlab reproduce [--quick] [--init ID] [--out DIR] [--shard i/n]   the §V study (or shard i of n) → report.md, results.json, fig-*.svg (cli/reproduce.ts)
 *   axlab merge DIR… [--out DIR]              the shards' results → the report of a single run
 *   axlab sweep '<link or #hash>' [--json] [--backend cpu|wasm]   every variant of the link's sweep (cli/sweep.ts)
 */
import * as tf from '@tensorflow/tfjs';
import type { LabConfig, MethodId } from '../src/core/config';
import { getTarget, isTargetId, listTargets } from '../src/core/targets';
import { selectBackend } from '../src/ml/backend';
import { loadTargetData } from '../src/core/targets/loadTargetData';
import { createMethodTrainer } from '../src/ml/methods';
import { runToCompletion } from '../src/ml/session';
import { createDataset } from '../src/core/dataset';
import { evaluateAxnetOnHardware, fineTuneAxnetOnHardware, type AxnetHardwareResult } from '../src/ml/axtrain/axnetHardware';
import type { AxnetWeights } from '../src/core/weights';
import { describeSetting } from '../src/core/axtrain/report';
import { parseLink } from '../src/core/link';
import { runNodeBench } from '../bench/nodeBench';
import { NpuUsageError, runNpu } from './npu';
import { CliUsageError, formatTable, resolveNodeBackend, takeFlag, takeOption } from './args';
import { DRUM_K_MAX } from '../src/core/approx/drum';
import { computeDrumProducts, parseDrumK } from './drum';

/** Exit code for bad input (usage errors, unknown targets, malformed rows). */
export const EXIT_USAGE = 2;

/** Every usage error of the commands (their own classes extend it). */
const UsageError = CliUsageError;

const USAGE = `Usage:
  axlab targets                                   list the targets
  axlab eval <target>                             read input rows (whitespace-separated) on stdin, print exact outputs
  axlab drum <k>                                  read integer pairs \`a b\` on stdin, one per line; print each signed
                                                  DRUM-k product (sign-magnitude, k = 1…${DRUM_K_MAX}), one per line
  axlab axtrain '<link or #hash>' [--json] [--backend cpu|wasm] [--quiet]
                                                  AxTrain (ISLPED'18): train bp, act, pas, actpas on the link's ax=<dataset>
                                                  and print clean accuracy, S(w), accuracy on DRUM k = 1…8 and NTV 400/660/850 mV
                                                  (mean ± std over ax.runs masks), energy estimates and the paper's claims
  axlab nas '<link or #hash>' [--json] [--backend cpu|wasm] [--quiet]
                                                  NAS (DATE'20): SMAC, random search and the MICRO'12 enumeration on the
                                                  link's nas=<target> at one budget; prints each front, the three online
                                                  picks and the timings; --json: every evaluation, fronts, picks;
                                                  nas.method=axnet|onepass|iterative: AXNet-NAS (approximator + predictor
                                                  widths, scored by true invocation and the whole system's NPU cost)
  axlab train '<link or #hash>' [--json] [--backend cpu|wasm] [--hardware [--pas-steps N]]
                                                  train every method the link names and print the final §V metrics;
                                                  --hardware: AXNet's fused net also on DRUM k = 1…8 and NTV 400/660/850 mV;
                                                  --pas-steps N: and a copy fine-tuned N steps on each (noise-aware, AxTrain-pas)
  axlab sweep '<link or #hash>' [--json] [--backend cpu|wasm]
                                                  train every variant of the link's sweep (sweep=…&sweepValues=… or
                                                  sweepRange=from:to:count[:log], sweepSeeds=N) as one model group
                                                  and print one row per variant
  axlab npu '<link or #hash>' [--json] [--sample K] train as the link says, then run test sample K on the NPU model
                                                  (stages, cycles, energy per component) and print test-set aggregates;
                                                  with methods=axnet,onepass,iterative one gain row per method (Fig. 10b)
  axlab bench-node [--steps N] [--json] [--quick] [--out FILE]
                                                  training steps/s on cpu and wasm vs a naive tfjs model.fit, and
                                                  model-steps/s of K = 1, 8, 64, 256 models (--quick: 1, 8) vs PyTorch
  axlab reproduce [--quick] [--init ID] [--out DIR] [--jobs N] [--cache DIR] [--shard i/n]
                                                  train the §V study (Fig. 2, 6–9, 10a, 10c); write DIR/report.md,
                                                  DIR/results.json, DIR/fig-*.svg (default DIR ./reproduce-out);
                                                  --init authorsZeroBias (default, the authors' code) or bias0.1;
                                                  --shard i/n trains only shard i of n (1-based) for axlab merge
  axlab merge DIR… [--out DIR]                    combine the shards' results.json into the report of a single run`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function formatNumber(value: number): string {
  // Shortest text that reads back to the same float64.
  return String(value);
}

function runTargets(): void {
  const rows = listTargets().map((t) => [t.id, `${t.inputDim}→${t.outputDim}`, t.errorMetric, String(t.boundPresets[0]?.value ?? ''), t.title]);
  const header = ['id', 'dims', 'metric', 'bound', 'title'];
  printTable(header, rows);
}

async function runEval(args: string[]): Promise<void> {
  const id = args[0];
  if (!id) throw new UsageError('eval needs a target id, e.g. `axlab eval bessel_Jnu`');
  if (!isTargetId(id))
    throw new UsageError(
      `Unknown target: ${id}. Known: ${listTargets()
        .map((t) => t.id)
        .join(', ')}`,
    );
  const target = getTarget(id);
  const text = await readStdin();
  const output = new Float64Array(target.outputDim);
  const lines: string[] = [];
  text.split(/\r?\n/).forEach((line, k) => {
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    const fields = line.trim().split(/\s+/);
    if (fields.length !== target.inputDim) throw new UsageError(`line ${k + 1}: expected ${target.inputDim} numbers for ${id}, got ${fields.length}`);
    const input = fields.map((field) => {
      const value = Number(field);
      if (!Number.isFinite(value)) throw new UsageError(`line ${k + 1}: not a finite number: ${JSON.stringify(field)}`);
      return value;
    });
    target.evaluate(input, output);
    lines.push(Array.from(output, formatNumber).join(' '));
  });
  process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
}

/** `axlab drum <k>`: the signed DRUM-k product of each stdin pair (cli/drum.ts). */
async function runDrum(args: string[]): Promise<void> {
  const k = parseDrumK(args);
  const lines = computeDrumProducts(await readStdin(), k);
  process.stdout.write(lines.length ? `${lines.join('\n')}\n` : '');
}

async function runTrain(argsIn: string[]): Promise<void> {
  const args = [...argsIn];
  const json = takeFlag(args, '--json');
  const backendArg = takeOption(args, '--backend');
  const quiet = takeFlag(args, '--quiet');
  const hardware = takeFlag(args, '--hardware');
  const pasStepsText = takeOption(args, '--pas-steps');
  const pasSteps = pasStepsText === undefined ? 0 : Number(pasStepsText);
  if (!Number.isInteger(pasSteps) || pasSteps < 0 || pasSteps > 1e6) throw new UsageError(`--pas-steps must be a whole number of steps, not ${JSON.stringify(pasStepsText)}`);
  if (pasSteps > 0 && !hardware) throw new UsageError('--pas-steps needs --hardware');
  if (args.length !== 1) throw new UsageError(`train needs exactly one link or hash, e.g. axlab train '#steps=500&seed=3'`);
  const unknown = args.find((a) => a.startsWith('--'));
  if (unknown) throw new UsageError(`Unknown option: ${unknown}`);
  const { config, problems } = parseLink(args[0]);
  if (problems.length > 0) throw new UsageError(`Bad link:\n  ${problems.join('\n  ')}`);
  const backend = resolveNodeBackend(backendArg, config.backend, (line) => process.stderr.write(`${line}\n`));
  const selection = await selectBackend(backend);
  if (selection.backend !== backend) {
    process.stderr.write(`note: ${backend} failed (${selection.tried.map((t) => `${t.name}: ${t.reason}`).join('; ')}); running on ${selection.backend}\n`);
  }
  await loadTargetData(config.target); // image targets: the photographs
  // Every method the link names, one after another, each exactly as a browser worker trains it.
  const summaries: Record<string, unknown>[] = [];
  for (const method of config.methods) {
    const summary = await trainMethod(config, method, quiet, hardware ? { pasSteps } : null);
    summaries.push(summary);
    if (summary.diverged) process.exitCode = 1;
  }
  if (json) process.stdout.write(`${JSON.stringify(summaries.length === 1 ? summaries[0] : summaries, null, 2)}\n`);
  else {
    printTable(
      ['metric', ...summaries.map((s) => String(s.method))],
      Object.keys(summaries[0])
        .filter((key) => key !== 'hardware')
        .map((key) => [key, ...summaries.map((s) => formatSummaryValue(s[key]))]),
    );
    for (const s of summaries) if (s.hardware) printHardwareTable(String(s.method), s.hardware as AxnetHardwareResult[]);
  }
  if (hardware && !config.methods.includes('axnet')) process.stderr.write('note: --hardware evaluates AXNet nets only; the link trains none\n');
}

type HardwareRow = AxnetHardwareResult & { noiseAware?: AxnetHardwareResult };

/** AXNet's §V metrics on every hardware setting; with pasSteps > 0 also those of a copy fine-tuned on each setting (noise-aware). */
async function evaluateAxnetHardwareRows(weights: AxnetWeights, config: LabConfig, pasSteps: number): Promise<HardwareRow[]> {
  const dataset = createDataset(config);
  const rows: HardwareRow[] = await evaluateAxnetOnHardware(weights, dataset, config);
  if (pasSteps === 0) return rows;
  for (const row of rows) {
    const setting = row.setting;
    if (setting.kind === 'exact') continue;
    const tuned = await fineTuneAxnetOnHardware(weights, dataset, config, setting, pasSteps);
    const only = setting.kind === 'drum' ? { drumKs: [setting.k], voltagesMv: [] } : { drumKs: [], voltagesMv: [setting.voltageMv] };
    row.noiseAware = (await evaluateAxnetOnHardware(tuned, dataset, config, only))[1];
  }
  return rows;
}

/** AXNet's §V metrics on every hardware setting (NTV: mean ± std over the masks). */
function printHardwareTable(method: string, results: readonly HardwareRow[]): void {
  const cell = (m: { mean: number; std: number; runs: number }) => (m.runs === 0 ? '—' : m.runs > 1 ? `${m.mean.toFixed(4)} ± ${m.std.toFixed(4)}` : m.mean.toFixed(4));
  process.stdout.write(`\n${method} on approximate hardware (energy: lab estimates)\n`);
  const tuned = results.some((r) => r.noiseAware);
  printTable(
    ['hardware', 'true inv.', 'predicted inv.', 'overall error', 'prediction acc.', ...(tuned ? ['noise-aware true inv.', 'noise-aware error'] : []), 'energy / inference'],
    results.map((r) => [
      describeSetting(r.setting),
      cell(r.trueInvocation),
      cell(r.predictedInvocation),
      cell(r.overallError),
      cell(r.predictionAccuracy),
      ...(tuned ? [r.noiseAware ? cell(r.noiseAware.trueInvocation) : '—', r.noiseAware ? cell(r.noiseAware.overallError) : '—'] : []),
      r.energyPj === null ? '—' : `${r.energyPj.toFixed(1)} pJ (×${r.energyRatio!.toFixed(3)})`,
    ]),
  );
}

function formatSummaryValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Trains one method to its budget and returns the final §V metrics the browser shows at that step. */
async function trainMethod(config: LabConfig, method: MethodId, quiet: boolean, hardware: { pasSteps: number } | null = null): Promise<Record<string, unknown>> {
  const started = performance.now();
  const trainer = createMethodTrainer(config, method);
  try {
    const result = await runToCompletion(trainer, (point) => {
      if (quiet) return;
      const m = point.metrics;
      process.stderr.write(
        `${method} step ${point.step}/${trainer.totalSteps}  true ${m.trueInvocation.toFixed(4)}  predicted ${m.predictedInvocation.toFixed(4)}  loss ${point.loss.toPrecision(4)}\n`,
      );
    });
    const ms = performance.now() - started;
    const last = result.evaluations.at(-1) ?? (await trainer.evaluate());
    return {
      target: config.target,
      method,
      trueInvocation: last.metrics.trueInvocation,
      predictedInvocation: last.metrics.predictedInvocation,
      predictionAccuracy: last.metrics.predictionAccuracy,
      overallError: last.metrics.overallError,
      overallErrorWorstOutput: last.metrics.overallErrorWorstOutput,
      loneTrueInvocation: last.loneTrueInvocation,
      params: trainer.parameterCounts.total,
      steps: trainer.step,
      backend: trainer.backend,
      ms: Math.round(ms),
      trainingMs: Math.round(trainer.trainingMs),
      diverged: result.diverged,
      // --hardware: AXNet's fused net on DRUM-k and NTV weight memory (issue 9 §5, src/ml/axtrain/axnetHardware.ts).
      ...(hardware && method === 'axnet' ? { hardware: await evaluateAxnetHardwareRows(await trainer.getWeights(), trainer.effectiveConfig, hardware.pasSteps) } : {}),
    };
  } finally {
    trainer.dispose();
  }
}

export function printTable(header: string[], rows: string[][]): void {
  process.stdout.write(`${formatTable(header, rows)}\n`);
}

async function main(argv: string[]): Promise<void> {
  // The cpu backend's "install tfjs-node" banner goes to stderr; PROD silences it.
  tf.env().set('PROD', true);
  const [command, ...rest] = argv;
  switch (command) {
    case 'targets':
      return runTargets();
    case 'eval':
      return runEval(rest);
    case 'drum':
      return runDrum(rest);
    case 'train':
      return runTrain(rest);
    case 'axtrain': {
      const { runAxtrain } = await import('./axtrain');
      return runAxtrain(rest);
    }
    case 'nas': {
      const { runNas } = await import('./nas');
      return runNas(rest);
    }
    case 'sweep': {
      const { SweepUsageError, runSweep } = await import('./sweep');
      process.exitCode = await runSweep(rest).catch((error: unknown) => {
        throw error instanceof SweepUsageError ? new UsageError(error.message) : error;
      });
      return;
    }
    case 'npu':
      return runNpu(rest).catch((error: unknown) => {
        throw error instanceof NpuUsageError ? new UsageError(error.message) : error;
      });
    case 'bench-node': {
      const args = [...rest];
      const json = takeFlag(args, '--json');
      const quick = takeFlag(args, '--quick');
      const out = takeOption(args, '--out');
      const stepsText = takeOption(args, '--steps');
      const steps = stepsText === undefined ? (quick ? 100 : 300) : Number(stepsText);
      if (!Number.isInteger(steps) || steps < 10) throw new UsageError('--steps must be an integer ≥ 10');
      if (args.length) throw new UsageError(`Unknown option for bench-node: ${args[0]}`);
      await runNodeBench({ steps, json, quick, out });
      return;
    }
    case 'reproduce': {
      const { parseReproduceArgs, runReproduce } = await import('./reproduce');
      const options = parseReproduceArgs(rest, (message) => {
        throw new UsageError(message);
      });
      process.exitCode = await runReproduce(options);
      return;
    }
    case 'merge': {
      const { parseMergeArgs, runMerge } = await import('./reproduce');
      const fail = (message: string): never => {
        throw new UsageError(message);
      };
      process.exitCode = await runMerge(parseMergeArgs(rest, fail), fail);
      return;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      throw new UsageError(`Unknown command: ${command}\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`axlab: ${error.message}\n`);
    process.exitCode = EXIT_USAGE;
  } else {
    process.stderr.write(`axlab: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
});
