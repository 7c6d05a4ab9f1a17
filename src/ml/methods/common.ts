/** Small pieces shared by the baseline trainers. */
import * as tf from '@tensorflow/tfjs';
import type { PredictionOutput } from '../../core/config';
import { countDenseParameters } from '../../core/metrics';
import { resolveTarget } from '../../core/targets';
import type { ErrorMetricId } from '../../core/targets/types';
import type { ProgramModel } from '../group/engine';
import { meanPerModel, splitUnits, type Rows } from '../axnet';

/**
 * Classifier logits → gap [batch, 1] with predicted safe ⇔ gap > 0.
 * softmax: logits [batch, 2] = [z_unsafe, z_safe], gap = z_safe − z_unsafe (P(safe) = σ(gap));
 * sigmoid: logits [batch, 1] = [z], gap = z (P(safe) = σ(z)).
 */
export function computeLogitGap(logits: Rows, output: PredictionOutput): Rows {
  if (output === 'sigmoid') return logits;
  const [zUnsafe, zSafe] = splitUnits(logits, [1, 1]);
  return tf.sub(zSafe, zUnsafe);
}

/** Lp = mean softplus(s ⊙ gap), s = 1 − 2·p_label: softmax CE over 2 logits, or sigmoid binary CE (same formula). → scalar, or [K]. */
export function computeClassifierCrossEntropy(gap: Rows, sign: Rows): tf.Tensor {
  return meanPerModel(tf.softplus(tf.mul(sign, gap)));
}

/** La = mean (H(x) − y)² over batch and outputs → scalar, or [K]. */
export function computeMse(output: Rows, y: Rows): tf.Tensor {
  return meanPerModel(tf.squaredDifference(output, y));
}

/** The error metric of the models' target (every model of a group has the same target). */
export function readTargetErrorMetric(models: readonly ProgramModel[]): ErrorMetricId {
  return resolveTarget(models[0].config).errorMetric;
}

/** "2-4-4-1". */
export function formatWidths(widths: readonly number[]): string {
  return widths.join('-');
}

export { countDenseParameters };
