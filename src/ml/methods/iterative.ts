/**
 * Iterative training (Xu et al., DAC'17; reference README §3) and onepass (Mahajan et al.) = one round.
 *
 * Networks: approximator A = [N, …approximatorHidden, M] (ReLU hidden, linear out, MSE) and classifier
 * C = [N, …predictorHidden, 2] (ReLU hidden, 2 logits, softmax CE) or [.., 1] (sigmoid unit, binary CE),
 * with config.predictionOutput. Per §V-A every method uses Adam, ReLU, MSE and cross-entropy (the authors'
 * baselines used sigmoid layers, RMSprop and Nesterov SGD; the lab does not).
 *
 * Round r of R (each phase config.steps Adam steps, batches drawn with replacement from the phase's data):
 *   1. train A on the current subset (round 1: all training data) — MSE;
 *   2. label ALL training data with eq. 1: p_label = bool{Err(H(x) − y) < bound};
 *   3. train C on all training data against those labels — cross-entropy;
 *   4. choose the next subset by choose_type (chooseNextSubset); empty → all data, noted.
 * Choice: A and C are NOT re-initialized between rounds — weights and Adam moments carry over, as when
 * Keras' fit() is called again on one compiled model (the authors' code). Steps 2 and 4 run lazily when the
 * next phase begins, on the weights at that moment.
 *
 * Initialization: A from stream 'lone-init' (so A starts where the lone approximator starts), C from 'baseline-init'.
 */
import type { LabConfig, MethodId } from '../../core/config';
import { createDataset, type Dataset } from '../../core/dataset';
import { labelSafe } from '../../core/metrics';
import type { MethodTrainer } from '../types';
import { forwardApproximator } from '../axnet';
import { listMethodPhases } from '../../core/methods/budget';
import { CHOOSE_TYPE_DESCRIPTIONS, chooseNextSubset } from '../../core/methods/chooseSubset';
import { computeClassifierCrossEntropy, computeLogitGap, computeMse, countDenseParameters, formatWidths } from './common';
import { createPhasedTrainer, type PhaseData } from './engine';
import { getPredictionWidth } from '../../core/axnetMath';

export interface BaselineTrainerOptions {
  dataset?: Dataset;
  /** Test hook: makes the loss of this training step (1-based) NaN. */
  injectNaNAtStep?: number;
}

function createTwoNetworkTrainer(configIn: Readonly<LabConfig>, method: 'onepass' | 'iterative', options: BaselineTrainerOptions): MethodTrainer {
  const config = Object.freeze({ ...configIn, approximatorHidden: [...configIn.approximatorHidden], predictorHidden: [...configIn.predictorHidden], methods: [...configIn.methods] });
  const dataset = options.dataset ?? createDataset(config);
  const { inputDim, outputDim } = dataset;
  const predictionOutput = config.predictionOutput ?? 'softmax';
  const chooseType = config.chooseType ?? 3;
  const approximatorWidths = [inputDim, ...config.approximatorHidden, outputDim];
  const classifierWidths = [inputDim, ...config.predictorHidden, getPredictionWidth(predictionOutput)];
  const phases = listMethodPhases({ steps: config.steps, rounds: method === 'onepass' ? 1 : config.rounds }, method).map((p) => ({
    ...p,
    group: p.kind === 'approximator' ? 'A' : 'C',
  }));
  const approximatorCount = countDenseParameters(approximatorWidths);
  const classifierCount = countDenseParameters(classifierWidths);
  const description = `A ${formatWidths(approximatorWidths)} + C ${formatWidths(classifierWidths)} (${approximatorCount + classifierCount} parameters, weights + biases)`;
  const rounds = phases.length / 2;

  return createPhasedTrainer({
    method,
    config,
    dataset,
    injectNaNAtStep: options.injectNaNAtStep,
    groups: [
      { name: 'A', nets: [{ name: 'approximator', widths: approximatorWidths, stream: 'lone-init' }] },
      { name: 'C', nets: [{ name: 'classifier', widths: classifierWidths, stream: 'baseline-init' }] },
    ],
    phases,
    topology: { approximator: approximatorWidths, predictor: classifierWidths, sharedLayers: 0, parameters: approximatorCount + classifierCount, match: null, description },
    parameterCounts: { approximator: approximatorCount, predictor: classifierCount, total: approximatorCount + classifierCount, lone: 0 },
    computeStepLoss: (kind, nets, x, y, sign) => {
      if (kind === 'approximator') {
        const mse = computeMse(forwardApproximator(nets.approximator, x), y);
        return { total: mse, mse, crossEntropy: null };
      }
      if (kind === 'classifier' && sign) {
        const ce = computeClassifierCrossEntropy(computeLogitGap(forwardApproximator(nets.classifier, x), predictionOutput), sign);
        return { total: ce, mse: null, crossEntropy: ce };
      }
      throw new Error(`${method}: no ${kind} phase with these labels`);
    },
    predict: (nets, x) => ({
      output: forwardApproximator(nets.approximator, x),
      gap: computeLogitGap(forwardApproximator(nets.classifier, x), predictionOutput),
    }),
    enterPhase: async (index, tools): Promise<PhaseData> => {
      const phase = phases[index];
      if (phase.kind === 'approximator' && phase.round === 1) return { indices: null, labels: null };
      const { output, gap } = await tools.predictTrainSet();
      const errors = tools.computeTrainErrors(output);
      // Step 2: p_label = bool{Err(H(x) − y) < bound} on ALL training data (eq. 1).
      const approxSafe = Uint8Array.from(errors, (e) => (labelSafe(e, config.errorBound) ? 1 : 0));
      if (phase.kind === 'classifier') return { indices: null, labels: approxSafe };
      // Step 4 (of the previous round): the next subset by choose_type.
      const classifierSafe = Uint8Array.from(gap!, (g) => (g > 0 ? 1 : 0));
      const next = chooseNextSubset(approxSafe, classifierSafe, chooseType);
      if (next.fellBack) {
        tools.note(`Round ${phase.round}/${rounds}: choose_type ${chooseType} (${CHOOSE_TYPE_DESCRIPTIONS[chooseType]}) selected no training sample; trained on all data instead.`);
      }
      return { indices: next.fellBack ? null : next.indices, labels: null };
    },
    toAxnetWeights: (read) => ({ approximator: read('approximator'), predictor: read('classifier'), fusedLayers: [], predictionOutput }),
    toBaselineWeights: (read) => ({ approximator: read('approximator'), classifier: read('classifier') }),
  });
}

/** Xu et al.'s iterative training with R = config.rounds rounds and config.chooseType. */
export function createIterativeTrainer(config: Readonly<LabConfig>, options: BaselineTrainerOptions = {}): MethodTrainer {
  return createTwoNetworkTrainer(config, 'iterative', options);
}

/** Onepass (Mahajan et al.): approximator on MSE, then the classifier on eq. 1 labels — one iterative round. */
export function createOnepassTrainer(config: Readonly<LabConfig>, options: BaselineTrainerOptions = {}): MethodTrainer {
  return createTwoNetworkTrainer(config, 'onepass', options);
}

export type TwoNetworkMethod = Extract<MethodId, 'onepass' | 'iterative'>;
