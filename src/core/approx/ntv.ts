/**
 * Near-threshold-voltage (NTV) SRAM weight storage, AxTrain's fuzzy memory (AxTrain §3.2, §4, Tab. 1; reference
 * axtrain-nas.md A.4.2). Lowering the SRAM supply V saves energy and makes each stored bit flip with probability
 * p(V); the flips themselves are drawn by fixedPoint.ts (drawFlipMasks / flipBits, on the 'ntv' stream).
 */
import { resolveNpuConstant, type NpuConstantId } from '../npu/constants';
import type { ApproxFactStatus } from './status';

/** The named stream NTV masks come from, so that evaluation masks are the same across methods (reference D.1.6 #17). */
export const NTV_RNG_STREAM = 'ntv';

export type NtvVoltageMv = 400 | 660 | 850;

export interface NtvVoltagePreset {
  voltageMv: NtvVoltageMv;
  /** p: probability that one stored bit flips. */
  flipRate: number;
  status: ApproxFactStatus;
  /** Status of the figure or table of [8] the rate comes from. */
  sourceFigureStatus: ApproxFactStatus;
  citation: string;
}

const DRESLINSKI = 'AxTrain §4, citing Dreslinski et al., Proc. IEEE 98(2), 2010 [8]; which figure of [8] gives it is unverified';

/** AxTrain §4: "flip rate@voltage: 10%@400mV, 1%@660mV, 0.1%@850mV [8]". */
export const NTV_VOLTAGE_PRESETS: readonly NtvVoltagePreset[] = [
  { voltageMv: 400, flipRate: 0.1, status: 'paper', sourceFigureStatus: 'unverified', citation: `10 % at 400 mV: ${DRESLINSKI}` },
  { voltageMv: 660, flipRate: 0.01, status: 'paper', sourceFigureStatus: 'unverified', citation: `1 % at 660 mV: ${DRESLINSKI}` },
  { voltageMv: 850, flipRate: 0.001, status: 'paper', sourceFigureStatus: 'unverified', citation: `0.1 % at 850 mV: ${DRESLINSKI}` },
];

export function isNtvVoltageMv(voltageMv: number): voltageMv is NtvVoltageMv {
  return NTV_VOLTAGE_PRESETS.some((preset) => preset.voltageMv === voltageMv);
}

/** p(V) at one of the paper's three voltages; any other voltage throws (the paper gives no curve to interpolate). */
export function getNtvFlipRate(voltageMv: number): number {
  const preset = NTV_VOLTAGE_PRESETS.find((entry) => entry.voltageMv === voltageMv);
  if (!preset) throw new RangeError(`No NTV flip rate for ${voltageMv} mV (known: ${NTV_VOLTAGE_PRESETS.map((p) => p.voltageMv).join(', ')} mV)`);
  return preset.flipRate;
}

/** One application of AxTrain Tab. 1 with its aggressive (Agg) and conservative (Con) SRAM voltages. */
export interface AxtrainDatasetVoltages {
  id: 'breast-cancer' | 'image-segmentation' | 'ionosphere' | 'satimage' | 'mnist-mlp' | 'mnist-cnn';
  title: string;
  /** Layer widths, input first; null for MNIST-CNN (LeNet5). */
  topology: readonly number[] | null;
  aggressiveMv: NtvVoltageMv;
  conservativeMv: NtvVoltageMv;
}

/** AxTrain Tab. 1 [paper]. */
export const AXTRAIN_DATASET_VOLTAGES: readonly AxtrainDatasetVoltages[] = [
  { id: 'breast-cancer', title: 'Breast cancer', topology: [30, 64, 64, 2], aggressiveMv: 400, conservativeMv: 660 },
  { id: 'image-segmentation', title: 'Image segmentation', topology: [19, 64, 64, 7], aggressiveMv: 660, conservativeMv: 850 },
  { id: 'ionosphere', title: 'Ionosphere', topology: [34, 50, 50, 2], aggressiveMv: 660, conservativeMv: 850 },
  { id: 'satimage', title: 'Satimage', topology: [36, 64, 64, 7], aggressiveMv: 660, conservativeMv: 850 },
  { id: 'mnist-mlp', title: 'MNIST-MLP', topology: [784, 128, 128, 10], aggressiveMv: 660, conservativeMv: 850 },
  { id: 'mnist-cnn', title: 'MNIST-CNN (LeNet5)', topology: null, aggressiveMv: 660, conservativeMv: 850 },
];
export const AXTRAIN_DATASET_VOLTAGES_SOURCE: { status: ApproxFactStatus; citation: string } = { status: 'paper', citation: 'AxTrain Tab. 1 (Agg/Con volt)' };

/** The registry constants sramEnergyScale reads. */
export const SRAM_ENERGY_SCALE_CONSTANTS: readonly NpuConstantId[] = ['sramNominalVoltage', 'sramVoltageEnergyExponent'];

/**
 * SRAM read energy at supply V relative to nominal: (V / V_nom)^n = (V / 1.1 V)² with the registry's defaults
 * [estimate: dynamic energy ∝ V², leakage ignored; src/core/npu/constants.ts]. V in volts.
 */
export function sramEnergyScale(voltageV: number, overrides?: Partial<Record<NpuConstantId, number>>): number {
  if (!(voltageV > 0) || !Number.isFinite(voltageV)) throw new RangeError(`SRAM supply must be a positive voltage, not ${voltageV}`);
  const nominal = resolveNpuConstant('sramNominalVoltage', overrides).value;
  const exponent = resolveNpuConstant('sramVoltageEnergyExponent', overrides).value;
  return (voltageV / nominal) ** exponent;
}
