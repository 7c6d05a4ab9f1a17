/**
 * Cost of running the exact target function on the CPU (the path taken when P(x) says unsafe).
 * No seed gives a per-call CPU energy (reference §4), so the lab ESTIMATES it:
 *   E_cpu = instructions × pJ/instruction,  t_cpu = instructions × CPI / f_cpu.
 *
 * How the instruction counts were estimated (dynamic x86-64 instructions per call, by hand):
 * count the arithmetic, loads/stores, compares and branches of the AxBench kernel as the lab implements it
 * (src/core/targets), 1 instruction each; a libm call counts ≈40 instructions (exp, log, sin, cos),
 * ≈50 (acos), ≈60 (atan2), ≈100 (pow), ≈80 (gamma); sqrt is one sqrtsd; call overhead ≈10.
 * They are order-of-magnitude figures, not measurements.
 */
import type { CustomFunctionConfig } from '../targets/customDefaults';
import { CUSTOM_OP_INSTRUCTIONS, compileCustomFunction } from '../targets/customFunction';
import { CUSTOM_TARGET_ID, TARGET_IDS, type LabTargetId, type TargetId } from '../targets/types';

export interface CpuPathCost {
  /** Dynamic instructions per call of the exact function. */
  instructions: number;
  /** How the count was obtained, shown in the UI. */
  citation: string;
  status: 'estimate';
  targetId: TargetId | null;
}

const RULE = 'lab estimate by op counting (libm call ≈ 40–100 instructions)';

export const CPU_PATH_COSTS: Readonly<Record<TargetId, CpuPathCost>> = Object.freeze({
  bessel_Jnu: {
    instructions: 300,
    citation: `J_ν(x) power series: pow ≈100 + gamma ≈80 + ≈10 series terms × ≈10 + overhead; ${RULE}`,
    status: 'estimate',
    targetId: 'bessel_Jnu',
  },
  blackscholes: {
    instructions: 300,
    citation: `log + 3 exp (discount, 2 CNDF) ≈160, 2 CNDF polynomials ≈40, sqrt, ≈60 arithmetic, loads, calls; ${RULE}`,
    status: 'estimate',
    targetId: 'blackscholes',
  },
  fft: {
    instructions: 90,
    citation: `twiddle factor: sin + cos ≈80 + ≈10 arithmetic/overhead; ${RULE}`,
    status: 'estimate',
    targetId: 'fft',
  },
  inversek2j: {
    instructions: 280,
    citation: `acos ≈50 + 2 atan2 ≈120 + sin + cos ≈80 + ≈30 arithmetic/overhead; ${RULE}`,
    status: 'estimate',
    targetId: 'inversek2j',
  },
  jmeint: {
    instructions: 800,
    citation: `Möller triangle–triangle test: plane equations, cross/dot products, interval overlap with early exits (≈300–1100); ${RULE}`,
    status: 'estimate',
    targetId: 'jmeint',
  },
  jpeg: {
    instructions: 1300,
    citation: `8×8 block: fixed-point 2-D DCT (16 1-D DCTs × ≈40) ≈640, quantization 64 × ≈6, zigzag 64 × ≈4, loads/stores; ${RULE}`,
    status: 'estimate',
    targetId: 'jpeg',
  },
  kmeans: {
    instructions: 30,
    citation: `3 × (2 loads, sub, mul, add) + sqrt + overhead; ${RULE}`,
    status: 'estimate',
    targetId: 'kmeans',
  },
  sobel: {
    instructions: 70,
    citation: `9 loads, gx and gy (6 non-zero taps each) ≈30, sqrt, clamp compare, overhead; ${RULE}`,
    status: 'estimate',
    targetId: 'sobel',
  },
});

/** The CPU-path cost of target `id`; throws `Unsupported target: ${id}` for anything else. */
export function getCpuPathCost(id: string): CpuPathCost {
  const targetId = TARGET_IDS.find((t) => t === id);
  if (targetId === undefined) throw new Error(`Unsupported target: ${id}`);
  return CPU_PATH_COSTS[targetId];
}

/** A user-set instruction count (e.g. for a custom target or a what-if). */
export function makeCpuPathCost(instructions: number, citation = 'user-set instruction count'): CpuPathCost {
  if (!Number.isFinite(instructions) || instructions < 0) throw new Error(`CPU instruction count must be ≥ 0, got ${instructions}`);
  return { instructions, citation, status: 'estimate', targetId: null };
}

/**
 * The CPU-path cost of a lab config's target: the table's estimate for a benchmark; for the user's own function
 * (customFunction.ts) the sum of CUSTOM_OP_INSTRUCTIONS over its expression tree plus the call (an estimate).
 */
export function getConfigCpuPathCost(config: { readonly target: LabTargetId; readonly customFunction?: Readonly<CustomFunctionConfig> }): CpuPathCost {
  if (config.target !== CUSTOM_TARGET_ID) return getCpuPathCost(config.target);
  const compiled = compileCustomFunction(config.customFunction?.expression ?? '');
  if (!compiled.ok) throw new Error(`Invalid custom function: ${compiled.message}`);
  const { libm, pow, arithmetic, load, callOverhead } = CUSTOM_OP_INSTRUCTIONS;
  return makeCpuPathCost(
    compiled.value.cpuInstructions,
    `custom function ${compiled.value.expression}: ${compiled.value.cpuCostBreakdown}; estimate by op counting (load ${load}, + − * / ${arithmetic}, libm call ${libm}–60, pow ${pow}, call ${callOverhead})`,
  );
}
