/**
 * The data and the accuracy of the NAS search (DATE'20 §III-C eq. 5, §IV):
 *   P_acc = Σ_k z_k / M,  z_k = 1 if Err(η(x_k) − y_k) < error bound else 0   (eq. 5),
 * Err the target's metric (src/core/metrics.ts computeSampleErrors); jmeint uses the classification rate instead
 * (Table 2: "jmeint uses the classification rate as the error metric; thus no error bound is needed").
 *
 * A sample's error over several outputs is its worst output by default ('worstOutput'): z_k = 1 iff every output is
 * within the bound, the very label of AXNet eq. 1, so P_acc equals the engine's trueInvocation (computeInvocationMetrics)
 * on the same outputs. The lab's overall error averages a sample's outputs ('meanOverOutputs'), but it is a mean of
 * errors, not a fraction within the bound; 'meanOverOutputs' is offered as an option. On the one-output targets
 * (blackscholes, kmeans, sobel, bessel_Jnu) both are the same; fft, inversek2j and jpeg differ.
 *
 * Splits: the lab's train and test sets of the target (src/core/dataset.ts: seeded streams 'train-data' and
 * 'test-data', for image targets from different photographs). The search scores candidates on a VALIDATION split
 * carved from the training set (reference D.2.3): a seeded shuffle of the training rows (stream 'nas-validation'),
 * the first ⌈fraction · trainSize⌉ rows held out; the rest trains. The held-out TEST split is used only for what is
 * reported (the front, the picks): the paper does not separate them ('interpretation').
 */
import { carveValidationSplit, createDataset, type DataRows, type Dataset } from '../../core/dataset';
import { computeSampleErrors, labelSafe, type SampleErrorReduction } from '../../core/metrics';
import { getTarget } from '../../core/targets';
import { TARGET_LAB_DEFAULTS } from '../../core/targets/labDefaults';
import type { ErrorMetricId, TargetId } from '../../core/targets/types';

/** Targets scored by the classification rate (DATE'20 Table 2 footnote): argmax of H(x) = argmax of the one-hot y. */
export const NAS_CLASSIFICATION_TARGETS: ReadonlySet<string> = new Set<TargetId>(['jmeint']);

/** Fraction of the training rows held out for validation (lab choice, 'estimate'). */
export const NAS_VALIDATION_FRACTION = 0.1;

/** Rows [size × inputDim] → [size × outputDim], row-major. */
export type NasSplit = DataRows;

export interface NasData {
  target: TargetId;
  /** Train (the training rows minus validation) and the held-out test split, for the engine. */
  dataset: Dataset;
  validation: NasSplit;
  test: NasSplit;
  /** The target's metric, or 'classification' (jmeint). */
  scoring: ErrorMetricId | 'classification';
  metric: ErrorMetricId;
}

export interface NasDataOptions {
  target: string;
  /** The search's seed: the data streams and the validation shuffle. */
  seed: number;
  /** Default: the target's lab defaults (TARGET_LAB_DEFAULTS). */
  trainSize?: number;
  testSize?: number;
  /** Default NAS_VALIDATION_FRACTION. */
  validationFraction?: number;
}

/**
 * The lab's data set of the target (needs loadTargetData for the image targets), with a validation split carved
 * from its training rows: a Fisher–Yates shuffle of the row indices (stream 'nas-validation'), the first
 * ⌈fraction · trainSize⌉ held out, the others (in their original order) kept for training.
 */
export function buildNasData(options: NasDataOptions): NasData {
  const target = getTarget(options.target);
  const defaults = TARGET_LAB_DEFAULTS[target.id as TargetId];
  const trainSize = options.trainSize ?? defaults.trainSize;
  const testSize = options.testSize ?? defaults.testSize;
  const fraction = options.validationFraction ?? NAS_VALIDATION_FRACTION;
  if (!(fraction > 0 && fraction < 1)) throw new RangeError(`validationFraction must be in (0, 1), not ${fraction}`);
  const full = createDataset({ target: target.id as TargetId, seed: options.seed, trainSize, testSize });
  const { dataset, validation } = carveValidationSplit(full, fraction, options.seed, 'nas-validation');
  return {
    target: target.id as TargetId,
    dataset,
    validation,
    test: { x: full.testX, y: full.testY, size: full.testSize },
    scoring: NAS_CLASSIFICATION_TARGETS.has(target.id) ? 'classification' : target.errorMetric,
    metric: target.errorMetric,
  };
}

/**
 * P_acc of outputs [size × M] against y [size × M]: the fraction with Err < bound (eq. 5; NaN errors count as
 * wrong), or for 'classification' the fraction whose largest output is the label's. NaN for an empty split.
 */
export function computeNasAccuracy(
  scoring: ErrorMetricId | 'classification',
  output: ArrayLike<number>,
  y: ArrayLike<number>,
  outputDim: number,
  bound: number,
  reduction: SampleErrorReduction = 'worstOutput',
): number {
  const size = Math.floor(y.length / outputDim);
  if (output.length !== y.length) throw new Error(`${output.length} outputs for ${y.length} targets`);
  if (size === 0) return Number.NaN;
  let correct = 0;
  if (scoring === 'classification') {
    const argmax = (values: ArrayLike<number>, row: number) => {
      let best = 0;
      for (let j = 1; j < outputDim; j++) if (values[row * outputDim + j] > values[row * outputDim + best]) best = j;
      return best;
    };
    for (let s = 0; s < size; s++) if (argmax(output, s) === argmax(y, s) && Number.isFinite(output[s * outputDim])) correct++;
  } else {
    const errors = computeSampleErrors(scoring, output, y, outputDim, reduction);
    for (const e of errors) if (labelSafe(e, bound)) correct++;
  }
  return correct / size;
}

/** Mean (H(x) − y)² over samples and outputs, float64. */
export function computeNasMse(output: ArrayLike<number>, y: ArrayLike<number>): number {
  if (y.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += (output[i] - y[i]) ** 2;
  return sum / y.length;
}
