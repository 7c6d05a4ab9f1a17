/**
 * The search objective of Chen et al. (DATE'20 §III-B eq. 4, §III-C eq. 5; reference B.4):
 *   f_perf = α·P_acc + β·P_speed + ε·P_energy                       (eq. 4)
 *   P_acc = |{k : Err(η(x_k), y_k) < bound}| / |D|                  (eq. 5)
 * SMAC minimizes the cost c = −f_perf (acquisition.ts).
 *
 * P_speed and P_energy are not defined by the paper beyond "speed, energy consumption" ('unverified'); the lab takes
 * P_speed from the speedup t_CPU/t_NPU and P_energy from the energy reduction E_CPU/E_NPU against the CPU running
 * the exact code ('interpretation', B.4), through one of three normalizations (each 'interpretation'):
 * - 'max' (default): P = ratio / maxRatio, where the caller passes the scale: the largest speedup and energy
 *   reduction over the space (e.g. of its narrowest net, or of the enumeration's), so P ≤ 1 like P_acc;
 * - 'none': P = ratio, literal eq. 4 (with 3–8× ratios the ε and β terms can outweigh α·P_acc);
 * - 'log': P = ln(ratio) (1× → 0; no scale needed).
 */

export interface NasMeasurement {
  /** P_acc ∈ [0, 1]: fraction within the bound (eq. 5), or jmeint's classification rate given directly. */
  accuracy: number;
  /** t_CPU / t_NPU per invocation. */
  speedup: number;
  /** E_CPU / E_NPU per invocation. */
  energyReduction: number;
}

export interface NasWeights {
  alpha: number;
  beta: number;
  eps: number;
}

export const NAS_WEIGHT_PRESET_IDS = ['accuracy', 'tradeoff'] as const;
export type NasWeightPresetId = (typeof NAS_WEIGHT_PRESET_IDS)[number];

/** The presets of Fig. 3 (b) accuracy focus and (c) trade-off (status 'paper'). */
export const NAS_WEIGHT_PRESETS: Readonly<Record<NasWeightPresetId, Readonly<NasWeights> & { label: string; source: string; status: 'paper' }>> = {
  accuracy: { alpha: 0.9, beta: 0.05, eps: 0.01, label: 'accuracy focus', source: 'DATE’20 Fig. 3b', status: 'paper' },
  tradeoff: { alpha: 0.85, beta: 0.01, eps: 0.1, label: 'trade-off', source: 'DATE’20 Fig. 3c', status: 'paper' },
};

export const NAS_NORMALIZATIONS = ['max', 'none', 'log'] as const;
export type NasNormalization = (typeof NAS_NORMALIZATIONS)[number];

export const NAS_NORMALIZATION_NOTES: Readonly<Record<NasNormalization, { label: string; status: 'interpretation' }>> = {
  max: { label: 'ratio ÷ the largest ratio over the space', status: 'interpretation' },
  none: { label: 'the ratio itself (literal eq. 4)', status: 'interpretation' },
  log: { label: 'ln(ratio)', status: 'interpretation' },
};

/** The largest speedup and energy reduction over the space, for the 'max' normalization. */
export interface NasObjectiveScale {
  maxSpeedup: number;
  maxEnergyReduction: number;
}

/**
 * P_acc (eq. 5): the fraction of samples whose error is below the bound. `errors` are the caller's per-sample
 * errors with the application metric (a sample with several outputs is within only if every output is, so the caller
 * passes the largest; reference B.4). A NaN error never counts as within; no samples gives 0.
 */
export function computeAccuracyFraction(errors: ArrayLike<number>, bound: number): number {
  if (errors.length === 0) return 0;
  let within = 0;
  for (let i = 0; i < errors.length; i++) if (errors[i] < bound) within++;
  return within / errors.length;
}

/** P_speed or P_energy from a ratio under a normalization (see the header). */
export function normalizeRatio(ratio: number, normalization: NasNormalization, maxRatio?: number): number {
  switch (normalization) {
    case 'none':
      return ratio;
    case 'log':
      return Math.log(ratio);
    case 'max':
      if (!(maxRatio !== undefined && maxRatio > 0 && Number.isFinite(maxRatio))) throw new Error(`The 'max' normalization needs a positive finite scale; got ${String(maxRatio)}`);
      return ratio / maxRatio;
    default: {
      const unknown: never = normalization;
      throw new Error(`Unsupported NAS normalization: ${String(unknown)}`);
    }
  }
}

/** f_perf = α·P_acc + β·P_speed + ε·P_energy (eq. 4); non-finite measurements give −∞ (never the best). */
export function computeFperf(measurement: NasMeasurement, weights: NasWeights, normalization: NasNormalization, scale?: NasObjectiveScale): number {
  const pSpeed = normalizeRatio(measurement.speedup, normalization, scale?.maxSpeedup);
  const pEnergy = normalizeRatio(measurement.energyReduction, normalization, scale?.maxEnergyReduction);
  const value = weights.alpha * measurement.accuracy + weights.beta * pSpeed + weights.eps * pEnergy;
  return Number.isFinite(value) ? value : Number.NEGATIVE_INFINITY;
}

/** The weights of a preset id, or custom ones (copied). */
export function resolveWeights(weights: NasWeightPresetId | NasWeights): NasWeights {
  if (typeof weights === 'string') {
    const preset = NAS_WEIGHT_PRESETS[weights];
    if (!preset) throw new Error(`Unknown NAS weight preset: ${String(weights)}`);
    return { alpha: preset.alpha, beta: preset.beta, eps: preset.eps };
  }
  return { alpha: weights.alpha, beta: weights.beta, eps: weights.eps };
}
