/**
 * What the AxTrain panels draw that needs the trained net's tensors: Fig. 4's last-layer sensitivity map and
 * Fig. 1's loss along a random direction. Both on the test set; both leave tf.memory() as they found it.
 */
import * as tf from '@tensorflow/tfjs';
import type { LossLandscapeSnapshot, SensitivityMapSnapshot } from '../../core/axtrain/run';
import { createRng } from '../../core/rng';
import { computeDataLoss, forwardAxtrainNet } from './program';
import { sensitivityMapTensors } from './sensitivity';
import type { AxtrainTrainer } from './trainer';

/** s_ij = |w_ij|·(1/B) Σ_n |∂O/∂w_ij| summed over outputs (eq. 5 summand) of the last layer, on the test set. */
export async function computeLastLayerSensitivityMap(trainer: AxtrainTrainer): Promise<SensitivityMapSnapshot> {
  const { dataset } = trainer.data;
  const x = tf.tensor2d(dataset.testX, [dataset.testSize, dataset.inputDim]);
  try {
    const [map] = trainer.withLayers((layers) => {
      const maps = sensitivityMapTensors(layers, trainer.activations, x);
      return [maps[maps.length - 1].kernel];
    });
    try {
      const [fanIn, fanOut] = map.shape as [number, number];
      return { fanIn, fanOut, values: (await map.data()) as Float32Array };
    } finally {
      map.dispose();
    }
  } finally {
    x.dispose();
  }
}

/**
 * E(w + α·d) on the test set for α at `points` values in [−span, span]. d ~ N(0, 1) per entry from the stream
 * 'landscape' of the run's seed, then each layer's kernel and bias part scaled to ‖that part of w‖ (so d is a
 * relative perturbation; every method of a seed gets the same raw d).
 */
export async function computeLossLandscape(trainer: AxtrainTrainer, options: { points?: number; span?: number } = {}): Promise<LossLandscapeSnapshot> {
  const points = Math.max(3, Math.floor(options.points ?? 21));
  const span = options.span ?? 1;
  const alphas = Array.from({ length: points }, (_, i) => -span + (2 * span * i) / (points - 1));
  const { dataset } = trainer.data;
  const classification = trainer.data.task.kind === 'classification';
  const x = tf.tensor2d(dataset.testX, [dataset.testSize, dataset.inputDim]);
  const y = tf.tensor2d(dataset.testY, [dataset.testSize, dataset.outputDim]);
  try {
    const rng = createRng(trainer.config.seed, 'landscape');
    const [losses] = trainer.withLayers((layers) => {
      // Unit-norm-per-part direction, scaled by ‖w‖ of that part: d_part = ‖w_part‖ · g / ‖g‖.
      const directions = layers.map((layer) =>
        [layer.kernel, layer.bias].map((w) => {
          const g = tf.tensor(
            Float32Array.from({ length: w.size }, () => rng.normal()),
            w.shape,
          );
          return tf.mul(g, tf.div(tf.norm(w), tf.add(tf.norm(g), 1e-12)));
        }),
      );
      const values = alphas.map((alpha) => {
        const moved = layers.map((layer, l) => ({ kernel: tf.add(layer.kernel, tf.mul(directions[l][0], alpha)), bias: tf.add(layer.bias, tf.mul(directions[l][1], alpha)) }));
        return tf.reshape(computeDataLoss(forwardAxtrainNet(moved, x, { kind: 'exact' }, null), y, classification), [1]);
      });
      return [tf.concat(values)];
    });
    try {
      return { alphas, losses: Array.from((await losses.data()) as Float32Array) };
    } finally {
      losses.dispose();
    }
  } finally {
    x.dispose();
    y.dispose();
  }
}
