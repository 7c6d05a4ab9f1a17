/**
 * `axlab npu '<link>' [--json] [--sample K] [--backend cpu|wasm] [--quiet]`: trains AXNet as the link says (the
 * train command's code path: createMethodTrainer + runToCompletion), then runs test sample K on the NPU model of
 * src/core/npu (paper §IV) and prints its five stages, counts, energy per component and a Timeloop-style summary,
 * plus test-set aggregates (mean energy and cycles, energy-efficiency gain and speedup over CPU-only).
 * The other methods of the link's `methods` list that have an NPU cost (onepass, iterative) are trained too, on the
 * same data, and get one test-set aggregate row each, with their classifier's decisions (paper Fig. 10b); JSON:
 * `aggregates`, one entry per method. NPU params in the link (`npu.<key>`, `e.<constantId>`, `npu.cpui`) apply.
 */
import { evaluateAxnetOnHardwareSteps, type AxnetHardwareEvaluation, type HardwareTestSet } from '../src/core/approx/axnetOnHardware';
import { NPU_NTV_RUNS, readNpuHardware } from '../src/core/approx/npuHardware';
import { describeSetting } from '../src/core/axtrain/report';
import type { AxnetWeights } from '../src/core/weights';
import { runToCompletion as runGenerator } from '../src/core/cooperative';
import type { BackendName, LabConfig, MethodId } from '../src/core/config';
import { computeAxnetForward } from '../src/core/axnetMath';
import { createDataset, type Dataset } from '../src/core/dataset';
import {
  aggregateAxnetCost,
  aggregateBaselineCost,
  diffNpuParams,
  getConfigCpuPathCost,
  makeCpuPathCost,
  scheduleInference,
  type CpuPathCost,
  type NpuAggregate,
  type NpuInferenceSchedule,
  type NpuParams,
} from '../src/core/npu';
import { resolveTarget } from '../src/core/targets';
import { selectBackend } from '../src/ml/backend';
import { loadTargetData } from '../src/core/targets/loadTargetData';
import { createMethodTrainer } from '../src/ml/methods';
import { runToCompletion } from '../src/ml/session';
import type { MethodTrainer } from '../src/ml/types';
import { NPU_METHODS, isBaselineMethod } from '../src/core/methods/registry';

import { parseLink, problemsText } from '../src/core/link';
import { CliUsageError, formatTable, rejectUnknownOptions, takeFlag, takeOption } from './args';

/** Bad command line or link; cli/main.ts turns it into exit code 2. */
export class NpuUsageError extends CliUsageError {}

const fmt = (value: number | undefined, digits = 2) => (value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : '—');

/** The per-inference figures as plain JSON. */
function describeSchedule(schedule: NpuInferenceSchedule) {
  return {
    invoked: schedule.invoked,
    safeProbability: schedule.forward.safeProbability,
    output: schedule.forward.approximatorOutput ? Array.from(schedule.forward.approximatorOutput) : null,
    stages: schedule.stages.map((s) => ({
      id: s.id,
      name: s.name,
      startCycle: s.startCycle,
      cycles: s.cycles,
      neurons: s.events.filter((e) => e.type === 'neuron').length,
      transfers: s.events.filter((e) => e.type === 'transfer').length,
    })),
    cpu: schedule.cpu ? { startCycle: schedule.cpu.startCycle, cycles: schedule.cpu.cycles, cpuCycles: schedule.cpu.cpuCycles, instructions: schedule.cpu.instructions } : null,
    counts: schedule.counts,
    energy: {
      components: schedule.energy.components.map((c) => ({ id: c.id, label: c.label, count: c.count, unit: c.unit, pjPerUnit: c.pjPerUnit, pj: c.pj, formula: c.formula })),
      totalPj: schedule.energy.totalPj,
    },
    cycles: schedule.cycles,
    utilization: schedule.utilization,
    pjPerMac: schedule.pjPerMac,
    layerByLayer: schedule.layerByLayer,
    weightsFromDram: schedule.weightsFromDram,
    summary: schedule.summary,
    warnings: schedule.warnings,
  };
}

function describeAggregate(a: NpuAggregate) {
  return {
    samples: a.samples,
    invokedCount: a.invokedCount,
    invocation: a.invocation,
    averageEnergyPj: a.averageEnergyPj,
    averageCycles: a.averageCycles,
    averageSeconds: a.averageSeconds,
    approximatorPathEnergyPj: a.approximatorPath.energy.totalPj,
    cpuPathEnergyPj: a.cpuPath.energy.totalPj,
    cpuOnly: a.cpuOnly,
    energyGain: a.energyGain,
    speedup: a.speedup,
  };
}

export async function runNpu(argsIn: string[]): Promise<void> {
  const args = [...argsIn];
  const json = takeFlag(args, '--json');
  const quiet = takeFlag(args, '--quiet');
  const sampleText = takeOption(args, '--sample');
  const backendArg = takeOption(args, '--backend');
  rejectUnknownOptions(args, 'npu');
  if (args.length !== 1) throw new NpuUsageError(`npu needs exactly one link or hash, e.g. axlab npu '#steps=500&seed=3' --sample 0`);
  const { config, problems, npu, npuCpuInstructions } = parseLink(args[0]);
  if (problems.length > 0) throw new NpuUsageError(`Bad link:\n  ${problemsText(problems).join('\n  ')}`);
  const sample = sampleText === undefined ? 0 : Number(sampleText);
  if (!/^\d+$/.test(sampleText ?? '0') || sample >= config.testSize) {
    throw new NpuUsageError(`--sample must be an integer in 0–${config.testSize - 1} (the test set has ${config.testSize} samples)`);
  }
  let backend: BackendName;
  if (backendArg !== undefined) {
    if (backendArg !== 'cpu' && backendArg !== 'wasm') throw new NpuUsageError(`--backend must be cpu or wasm in Node, not ${JSON.stringify(backendArg)}`);
    backend = backendArg;
  } else backend = config.backend === 'wasm' ? 'wasm' : 'cpu';
  const selection = await selectBackend(backend);
  if (selection.backend !== backend) process.stderr.write(`note: ${backend} failed; running on ${selection.backend}\n`);

  const target = resolveTarget(config);
  await loadTargetData(config.target); // image targets: the photographs
  const dataset = createDataset(config);
  const skipped = config.methods.filter((m) => !NPU_METHODS.includes(m));
  if (skipped.length > 0) process.stderr.write(`note: ${skipped.join(', ')} ha${skipped.length === 1 ? 's' : 've'} no NPU cost model; skipped\n`);
  const baselineMethods = config.methods.filter(isBaselineMethod);
  const trainer = createMethodTrainer(config, 'axnet', { dataset });
  try {
    const result = await runToCompletion(trainer, (point) => {
      if (!quiet) process.stderr.write(`axnet step ${point.step}/${config.steps}  predicted invocation ${point.metrics.predictedInvocation.toFixed(4)}\n`);
    });
    const weights = await trainer.getWeights();
    const { testX } = dataset;
    const inputDim = target.inputDim;
    const input = Array.from(testX.subarray(sample * inputDim, (sample + 1) * inputDim));
    const cpuCost = npuCpuInstructions === null ? getConfigCpuPathCost(config) : makeCpuPathCost(npuCpuInstructions, 'user-set instruction count (estimate)');
    const schedule = scheduleInference(weights, input, npu, { cpuCost });
    const aggregate = aggregateAxnetCost(weights, testX, npu, { cpuCost });
    const aggregates: MethodAggregate[] = [
      { method: 'axnet', steps: trainer.step, diverged: result.diverged !== null && result.diverged !== undefined, ...describeAggregate(aggregate) },
    ];
    for (const method of baselineMethods) aggregates.push(await trainBaselineAggregate(config, method, dataset, npu, cpuCost, quiet));
    const exact = new Float64Array(target.outputDim);
    target.evaluate(input, exact);
    const forward = computeAxnetForward(weights, input);
    // npu.hw: AXNet's fused net on the approximate hardware (§V metrics on the test set, as the NPU view's readout).
    const hardware = npu.hardware === 'exact' ? null : evaluateNpuHardware(weights, dataset, config, npu);
    const report = {
      target: config.target,
      steps: trainer.step,
      backend: trainer.backend,
      diverged: result.diverged,
      npuParams: diffNpuParams(npu),
      totalPes: npu.tiles * npu.pesPerTile,
      cpuCost: { instructions: cpuCost.instructions, citation: cpuCost.citation, status: cpuCost.status },
      sample: { index: sample, input, exact: Array.from(exact), axnetOutput: Array.from(forward.output) },
      inference: describeSchedule(schedule),
      testSet: describeAggregate(aggregate),
      aggregates,
      hardware,
    };
    if (json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return;
    }
    const out: string[] = [];
    out.push(
      `AXNet on the NPU — ${config.target}, step ${trainer.step} (${trainer.backend}); ${npu.tiles} tile(s) × ${npu.pesPerTile} PEs, ${npu.wordBits}-bit ${npu.numberFormat}, ` +
        `NPU ${npu.clockHz / 1e9} GHz, CPU ${npu.cpuClockHz / 1e9} GHz`,
    );
    out.push(
      `test sample ${sample}: x = [${input.map((v) => v.toPrecision(4)).join(', ')}]  P(safe) = ${schedule.forward.safeProbability.toFixed(4)} → ${schedule.invoked}` +
        `  H(x) = [${Array.from(forward.output, (v) => v.toPrecision(4)).join(', ')}]  f(x) = [${Array.from(exact, (v) => v.toPrecision(4)).join(', ')}]`,
    );
    out.push('');
    const stageRows = schedule.stages.map((s) => [
      `${s.id}`,
      s.name,
      String(s.startCycle),
      String(s.cycles),
      String(s.events.filter((e) => e.type === 'neuron').length),
      String(s.events.filter((e) => e.type === 'transfer').length),
    ]);
    if (schedule.cpu)
      stageRows.splice(3, 0, [
        'cpu',
        `CPU runs the exact function (${schedule.cpu.instructions} instr, estimate)`,
        String(schedule.cpu.startCycle),
        String(schedule.cpu.cycles),
        '0',
        '0',
      ]);
    out.push(formatTable(['stage', 'name', 'start', 'cycles', 'neurons', 'transfers'], stageRows));
    out.push('');
    const c = schedule.counts;
    out.push(
      `counts: ${c.macs} MACs · ${c.activations} activations · ${c.hadamardMultiplies} ⊙c · weight buffer ${c.weightBufferReads + c.weightBufferWrites} · ` +
        `I/O buffers ${c.inputBufferReads + c.inputBufferWrites + c.outputBufferReads + c.outputBufferWrites} · on-chip ${c.onChipReads + c.onChipWrites} · ` +
        `DRAM ${c.dramReads} · bus ${c.busWords} words in ${c.busTransfers} transfers · CPU ${c.cpuInstructions} instr`,
    );
    out.push('');
    out.push(
      formatTable(
        ['component', 'count', 'unit', 'pJ/unit', 'pJ'],
        [
          ...schedule.energy.components.map((e) => [e.id === 'cpu' ? 'CPU path (estimate)' : e.label, String(e.count), e.unit, String(+e.pjPerUnit.toPrecision(6)), fmt(e.pj)]),
          ['total', '', '', '', fmt(schedule.energy.totalPj)],
        ],
      ),
    );
    out.push('');
    out.push(schedule.summary);
    for (const w of schedule.warnings) out.push(`warning: ${w}`);
    out.push('');
    out.push(`test set (${aggregate.samples} samples): predicted invocation ${(aggregate.invocation * 100).toFixed(1)}% (${aggregate.invokedCount} on the approximator)`);
    out.push(
      `  mean ${fmt(aggregate.averageEnergyPj)} pJ and ${fmt(aggregate.averageCycles, 1)} cycles per inference ` +
        `(approximator path ${fmt(aggregate.approximatorPath.energy.totalPj)} pJ, CPU path ${fmt(aggregate.cpuPath.energy.totalPj)} pJ)`,
    );
    out.push(`  CPU-only (estimate): ${fmt(aggregate.cpuOnly.energyPj)} pJ and ${aggregate.cpuOnly.cpuCycles} CPU cycles per call (${cpuCost.instructions} instructions)`);
    out.push(`  energy-efficiency gain over CPU-only: ${fmt(aggregate.energyGain)}×   speedup: ${fmt(aggregate.speedup)}×`);
    out.push('');
    out.push(`test-set aggregates per method (${aggregate.samples} samples; invocation = the method's own predictor / classifier decisions; Fig. 10b):`);
    out.push(
      formatTable(
        ['method', 'steps', 'invocation %', 'pJ/inference', 'cycles', 'energy gain', 'speedup'],
        aggregates.map((a) =>
          a.error !== undefined
            ? [a.method, String(a.steps), '—', '—', '—', '—', '—']
            : [a.method, String(a.steps), fmt((a.invocation ?? NaN) * 100, 1), fmt(a.averageEnergyPj), fmt(a.averageCycles, 1), fmt(a.energyGain), fmt(a.speedup)],
        ),
      ),
    );
    for (const a of aggregates) if (a.error !== undefined) out.push(`  ${a.method}: ${a.error}`);
    if (hardware) {
      const cell = (m: { mean: number; std: number; runs: number }) => (m.runs === 0 ? '—' : m.runs > 1 ? `${m.mean.toFixed(4)} ± ${m.std.toFixed(4)}` : m.mean.toFixed(4));
      out.push('');
      out.push(`AXNet's fused net on ${describeSetting(hardware.selected.setting)} (npu.hw; NTV: ${NPU_NTV_RUNS} masks; energies are estimates):`);
      out.push(
        formatTable(
          ['hardware', 'true inv.', 'predicted inv.', 'overall error', 'fused-net pJ (multiplies or reads)'],
          [hardware.exact, hardware.selected].map((h) => [
            describeSetting(h.setting),
            cell(h.trueInvocation),
            cell(h.predictedInvocation),
            cell(h.overallError),
            h.energyPj === null ? '—' : `${fmt(h.energyPj)} (×${h.energyRatio!.toFixed(3)} per operation)`,
          ]),
        ),
      );
    }
    if (aggregates.length > 1) out.push("  AXNet's NPU cost is almost that of onepass except the ⊙c unit in each PE, so higher invocation → higher energy efficiency.");
    out.push('');
    out.push('note: the NPU model runs its stages without overlap at the NPU clock; CPU costs are estimates (instructions × pJ/instruction).');
    process.stdout.write(`${out.join('\n')}\n`);
    if (aggregates.some((a) => a.diverged)) process.exitCode = 1;
  } finally {
    trainer.dispose();
  }
}

/** The view's readout: exact and npu.hw's hardware, from the same float64 code the NPU view runs (src/core/approx/axnetOnHardware.ts). */
function evaluateNpuHardware(weights: AxnetWeights, dataset: Dataset, config: LabConfig, npu: NpuParams): { exact: AxnetHardwareEvaluation; selected: AxnetHardwareEvaluation } {
  const target = resolveTarget(config);
  const testSet: HardwareTestSet = { x: dataset.testX, y: dataset.testY, inputDim: dataset.inputDim, outputDim: dataset.outputDim };
  const base = { metric: target.errorMetric, errorBound: config.errorBound, seed: config.seed, overrides: npu.constantOverrides };
  return {
    exact: runGenerator(evaluateAxnetOnHardwareSteps(weights, testSet, { ...base, setting: { kind: 'exact' } })),
    selected: runGenerator(evaluateAxnetOnHardwareSteps(weights, testSet, { ...base, setting: readNpuHardware(npu.hardware), runs: NPU_NTV_RUNS })),
  };
}

/** One method's test-set aggregate (JSON `aggregates` entry); `error` when its nets cannot run on the NPU model. */
type MethodAggregate = { method: MethodId; steps: number; diverged: boolean; error?: string } & Partial<ReturnType<typeof describeAggregate>>;

/** Trains onepass / iterative on the shared data and aggregates its NPU cost over the same test set. */
async function trainBaselineAggregate(config: LabConfig, method: MethodId, dataset: Dataset, npu: NpuParams, cpuCost: CpuPathCost, quiet: boolean): Promise<MethodAggregate> {
  const trainer: MethodTrainer = createMethodTrainer(config, method, { dataset });
  try {
    const result = await runToCompletion(trainer, (point) => {
      if (!quiet) process.stderr.write(`${method} step ${point.step}/${trainer.totalSteps}  predicted invocation ${point.metrics.predictedInvocation.toFixed(4)}\n`);
    });
    const diverged = result.diverged !== null && result.diverged !== undefined;
    const nets = (await trainer.getBaselineWeights?.()) ?? null;
    if (!nets) return { method, steps: trainer.step, diverged, error: 'no approximator + classifier to simulate' };
    try {
      return { method, steps: trainer.step, diverged, ...describeAggregate(aggregateBaselineCost(nets, dataset.testX, npu, { cpuCost })) };
    } catch (error) {
      return { method, steps: trainer.step, diverged, error: error instanceof Error ? error.message : String(error) };
    }
  } finally {
    trainer.dispose();
  }
}
