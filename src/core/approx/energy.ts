/**
 * Prices of AxTrain's approximate hardware, read from the one NPU constants registry (src/core/npu/constants.ts),
 * each with the constants it came from so that the UI can show their status. Both are lab estimates (reference
 * axtrain-nas.md A.4.1 "DRUM energy", A.4.2 "Storage energy").
 */
import { pickSramConstant, resolveNpuConstant, type NpuConstantId, type ResolvedNpuConstant } from '../npu/constants';
import { SRAM_ENERGY_SCALE_CONSTANTS, sramEnergyScale } from './ntv';

export interface ApproxEnergyPrice {
  /** Energy of one operation, pJ. */
  pj: number;
  /** The same operation on exact hardware (exact 16-bit multiplier; SRAM at nominal voltage), pJ. */
  exactPj: number;
  /** 1 − pj / exactPj. */
  saving: number;
  /** How pj follows from the sources. */
  formula: string;
  sources: ResolvedNpuConstant[];
}

/** The DRUM designs priced here are 16-bit (Hashemi et al.'s 16-bit results); k = 16 keeps every operand bit. */
export const DRUM_ENERGY_K_MAX = 16;

/** One DRUM-k multiply: E_mult(k) = E_mult16 · ((k/16)² + o)  [estimate; constants drumOverheadFraction, intMult16]. */
export function priceDrumMultiply(k: number, overrides?: Partial<Record<NpuConstantId, number>>): ApproxEnergyPrice {
  if (!Number.isInteger(k) || k < 1 || k > DRUM_ENERGY_K_MAX) throw new RangeError(`DRUM energy needs an integer k in 1…${DRUM_ENERGY_K_MAX}, not ${k}`);
  const mult16 = resolveNpuConstant('intMult16', overrides);
  const overhead = resolveNpuConstant('drumOverheadFraction', overrides);
  const pj = mult16.value * ((k / 16) ** 2 + overhead.value);
  return {
    pj,
    exactPj: mult16.value,
    saving: mult16.value > 0 ? 1 - pj / mult16.value : 0,
    formula: `${mult16.value} pJ × ((${k}/16)² + ${Number(overhead.value.toPrecision(6))})`, // o = 0.17375, not its float tail
    sources: [mult16, overhead],
  };
}

export interface WeightReadOptions {
  /** SRAM supply, volts. */
  voltageV: number;
  /** Bits per stored word. */
  wordBits: number;
  /** Size of the weight memory, bytes: picks the SRAM row (8 KB, 32 KB, 1 MB) as the NPU model does. */
  memoryBytes: number;
  overrides?: Partial<Record<NpuConstantId, number>>;
}

/**
 * One weight read from NTV SRAM: E = E_SRAM(size) per 64 bit × W/64 × (V / V_nom)^n  [estimate; the SRAM row of
 * Horowitz ISSCC 2014, sramNominalVoltage, sramVoltageEnergyExponent].
 */
export function priceWeightRead(options: WeightReadOptions): ApproxEnergyPrice {
  const { voltageV, wordBits, memoryBytes, overrides } = options;
  if (!Number.isInteger(wordBits) || wordBits < 1) throw new RangeError(`wordBits must be a positive integer, not ${wordBits}`);
  if (!(memoryBytes >= 0)) throw new RangeError(`memoryBytes must be ≥ 0, not ${memoryBytes}`);
  const sram = resolveNpuConstant(pickSramConstant(memoryBytes), overrides);
  const scale = sramEnergyScale(voltageV, overrides);
  const exactPj = (sram.value * wordBits) / 64;
  const [nominal, exponent] = SRAM_ENERGY_SCALE_CONSTANTS.map((id) => resolveNpuConstant(id, overrides));
  return {
    pj: exactPj * scale,
    exactPj,
    saving: 1 - scale,
    formula: `${sram.value} pJ × ${wordBits}/64 × (${voltageV} V / ${nominal.value} V)^${exponent.value}`,
    sources: [sram, nominal, exponent],
  };
}
