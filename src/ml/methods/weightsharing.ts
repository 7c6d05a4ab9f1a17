/**
 * The weight-sharing net of §III-A (Fig. 1b, "a false start"): the first hidden layers of the
 * approximator and the predictor are merged into ONE shared layer; the rest stays separate.
 *
 * Topology mapping from the config (approximatorHidden = [L_1, …, L_l], predictorHidden = [P_1, …, P_m]):
 *   shared layer:           S = ReLU(x·W_s + b_s),   [N → L_1]   (it replaces BOTH first hidden layers, so
 *                                                                 P_1 is not used; the approximator keeps its shape)
 *   approximation subnet:   S → L_2 … L_l (ReLU) → M (linear) = H(x)
 *   prediction subnet:      S → P_2 … P_m (ReLU) → 2 logits (softmax) or 1 unit (sigmoid) = P(x)
 * e.g. the defaults A 2-4-4-1, C 2-4-k give S 2-4, H 4-4-1, P 4-2.
 * Training: J = La + Lp (eq. 2) with p_label recomputed per batch from H(x) (eq. 1, no gradient), one Adam
 * on all weights, as AXNet: the gradients of La and Lp add up in the shared layer only.
 * Init: S and the approximation subnet from 'lone-init' (the lone approximator's start), the prediction subnet from 'baseline-init'.
 * Measured (Bessel default, seed 1): the approximation subnet's 4 hidden ReLUs all die within 10 steps, so La stops
 * reaching S and only Lp trains it until ~step 1 800; on seeds 2–8 the invocation leaves 0.04 within 200 steps and oscillates (Fig. 2a),
 * with |∂Lp/∂S| / |∂La/∂S| between 0.8 and 37 (seed 2). See weightsharing.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { getPredictionWidth } from '../../core/axnetMath';
import { applyDenseLayer, computeLabelSign, forwardApproximator, type DenseTensors, type Rows } from '../axnet';
import type { MethodProgram, NetTensors, ProgramModel } from '../group/engine';
import { listMethodPhases } from '../../core/methods/budget';
import { computeClassifierCrossEntropy, computeLogitGap, computeMse, countDenseParameters, formatWidths, readTargetErrorMetric } from './common';

/** Widths of the three parts, input first. */
export function computeWeightSharingWidths(
  inputDim: number,
  outputDim: number,
  approximatorHidden: readonly number[],
  predictorHidden: readonly number[],
  predictionWidth: number,
) {
  if (approximatorHidden.length === 0) throw new Error('Weight sharing needs at least one approximator hidden layer (the shared one)');
  const sharedWidth = approximatorHidden[0];
  return {
    shared: [inputDim, sharedWidth],
    approximation: [sharedWidth, ...approximatorHidden.slice(1), outputDim],
    prediction: [sharedWidth, ...predictorHidden.slice(1), predictionWidth],
  };
}

/** H(x) and the logit gap of the weight-sharing net; x: [batch, N] or [K, batch, N]. */
export function forwardWeightSharing(
  nets: { shared: DenseTensors[]; approximation: DenseTensors[]; prediction: DenseTensors[] },
  x: Rows,
  predictionOutput: 'softmax' | 'sigmoid',
): { output: Rows; gap: Rows } {
  const shared = applyDenseLayer(nets.shared[0], x, 'relu'); // S: [batch, L_1]
  return {
    output: forwardApproximator(nets.approximation, shared),
    gap: computeLogitGap(forwardApproximator(nets.prediction, shared), predictionOutput),
  };
}

export function buildWeightSharingProgram(models: readonly ProgramModel[]): MethodProgram {
  const predictionOutput = models[0].config.predictionOutput ?? 'softmax';
  if (models.some((m) => (m.config.predictionOutput ?? 'softmax') !== predictionOutput)) throw new Error('Every weight-sharing model of a group must share the P(x) kind');
  const metric = readTargetErrorMetric(models);
  const pick = (nets: NetTensors) => ({ shared: nets.shared, approximation: nets.approximation, prediction: nets.prediction });
  return {
    method: 'weightsharing',
    errorMetric: metric,
    models: models.map((m) => {
      const { inputDim, outputDim } = m.dataset;
      const widths = computeWeightSharingWidths(inputDim, outputDim, m.config.approximatorHidden, m.config.predictorHidden, getPredictionWidth(predictionOutput));
      const sharedCount = countDenseParameters(widths.shared);
      const approximationCount = countDenseParameters(widths.approximation);
      const predictionCount = countDenseParameters(widths.prediction);
      const total = sharedCount + approximationCount + predictionCount;
      return {
        groups: [
          {
            name: 'WS',
            nets: [
              { name: 'shared', widths: widths.shared, stream: 'lone-init' },
              { name: 'approximation', widths: widths.approximation, stream: 'lone-init' },
              { name: 'prediction', widths: widths.prediction, stream: 'baseline-init' },
            ],
          },
        ],
        topology: {
          approximator: [inputDim, ...widths.approximation],
          predictor: [inputDim, ...widths.prediction],
          sharedLayers: 1,
          parameters: total,
          match: null,
          description:
            `shared ${formatWidths(widths.shared)} → A ${formatWidths(widths.approximation)} and P ${formatWidths(widths.prediction)} ` +
            `(${total} parameters, weights + biases, shared layer counted once)`,
        },
        // approximator: S + approximation subnet; predictor: the prediction subnet after S (S counted once in total).
        parameterCounts: { approximator: sharedCount + approximationCount, predictor: predictionCount, total, lone: 0 },
        effectiveConfig: m.config,
        notes: [],
      };
    }),
    phases: listMethodPhases(models[0].config, 'weightsharing').map((p) => ({ ...p, group: 'WS' })),
    reportsJointLoss: false,
    rowMeanLoss: true,
    loneNet: null,
    computeStepLoss: (_kind, nets, x, y, _sign, context) => {
      const { output, gap } = forwardWeightSharing(pick(nets), x, predictionOutput);
      // J = La + Lp (eq. 2); s = 1 − 2·p_label from the current H(x), no gradient through it (eq. 1).
      const mse = computeMse(output, y);
      const crossEntropy = computeClassifierCrossEntropy(gap, computeLabelSign(output, y, metric, context.bound));
      const total = context.lossWeights ? tf.add(tf.mul(mse, context.lossWeights.mse), tf.mul(crossEntropy, context.lossWeights.ce)) : tf.add(mse, crossEntropy);
      return { total, mse, crossEntropy };
    },
    predict: (nets, x) => forwardWeightSharing(pick(nets), x, predictionOutput),
    // As plain AXNet-shaped data with no fused layer: approximator [S, rest…], predictor [S, rest…] — the
    // shared layer appears in both lists, which computes the same H(x) and P(x).
    toAxnetWeights: (read) => ({
      approximator: [...read('shared'), ...read('approximation')],
      predictor: [...read('shared'), ...read('prediction')],
      fusedLayers: [],
      predictionOutput,
    }),
    toBaselineWeights: (read) => ({ approximator: [...read('shared'), ...read('approximation')], classifier: [...read('shared'), ...read('prediction')] }),
  };
}
