/**
 * The hardware feedback of the NAS search (DATE'20 §III-C, Fig. 2 "hardware simulation"): a candidate topology's
 * speedup and energy reduction on the NPU against the exact function on the CPU, from its shape alone.
 *   P_speed = t_CPU / t_NPU,  P_energy = E_CPU / E_NPU  (before the objective's normalization, src/core/nas).
 * The schedule (scheduleApproximatorOnly) has no zero-skipping or other value-dependent step: its cycles, counts and
 * energy depend only on the layer widths and activations, so no trained weights are needed (approximatorCost.test.ts
 * checks that random weights give the same numbers).
 */
import type { NasConfig } from '../nas/types';
import { aggregateApproximatorCost } from './aggregate';
import type { CpuPathCost } from './cpuCost';
import type { NpuParams } from './params';

export interface NasHardwareCost {
  /** t_CPU / t_NPU. */
  speedup: number;
  /** E_CPU / E_NPU. */
  energyReduction: number;
  /** t_NPU, cycles at params.clockHz per inference. */
  cycles: number;
  /** E_NPU, pJ per inference. */
  energyPj: number;
  /** Σ fanIn·fanOut. */
  macs: number;
}

/** [inputDim, …hidden widths, outputDim]. */
export function listNasWidths(inputDim: number, outputDim: number, config: NasConfig): number[] {
  return [inputDim, ...config.layers.map((l) => l.width), outputDim];
}

/** The NPU cost of candidate `config` for a target of inputDim → outputDim (linear output layer). */
export function nasHardwareCost(inputDim: number, outputDim: number, config: NasConfig, params: NpuParams, cpuCost: CpuPathCost): NasHardwareCost {
  const cost = aggregateApproximatorCost(
    listNasWidths(inputDim, outputDim, config),
    config.layers.map((l) => l.activation),
    params,
    { cpuCost },
  );
  return { speedup: cost.speedup, energyReduction: cost.energyReduction, cycles: cost.cycles, energyPj: cost.energyPj, macs: cost.macs };
}
