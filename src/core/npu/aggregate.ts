/**
 * NPU cost over a test set. The cost of one inference depends only on the controller's decision, so each
 * aggregate schedules one approximator-path and one CPU-path inference and weights them by the decisions:
 *   E_avg = f · E_safe + (1 − f) · E_unsafe,  f = predicted invocation (fraction invoked on the approximator);
 *   E_cpu_only = instructions × pJ/instruction  (every call on the CPU, no NPU);
 *   energy-efficiency gain = E_cpu_only / E_avg;  speedup = t_cpu_only / t_avg  (paper Fig. 10b compares gains).
 * With no samples the averages, gain and speedup are NaN.
 * A lone approximator (aggregateApproximatorCost: DATE'20's candidates) has one path, every invocation on the NPU:
 *   energy reduction = E_CPU / E_NPU,  speedup = t_CPU / t_NPU  (DATE'20 §III-C: P_energy, P_speed against the CPU).
 */
import { computeAxnetForward, computeApproximatorForward, type AxnetParams } from '../axnetMath';
import { resolveNpuConstant } from './constants';
import type { CpuPathCost } from './cpuCost';
import type { EnergyComponentId } from './energy';
import type { NpuParams } from './params';
import { scheduleApproximatorOnly, scheduleBaselineInference, scheduleInference, type BaselineNets, type NpuHiddenActivation, type NpuInferenceSchedule } from './schedule';

export interface NpuAggregateOptions {
  cpuCost: CpuPathCost;
  /**
   * Decisions per sample (truthy = invoke the approximator), e.g. from the tf model; when omitted they are
   * computed here from the float64 forward pass (z_safe > z_unsafe).
   */
  predictedSafe?: ArrayLike<boolean | number>;
}

export interface NpuAggregate {
  samples: number;
  /** Inputs sent to the approximator (a mean over runs, so possibly fractional, after reweightNpuAggregate). */
  invokedCount: number;
  /** invokedCount / samples (NaN when empty). */
  invocation: number;
  /** One inference on each path. */
  approximatorPath: NpuInferenceSchedule;
  cpuPath: NpuInferenceSchedule;
  /** Mean energy per inference, pJ, and per component. */
  averageEnergyPj: number;
  averageComponentsPj: Record<EnergyComponentId, number>;
  /** Mean latency per inference in NPU cycles (CPU time converted) and seconds. */
  averageCycles: number;
  averageSeconds: number;
  cpuOnly: { energyPj: number; cpuCycles: number; seconds: number };
  /** E_cpu_only / E_avg. */
  energyGain: number;
  /** t_cpu_only / t_avg. */
  speedup: number;
}

/** Every call on the CPU, no NPU: E = instructions × pJ/instruction, t = instructions × CPI / f_cpu (cpuCost.ts, estimate). */
export interface CpuOnlyCost {
  energyPj: number;
  cpuCycles: number;
  seconds: number;
}

export function computeCpuOnlyCost(params: NpuParams, cpuCost: CpuPathCost): CpuOnlyCost {
  const epi = resolveNpuConstant('cpuEnergyPerInstruction', params.constantOverrides).value;
  const cpi = resolveNpuConstant('cpuCyclesPerInstruction', params.constantOverrides).value;
  const cpuCycles = cpuCost.instructions * cpi;
  return { energyPj: cpuCost.instructions * epi, cpuCycles, seconds: cpuCycles / params.cpuClockHz };
}

function countInvoked(decisions: ArrayLike<boolean | number>): number {
  let n = 0;
  for (let i = 0; i < decisions.length; i++) if (decisions[i]) n++;
  return n;
}

function combinePaths(
  safePath: NpuInferenceSchedule,
  unsafePath: NpuInferenceSchedule,
  samples: number,
  invokedCount: number,
  params: NpuParams,
  cpuCost: CpuPathCost,
): NpuAggregate {
  const f = samples > 0 ? invokedCount / samples : NaN;
  const mix = (a: number, b: number) => f * a + (1 - f) * b;
  const averageComponentsPj = {} as Record<EnergyComponentId, number>;
  safePath.energy.components.forEach((c, i) => {
    averageComponentsPj[c.id] = mix(c.pj, unsafePath.energy.components[i].pj);
  });
  const averageEnergyPj = mix(safePath.energy.totalPj, unsafePath.energy.totalPj);
  const averageCycles = mix(safePath.cycles.total, unsafePath.cycles.total);
  const averageSeconds = averageCycles / params.clockHz;
  const cpuOnly = computeCpuOnlyCost(params, cpuCost);
  return {
    samples,
    invokedCount,
    invocation: f,
    approximatorPath: safePath,
    cpuPath: unsafePath,
    averageEnergyPj,
    averageComponentsPj,
    averageCycles,
    averageSeconds,
    cpuOnly,
    energyGain: cpuOnly.energyPj / averageEnergyPj,
    speedup: cpuOnly.seconds / averageSeconds,
  };
}

/** Mean NPU cost of AXNet over a test set. inputs: [samples × inputDim], row-major. */
export function aggregateAxnetCost(weights: AxnetParams, inputs: ArrayLike<number>, params: NpuParams, options: NpuAggregateOptions): NpuAggregate {
  const inputDim = weights.approximator[0].fanIn;
  const samples = Math.floor(inputs.length / inputDim);
  let decisions = options.predictedSafe;
  if (decisions === undefined) {
    const computed = new Uint8Array(samples);
    for (let s = 0; s < samples; s++) {
      const { logits } = computeAxnetForward(weights, Array.prototype.slice.call(inputs, s * inputDim, (s + 1) * inputDim));
      computed[s] = logits[1] > logits[0] ? 1 : 0;
    }
    decisions = computed;
  } else if (decisions.length !== samples) throw new Error(`predictedSafe has ${decisions.length} entries for ${samples} samples`);
  const probe = samples > 0 ? Array.prototype.slice.call(inputs, 0, inputDim) : new Array<number>(inputDim).fill(0);
  const safePath = scheduleInference(weights, probe, params, { cpuCost: options.cpuCost, decision: 'safe' });
  const unsafePath = scheduleInference(weights, probe, params, { cpuCost: options.cpuCost, decision: 'unsafe' });
  return combinePaths(safePath, unsafePath, samples, countInvoked(decisions), params, options.cpuCost);
}

/**
 * The same aggregate at another predicted invocation f (e.g. the predictor's decisions on approximate hardware, or
 * their mean over NTV runs): E_avg = f · E_safe + (1 − f) · E_unsafe with the aggregate's two scheduled paths.
 * f outside [0, 1] or NaN throws.
 */
export function reweightNpuAggregate(aggregate: NpuAggregate, invocation: number, params: NpuParams, cpuCost: CpuPathCost): NpuAggregate {
  if (!(invocation >= 0 && invocation <= 1)) throw new RangeError(`invocation must be in [0, 1], not ${invocation}`);
  return combinePaths(aggregate.approximatorPath, aggregate.cpuPath, aggregate.samples, invocation * aggregate.samples, params, cpuCost);
}

/**
 * Mean NPU cost of a baseline (onepass / iterative: classifier, then an approximator without ⊙c) over a test set,
 * for comparing energy-efficiency gains with AXNet (paper Fig. 10b). inputs: [samples × inputDim], row-major.
 */
export function aggregateBaselineCost(nets: BaselineNets, inputs: ArrayLike<number>, params: NpuParams, options: NpuAggregateOptions): NpuAggregate {
  const inputDim = nets.approximator[0].fanIn;
  const samples = Math.floor(inputs.length / inputDim);
  let decisions = options.predictedSafe;
  if (decisions === undefined) {
    const computed = new Uint8Array(samples);
    for (let s = 0; s < samples; s++) {
      const z = computeApproximatorForward(nets.classifier, Array.prototype.slice.call(inputs, s * inputDim, (s + 1) * inputDim));
      computed[s] = z[1] > z[0] ? 1 : 0;
    }
    decisions = computed;
  } else if (decisions.length !== samples) throw new Error(`predictedSafe has ${decisions.length} entries for ${samples} samples`);
  const probe = samples > 0 ? Array.prototype.slice.call(inputs, 0, inputDim) : new Array<number>(inputDim).fill(0);
  const safePath = scheduleBaselineInference(nets, probe, params, { cpuCost: options.cpuCost, decision: 'safe' });
  const unsafePath = scheduleBaselineInference(nets, probe, params, { cpuCost: options.cpuCost, decision: 'unsafe' });
  return combinePaths(safePath, unsafePath, samples, countInvoked(decisions), params, options.cpuCost);
}

/** The NPU cost of a lone approximator, every invocation on the NPU (no predictor, no controller, no CPU fallback). */
export interface ApproximatorAggregate {
  /** The one inference (stages 4–5), with its counts and energy components. */
  schedule: NpuInferenceSchedule;
  /** E_NPU, pJ per inference. */
  energyPj: number;
  /** t_NPU in cycles at params.clockHz, and in seconds. */
  cycles: number;
  seconds: number;
  /** Σ fanIn·fanOut. */
  macs: number;
  cpuOnly: CpuOnlyCost;
  /** E_CPU / E_NPU. */
  energyReduction: number;
  /** t_CPU / t_NPU. */
  speedup: number;
}

/**
 * The cost of the approximator [widths[0], …, widths[L]] (widths: input first, output last) with one activation per
 * hidden layer, against the exact function on the CPU. The schedule's cycles and counts depend only on the shapes and
 * activations (scheduleApproximatorOnly), so the net is scheduled with zero weights on a zero input: no trained
 * weights are needed.
 */
export function aggregateApproximatorCost(
  widths: readonly number[],
  activations: readonly NpuHiddenActivation[],
  params: NpuParams,
  options: { cpuCost: CpuPathCost },
): ApproximatorAggregate {
  if (widths.length < 2) throw new Error(`An approximator needs an input and an output width, got [${widths.join(', ')}]`);
  for (const w of widths) if (!Number.isInteger(w) || w < 1) throw new Error(`Layer widths must be positive integers, got [${widths.join(', ')}]`);
  const layers = widths.slice(1).map((fanOut, k) => {
    const fanIn = widths[k];
    return { fanIn, fanOut, kernel: new Float64Array(fanIn * fanOut), bias: new Float64Array(fanOut) };
  });
  const schedule = scheduleApproximatorOnly(layers, activations, new Float64Array(widths[0]), params);
  const cpuOnly = computeCpuOnlyCost(params, options.cpuCost);
  const energyPj = schedule.energy.totalPj;
  return {
    schedule,
    energyPj,
    cycles: schedule.cycles.total,
    seconds: schedule.seconds,
    macs: schedule.counts.macs,
    cpuOnly,
    energyReduction: cpuOnly.energyPj / energyPj,
    speedup: cpuOnly.seconds / schedule.seconds,
  };
}
