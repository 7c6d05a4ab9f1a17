/** Small pieces shared by the baseline trainers. */
import * as tf from '@tensorflow/tfjs';
import type { PredictionOutput } from '../../core/config';
import { countDenseParameters } from '../../core/metrics';

/**
 * Classifier logits → gap [batch, 1] with predicted safe ⇔ gap > 0.
 * softmax: logits [batch, 2] = [z_unsafe, z_safe], gap = z_safe − z_unsafe (P(safe) = σ(gap));
 * sigmoid: logits [batch, 1] = [z], gap = z (P(safe) = σ(z)).
 */
export function computeLogitGap(logits: tf.Tensor2D, output: PredictionOutput): tf.Tensor2D {
  if (output === 'sigmoid') return logits;
  const [zUnsafe, zSafe] = tf.split(logits, 2, 1) as tf.Tensor2D[];
  return tf.sub(zSafe, zUnsafe) as tf.Tensor2D;
}

/** Lp = mean softplus(s ⊙ gap), s = 1 − 2·p_label: softmax CE over 2 logits, or sigmoid binary CE (same formula). → scalar. */
export function computeClassifierCrossEntropy(gap: tf.Tensor2D, sign: tf.Tensor2D): tf.Scalar {
  return tf.mean(tf.softplus(tf.mul(sign, gap))) as tf.Scalar;
}

/** La = mean (H(x) − y)² over batch and outputs → scalar. */
export function computeMse(output: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
  return tf.mean(tf.squaredDifference(output, y)) as tf.Scalar;
}

/** "2-4-4-1". */
export function formatWidths(widths: readonly number[]): string {
  return widths.join('-');
}

export { countDenseParameters };
