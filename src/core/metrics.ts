import type { ErrorMetricId } from './targets/types';

/** Added to the denominator of the relative error, as in the authors' code. */
export const RELATIVE_ERROR_EPSILON = 1e-11;

/**
 * How a sample's outputs combine into its error, for absolute and relative error:
 * - 'worstOutput': the largest over its outputs, so that "error < bound" is the same as "every output within
 *   the bound" (authors' code). Eq. 1's label uses it, and so does overallErrorWorstOutput.
 * - 'meanOverOutputs': the mean over its outputs, as the authors' code averages the overall error (issue 11).
 * For rms the metric is already one value over all outputs, sqrt(mean_j (h_j − y_j)²), whichever is asked.
 */
export type SampleErrorReduction = 'worstOutput' | 'meanOverOutputs';

/**
 * Per-sample error in the target's metric, its outputs combined by `reduction` (default 'worstOutput', eq. 1's).
 * predictions, targets: [samples × outputDim], row-major. A NaN output makes the sample's error NaN (unsafe).
 */
export function computeSampleErrors(
  metric: ErrorMetricId,
  predictions: ArrayLike<number>,
  targets: ArrayLike<number>,
  outputDim: number,
  reduction: SampleErrorReduction = 'worstOutput',
): Float64Array {
  const samples = Math.floor(targets.length / outputDim);
  const errors = new Float64Array(samples);
  const mean = reduction === 'meanOverOutputs';
  for (let s = 0; s < samples; s++) {
    let accumulated = 0;
    for (let j = 0; j < outputDim; j++) {
      const h = predictions[s * outputDim + j];
      const y = targets[s * outputDim + j];
      const diff = h - y;
      if (metric === 'rms') accumulated += diff * diff;
      else {
        const e = metric === 'absolute' ? Math.abs(diff) : Math.abs(diff) / (Math.abs(y) + RELATIVE_ERROR_EPSILON);
        // Worst output: NaN must make the sample unsafe, so it wins over any finite value (a sum keeps NaN by itself).
        if (mean) accumulated += e;
        else accumulated = Number.isNaN(e) || e > accumulated ? e : accumulated;
      }
    }
    errors[s] = metric === 'rms' ? Math.sqrt(accumulated / outputDim) : mean ? accumulated / outputDim : accumulated;
  }
  return errors;
}

/** p_label = bool{Err(H(x) − y) < error bound}  (AXNet eq. 1). NaN errors are unsafe. */
export function labelSafe(error: number, bound: number): boolean {
  return error < bound;
}

export interface InvocationMetrics {
  /** §V: fraction of test samples whose approximation is within the bound. */
  trueInvocation: number;
  /** §V: fraction of test samples that the predictor marks safe. */
  predictedInvocation: number;
  /** §V (paper): fraction of test samples that are safe AND predicted safe. */
  predictionAccuracy: number;
  /**
   * §V (paper): mean error over the samples predicted safe, E[Err | predicted safe], each sample's error the
   * mean over its outputs as the authors' code takes it ('meanOverOutputs'; one output or rms: its error).
   * null when no sample is predicted safe: the mean over an empty set is undefined (not 0, which
   * would read as a perfect approximation of inputs that all went to the CPU).
   */
  overallError: number | null;
  /** The same mean with each sample's error its worst output (eq. 1's error: 'worstOutput'); null as overallError. */
  overallErrorWorstOutput: number | null;
  /** Authors' code: agreement of the two labels, mean(p_label == predicted). */
  codeAgreement: number;
  /** Authors' code: mean over ALL samples of (predicted safe × error), the error averaged over outputs as overallError's. */
  codeOverallError: number;
  samples: number;
  safeCount: number;
  predictedSafeCount: number;
}

/**
 * The metrics of AXNet §V on one test set.
 * errors: per-sample errors of eq. 1 (computeSampleErrors, 'worstOutput'): the labels, the invocations and
 * overallErrorWorstOutput; outputMeanErrors: the same samples' errors averaged over outputs ('meanOverOutputs'),
 * for overallError and codeOverallError — omitted, `errors` serves (one output, or rms, where both are equal);
 * predictedSafe: predictor's decision per sample.
 */
export function computeInvocationMetrics(
  errors: ArrayLike<number>,
  predictedSafe: ArrayLike<boolean | number>,
  bound: number,
  outputMeanErrors: ArrayLike<number> = errors,
): InvocationMetrics {
  const samples = errors.length;
  if (outputMeanErrors.length !== samples) throw new Error(`${outputMeanErrors.length} output-mean errors for ${samples} samples`);
  let safeCount = 0,
    predictedSafeCount = 0,
    bothCount = 0,
    agreeCount = 0,
    predictedSafeErrorSum = 0,
    predictedSafeWorstSum = 0;
  for (let s = 0; s < samples; s++) {
    const safe = labelSafe(errors[s], bound);
    const predicted = Boolean(predictedSafe[s]);
    if (safe) safeCount++;
    if (predicted) {
      predictedSafeCount++;
      predictedSafeErrorSum += outputMeanErrors[s];
      predictedSafeWorstSum += errors[s];
    }
    if (safe && predicted) bothCount++;
    if (safe === predicted) agreeCount++;
  }
  const fraction = (count: number) => (samples === 0 ? 0 : count / samples);
  return {
    trueInvocation: fraction(safeCount),
    predictedInvocation: fraction(predictedSafeCount),
    predictionAccuracy: fraction(bothCount),
    overallError: predictedSafeCount === 0 ? null : predictedSafeErrorSum / predictedSafeCount,
    overallErrorWorstOutput: predictedSafeCount === 0 ? null : predictedSafeWorstSum / predictedSafeCount,
    codeAgreement: fraction(agreeCount),
    codeOverallError: samples === 0 ? 0 : predictedSafeErrorSum / samples,
    samples,
    safeCount,
    predictedSafeCount,
  };
}

/**
 * Parameter count of a dense MLP: Σ over layers of (fan_in × fan_out + fan_out),
 * i.e. every weight and every bias. The paper's own counts differ from this rule
 * (1284 vs 1138 for jpeg); the UI states which rule the lab uses.
 */
export function countDenseParameters(layerWidths: readonly number[]): number {
  let total = 0;
  for (let i = 0; i + 1 < layerWidths.length; i++) total += layerWidths[i] * layerWidths[i + 1] + layerWidths[i + 1];
  return total;
}
