/**
 * Adam (Kingma & Ba) over one flat variable θ holding K models, with one learning rate per model
 * (given per entry of θ). The arithmetic is tfjs' AdamOptimizer's, op for op, in float32 (tfjs-core
 * optimizers/adam_optimizer.js), so that K = 1 gives its bits exactly:
 *   m ← β1·m + (1 − β1)·g;  v ← β2·v + (1 − β2)·g²;  β1ᵗ, β2ᵗ kept as float32 products
 *   θ ← θ + (−lr_k) · (m / (1 − β1ᵗ)) / (sqrt(v / (1 − β2ᵗ)) + ε)
 * Adam is elementwise, so model k's update reads only model k's gradient. A model that is no longer
 * active keeps its θ (tf.where, not a multiplication: NaN · 0 is NaN).
 */
import * as tf from '@tensorflow/tfjs';
import type { AdamCheckpoint } from '../../core/checkpoint';

/** As in the authors' TF1 code: β1 0.9, β2 0.999, ε 1e-8 (fixed, not the backend's default). */
export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const ADAM_EPSILON = 1e-8;

export interface GroupAdam {
  /** One update of θ from its gradient (inside the caller's tidy). active: bool per entry of θ, or null when every model trains. */
  apply(theta: tf.Variable, gradient: tf.Tensor, active: tf.Tensor | null): void;
  /** m, v, β1ᵗ and β2ᵗ read back as plain data. */
  readState(): Promise<AdamCheckpoint>;
  /** Puts back a state of readState (same size): the next apply continues as after it. */
  writeState(state: AdamCheckpoint): void;
  dispose(): void;
}

/** entryRates: the learning rate of the model owning each entry of θ (length = θ's size). */
export function createGroupAdam(entryRates: Float32Array): GroupAdam {
  const shape = [entryRates.length];
  const [firstMoment, secondMoment, accBeta1, accBeta2] = tf.tidy(() => [
    tf.variable(tf.zeros(shape), false),
    tf.variable(tf.zeros(shape), false),
    tf.variable(tf.scalar(ADAM_BETA1), false),
    tf.variable(tf.scalar(ADAM_BETA2), false),
  ]);
  // −lr as float32 per entry: the same product tfjs forms with the scalar −lr.
  const negativeRates = tf.tidy(() => tf.neg(tf.tensor1d(entryRates)));
  return {
    apply(theta, gradient, active) {
      const oneMinusAccBeta1 = tf.sub(1, accBeta1);
      const oneMinusAccBeta2 = tf.sub(1, accBeta2);
      const newFirstMoment = tf.add(tf.mul(firstMoment, ADAM_BETA1), tf.mul(gradient, 1 - ADAM_BETA1));
      const newSecondMoment = tf.add(tf.mul(secondMoment, ADAM_BETA2), tf.mul(tf.square(gradient), 1 - ADAM_BETA2));
      const biasCorrectedFirstMoment = tf.div(newFirstMoment, oneMinusAccBeta1);
      const biasCorrectedSecondMoment = tf.div(newSecondMoment, oneMinusAccBeta2);
      firstMoment.assign(newFirstMoment);
      secondMoment.assign(newSecondMoment);
      const updated = tf.add(tf.mul(tf.div(biasCorrectedFirstMoment, tf.add(tf.sqrt(biasCorrectedSecondMoment), ADAM_EPSILON)), negativeRates), theta);
      theta.assign(active ? tf.where(active, updated, theta) : updated);
      accBeta1.assign(tf.mul(accBeta1, ADAM_BETA1));
      accBeta2.assign(tf.mul(accBeta2, ADAM_BETA2));
    },
    async readState() {
      const [m, v, b1, b2] = (await Promise.all([firstMoment.data(), secondMoment.data(), accBeta1.data(), accBeta2.data()])) as Float32Array[];
      // Copies: on tfjs cpu data() is the tensor's own store, and a checkpoint's buffers are transferred (detached).
      return { firstMoment: m.slice(), secondMoment: v.slice(), accBeta1: b1[0], accBeta2: b2[0] };
    },
    writeState(state) {
      if (state.firstMoment.length !== entryRates.length || state.secondMoment.length !== entryRates.length) {
        throw new Error(`Adam state of ${state.firstMoment.length} entries does not fit θ of ${entryRates.length}`);
      }
      // Copies in as well: tfjs cpu keeps the given array as the tensor's store.
      const values = [tf.tensor1d(state.firstMoment.slice()), tf.tensor1d(state.secondMoment.slice()), tf.scalar(state.accBeta1), tf.scalar(state.accBeta2)];
      [firstMoment, secondMoment, accBeta1, accBeta2].forEach((variable, i) => variable.assign(values[i]));
      values.forEach((t) => t.dispose());
    },
    dispose() {
      [firstMoment, secondMoment, accBeta1, accBeta2, negativeRates].forEach((t) => t.dispose());
    },
  };
}
