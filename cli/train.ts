/**
 * `axlab train '<link>'`: trains every method the link names, one after another, each exactly as a browser
 * worker trains it, and prints the final §V metrics (cli/main.ts parses the command line first, so that a usage
 * error never waits for tf.js to load).
 */
import type { LabConfig, MethodId } from '../src/core/config';
import { selectBackend } from '../src/ml/backend';
import { loadTargetData } from '../src/core/targets/loadTargetData';
import { createMethodTrainer } from '../src/ml/methods';
import { runToCompletion } from '../src/ml/session';
import { createDataset } from '../src/core/dataset';
import { evaluateAxnetOnHardware, fineTuneAxnetOnHardware, type AxnetHardwareResult } from '../src/ml/axtrain/axnetHardware';
import type { AxnetWeights } from '../src/core/weights';
import { describeSetting } from '../src/core/axtrain/report';
import { formatTable, resolveNodeBackend } from './args';

export interface TrainOptions {
  json: boolean;
  quiet: boolean;
  /** --backend, or undefined for the link's. */
  backendArg: string | undefined;
  /** --hardware [--pas-steps N], or null. */
  hardware: { pasSteps: number } | null;
}

function printTable(header: string[], rows: string[][]): void {
  process.stdout.write(`${formatTable(header, rows)}\n`);
}

export async function trainLink(config: LabConfig, options: TrainOptions): Promise<void> {
  const { json, quiet, backendArg, hardware } = options;
  const backend = resolveNodeBackend(backendArg, config.backend, (line) => process.stderr.write(`${line}\n`));
  const selection = await selectBackend(backend);
  if (selection.backend !== backend) {
    process.stderr.write(`note: ${backend} failed (${selection.tried.map((t) => `${t.name}: ${t.reason}`).join('; ')}); running on ${selection.backend}\n`);
  }
  await loadTargetData(config.target); // image targets: the photographs
  // Every method the link names, one after another, each exactly as a browser worker trains it.
  const summaries: Record<string, unknown>[] = [];
  for (const method of config.methods) {
    const summary = await trainMethod(config, method, quiet, hardware);
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
