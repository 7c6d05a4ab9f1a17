/**
 * AXNet (paper §III-B, Algorithm 1) as a program of the one engine (src/ml/group/engine.ts): the
 * approximator and the predictor in one θ group, J = La + Lp (eq. 2) with p_label recomputed every batch
 * (eq. 1), one Adam on both; optionally the lone approximator (MSE only) trained beside it on the same
 * batches (config.trainLone, Fig. 4c). Fusion, P(x) kind and the place of ⊙c(i) (after the activation or, eq. 4 as
 * printed, inside it) come from the config (§III-D, eq. 3, eq. 4); with
 * matchParameters the widths are re-sized by the §V-A rule (src/core/paramMatch.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { cloneConfig, type LabConfig } from '../../core/config';
import { getPredictionWidth } from '../../core/axnetMath';
import { matchAxnetParameters, type ParameterMatch } from '../../core/paramMatch';
import { computeAxnetLayout, computeAxnetLoss, forwardApproximator, forwardAxnet, type AxnetTensors, type DenseProduct, type DenseTensors } from '../axnet';
import type { MethodProgram, NetTensors, ProgramModel } from '../group/engine';
import { listMethodPhases } from '../../core/methods/budget';
import { computeMse, countDenseParameters, formatWidths, readTargetErrorMetric } from './common';

/**
 * The config AXNet is built from: with matchParameters, hidden widths whose AXNet total is within 3% of the
 * baseline pair built from the config (approximatorHidden + predictorHidden → 2); else the config itself.
 */
export function resolveAxnetConfig(config: Readonly<LabConfig>, inputDim: number, outputDim: number): { config: LabConfig; match: ParameterMatch | null; notes: string[] } {
  const resolved = cloneConfig(config);
  if (!config.matchParameters) return { config: resolved, match: null, notes: [] };
  const result = matchAxnetParameters({
    inputDim,
    outputDim,
    approximatorHidden: config.approximatorHidden,
    predictorHidden: config.predictorHidden,
    fusion: config.fusion,
    predictionOutput: config.predictionOutput,
  });
  if (!result.ok) return { config: resolved, match: null, notes: [`Parameter matching impossible (${result.reason}); AXNet keeps the config's widths.`] };
  resolved.approximatorHidden = [...result.approximatorHidden];
  resolved.predictorHidden = [...result.predictorHidden];
  return {
    config: resolved,
    match: result,
    notes: [`Parameters matched (§V-A): AXNet ${result.axnetParams} vs baseline ${result.baselineParams} (ratio ${result.ratio.toFixed(3)}, weights + biases).`],
  };
}

/**
 * Training AXNet on the hardware it will run on (noise-aware, AxTrain-pas applied to AXNet; issue 9 §5): every dense
 * product through `multiply` (DRUM-k with the eq. 12 STE) and/or every layer's weights through `read` (NTV SRAM with
 * the STE), in the training forward only; prediction stays exact (the evaluation applies the hardware itself).
 */
export interface AxnetTrainingHardware {
  multiply?: DenseProduct;
  read?: (layer: DenseTensors) => DenseTensors;
  /** Optimizer steps of this (fine-tuning) program instead of config.steps, and its phase label. */
  steps: number;
  label: string;
}

export function buildAxnetProgram(models: readonly ProgramModel[], hardware: AxnetTrainingHardware | null = null): MethodProgram {
  const first = models[0].config;
  const fusion = first.fusion ?? 'all';
  const predictionOutput = first.predictionOutput ?? 'softmax';
  const trainLone = first.trainLone;
  const controlPlacement = first.controlPlacement;
  const built = models.map((m) => {
    if (
      (m.config.fusion ?? 'all') !== fusion ||
      (m.config.predictionOutput ?? 'softmax') !== predictionOutput ||
      m.config.trainLone !== trainLone ||
      m.config.controlPlacement !== controlPlacement
    ) {
      throw new Error('Every AXNet model of a group must share fusion, P(x) kind, trainLone and the place of ⊙c');
    }
    const { inputDim, outputDim } = m.dataset;
    const resolved = resolveAxnetConfig(m.config, inputDim, outputDim);
    const config = Object.freeze(resolved.config);
    // Throws for fusion 'second' with a one-hidden-layer approximator (the UI shows the message).
    const layout = computeAxnetLayout(inputDim, outputDim, config.approximatorHidden, config.predictorHidden, trainLone, { fusion, predictionOutput });
    const approximator = countDenseParameters(layout.approximatorWidths);
    const predictor = countDenseParameters(layout.predictorWidths);
    // The predictor's output layer in parts: [c(i) per fused layer…, P(x)] (eq. 3), padded part by part.
    const predictorNetWidths = [...layout.predictorWidths.slice(0, -1), [...layout.controlWidths, getPredictionWidth(predictionOutput)]];
    return {
      layout,
      nets: {
        groups: [
          {
            name: 'axnet',
            nets: [
              { name: 'approximator', widths: layout.approximatorWidths, stream: 'axnet-init' },
              { name: 'predictor', widths: predictorNetWidths, stream: 'axnet-init' },
              ...(trainLone ? [{ name: 'lone', widths: layout.approximatorWidths, stream: 'lone-init' }] : []),
            ],
          },
        ],
        topology: {
          approximator: layout.approximatorWidths,
          predictor: layout.predictorWidths,
          sharedLayers: 0,
          parameters: approximator + predictor,
          match: resolved.match
            ? {
                approximatorHidden: resolved.match.approximatorHidden,
                predictorHidden: resolved.match.predictorHidden,
                axnetParams: resolved.match.axnetParams,
                baselineParams: resolved.match.baselineParams,
                ratio: resolved.match.ratio,
              }
            : null,
          description: `A ${formatWidths(layout.approximatorWidths)} + P ${formatWidths(layout.predictorWidths)} (${approximator + predictor} parameters, weights + biases)`,
        },
        parameterCounts: { approximator, predictor, total: approximator + predictor, lone: trainLone ? approximator : 0 },
        effectiveConfig: config,
        notes: resolved.notes,
      },
    };
  });
  const fusedLayers = built[0].layout.fusedLayers;
  const params = (nets: NetTensors): AxnetTensors => ({
    approximator: nets.approximator,
    predictor: nets.predictor,
    lone: nets.lone ?? null,
    fusedLayers,
    predictionOutput,
    controlPlacement,
  });
  const metric = readTargetErrorMetric(models);
  return {
    method: 'axnet',
    errorMetric: metric,
    models: built.map((b) => b.nets),
    phases: hardware
      ? [{ label: hardware.label, kind: 'joint', steps: hardware.steps, round: 1, group: 'axnet' }]
      : listMethodPhases(first, 'axnet').map((p) => ({ ...p, group: 'axnet' })),
    reportsJointLoss: true,
    // J's parts are row means (eq. 2); on hardware the weights' reads may draw per call: whole batches there.
    rowMeanLoss: !hardware,
    loneNet: trainLone ? 'lone' : null,
    computeStepLoss: (_kind, nets, x, y, _sign, context) => {
      const deployed = hardware ? onHardware(params(nets), hardware) : params(nets);
      const parts = computeAxnetLoss(forwardAxnet(deployed, x), y, { metric, bound: context.bound });
      const total = context.lossWeights ? tf.add(tf.mul(parts.mse, context.lossWeights.mse), tf.mul(parts.crossEntropy, context.lossWeights.ce)) : parts.loss;
      return { total, mse: parts.mse, crossEntropy: parts.crossEntropy, loneMse: nets.lone ? computeMse(forwardApproximator(nets.lone, x), y) : null };
    },
    predict: (nets, x) => {
      const forward = forwardAxnet(params(nets), x);
      return { output: forward.output, gap: forward.logitGap, lone: nets.lone ? forwardApproximator(nets.lone, x) : null };
    },
    hidden: (nets, x) => {
      const forward = forwardAxnet(params(nets), x, true);
      return { fusedLayers, before: forward.before, controls: forward.controls, after: forward.after };
    },
    toAxnetWeights: (read) => ({ approximator: read('approximator'), predictor: read('predictor'), fusedLayers: [...fusedLayers], predictionOutput, controlPlacement }),
    toBaselineWeights: () => null,
  };
}

/** The nets as the hardware sees them: weights read through `read`, products through `multiply`. */
function onHardware(params: AxnetTensors, hardware: AxnetTrainingHardware): AxnetTensors {
  const read = hardware.read;
  return {
    ...params,
    approximator: read ? params.approximator.map(read) : params.approximator,
    predictor: read ? params.predictor.map(read) : params.predictor,
    multiply: hardware.multiply ?? params.multiply,
  };
}
