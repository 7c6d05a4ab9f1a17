/**
 * The parameter-matching rule of §V-A: "shrinking the structure of AXNet to match the parameter count
 * (≤ 3% difference) of the neural networks in previous methods". Pure TS.
 *
 * Counting: weights + biases of every dense layer (countDenseParameters), as everywhere in the lab.
 * (The paper's own counts differ: jpeg 1284 vs 3216 printed; weights + biases give 1138 vs 3202.)
 *
 * Baseline = approximator [N, …A, M] + classifier [N, …P, k] with k = 2 (softmax) or 1 (sigmoid).
 * AXNet    = approximator [N, …A', M] + predictor [N, …P', Σ_{i fused} A'_i + k]  (eq. 3),
 * with A', P' of the same depths as A, P. Rule: among all width vectors whose AXNet total is within
 * MATCH_TOLERANCE of the baseline's, pick the one closest to the config's proportions — the smallest
 * spread of log(A'_i / A_i), log(P'_j / P_j) around their mean (0 ⇔ an exact common scaling of the
 * config's widths); ties → the smaller |ratio − 1|, then the lexicographically smaller widths.
 */
import { computePredictorOutputWidth, getPredictionWidth } from './axnetMath';
import { CONFIG_LIMITS, type FusionChoice, type PredictionOutput } from './config';
import { countDenseParameters } from './metrics';

/** |AXNet / baseline − 1| ≤ 3%  (§V-A). */
export const MATCH_TOLERANCE = 0.03;

export interface ParameterMatchInput {
  inputDim: number;
  outputDim: number;
  approximatorHidden: readonly number[];
  predictorHidden: readonly number[];
  fusion?: FusionChoice;
  predictionOutput?: PredictionOutput;
  /** Width limits (default CONFIG_LIMITS.hiddenWidth: 1…128). */
  minWidth?: number;
  maxWidth?: number;
}

export interface ParameterMatch {
  ok: true;
  approximatorHidden: number[];
  predictorHidden: number[];
  axnetParams: number;
  baselineParams: number;
  /** axnetParams / baselineParams. */
  ratio: number;
}

export interface ParameterMatchFailure {
  ok: false;
  reason: string;
  baselineParams: number;
}

/** Weights + biases of the baseline's approximator and classifier. */
export function countBaselineParameters(input: ParameterMatchInput): number {
  const k = getPredictionWidth(input.predictionOutput ?? 'softmax');
  return countDenseParameters([input.inputDim, ...input.approximatorHidden, input.outputDim]) + countDenseParameters([input.inputDim, ...input.predictorHidden, k]);
}

/** Weights + biases of an AXNet with these hidden widths (predictor output by eq. 3). */
export function countAxnetParameters(
  inputDim: number,
  outputDim: number,
  approximatorHidden: readonly number[],
  predictorHidden: readonly number[],
  fusion: FusionChoice = 'all',
  predictionOutput: PredictionOutput = 'softmax',
): number {
  const out = computePredictorOutputWidth(approximatorHidden, fusion, predictionOutput);
  return countDenseParameters([inputDim, ...approximatorHidden, outputDim]) + countDenseParameters([inputDim, ...predictorHidden, out]);
}

/** Spread of log(candidate / config) around its mean: 0 for an exact common scaling. */
function measureProportionDeviation(candidate: readonly number[], reference: readonly number[]): number {
  const logs = candidate.map((w, i) => Math.log(w / reference[i]));
  const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
  return logs.reduce((a, v) => a + (v - mean) ** 2, 0);
}

/** AXNet hidden widths matching the baseline's parameter count within 3% (§V-A), or why not. */
export function matchAxnetParameters(input: ParameterMatchInput): ParameterMatch | ParameterMatchFailure {
  const fusion = input.fusion ?? 'all';
  const predictionOutput = input.predictionOutput ?? 'softmax';
  const minWidth = input.minWidth ?? CONFIG_LIMITS.hiddenWidth.min;
  const maxWidth = input.maxWidth ?? CONFIG_LIMITS.hiddenWidth.max;
  const baselineParams = countBaselineParameters(input);
  const reference = [...input.approximatorHidden, ...input.predictorHidden];
  const l = input.approximatorHidden.length;
  if (l === 0) return { ok: false, reason: 'AXNet needs at least one approximator hidden layer', baselineParams };
  if (reference.some((w) => !(w >= 1))) return { ok: false, reason: 'hidden widths must be at least 1', baselineParams };
  const count = (widths: readonly number[]) => countAxnetParameters(input.inputDim, input.outputDim, widths.slice(0, l), widths.slice(l), fusion, predictionOutput);
  // Throws for fusion 'second' with one hidden layer, like the trainer.
  const smallest = count(reference.map(() => minWidth));
  const largest = count(reference.map(() => maxWidth));
  if (smallest > baselineParams * (1 + MATCH_TOLERANCE)) {
    return { ok: false, reason: `even AXNet with all hidden widths ${minWidth} has ${smallest} parameters, over 3% above the baseline's ${baselineParams}`, baselineParams };
  }
  if (largest < baselineParams * (1 - MATCH_TOLERANCE)) {
    return { ok: false, reason: `even AXNet with all hidden widths ${maxWidth} has ${largest} parameters, over 3% below the baseline's ${baselineParams}`, baselineParams };
  }
  // Candidates: round(s · config widths) over a fine geometric grid of scales s, each ±2 per width.
  const seen = new Set<string>();
  let best: { widths: number[]; params: number; deviation: number; miss: number } | null = null;
  const consider = (widths: number[]) => {
    const key = widths.join(',');
    if (seen.has(key)) return;
    seen.add(key);
    const params = count(widths);
    const miss = Math.abs(params / baselineParams - 1);
    if (miss > MATCH_TOLERANCE) return;
    const deviation = measureProportionDeviation(widths, reference);
    const better =
      !best ||
      deviation < best.deviation - 1e-12 ||
      (Math.abs(deviation - best.deviation) <= 1e-12 && (miss < best.miss - 1e-12 || (Math.abs(miss - best.miss) <= 1e-12 && key < best.widths.join(','))));
    if (better) best = { widths, params, deviation, miss };
  };
  const clamp = (w: number) => Math.min(maxWidth, Math.max(minWidth, w));
  const sMin = minWidth / Math.max(...reference);
  const sMax = maxWidth / Math.min(...reference);
  const bases = new Set<string>();
  for (let s = sMin; s <= sMax * 1.0001; s *= 1.01) bases.add(reference.map((w) => clamp(Math.round(s * w))).join(','));
  const radius = reference.length <= 4 ? 2 : 1;
  for (const key of bases) {
    const base = key.split(',').map(Number);
    // Only scales near the target matter: skip bases far outside ±20%.
    const ratio = count(base) / baselineParams;
    if (ratio < 0.8 || ratio > 1.25) continue;
    const widths = [...base];
    const walk = (i: number) => {
      if (i === widths.length) {
        consider([...widths]);
        return;
      }
      for (let d = -radius; d <= radius; d++) {
        const w = base[i] + d;
        if (w < minWidth || w > maxWidth) continue;
        widths[i] = w;
        walk(i + 1);
      }
      widths[i] = base[i];
    };
    walk(0);
  }
  const found = best as { widths: number[]; params: number } | null;
  if (!found) return { ok: false, reason: `no AXNet hidden widths within 3% of the baseline's ${baselineParams} parameters near the config's proportions`, baselineParams };
  return {
    ok: true,
    approximatorHidden: found.widths.slice(0, l),
    predictorHidden: found.widths.slice(l),
    axnetParams: found.params,
    baselineParams,
    ratio: found.params / baselineParams,
  };
}
