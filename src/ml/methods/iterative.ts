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
import type { MethodId } from '../../core/config';
import { labelSafe } from '../../core/metrics';
import { getPredictionWidth } from '../../core/axnetMath';
import { forwardApproximator } from '../axnet';
import type { MethodProgram, PhaseData, ProgramModel } from '../group/engine';
import { listMethodPhases } from '../../core/methods/budget';
import { CHOOSE_TYPE_DESCRIPTIONS, chooseNextSubset } from '../../core/methods/chooseSubset';
import { computeClassifierCrossEntropy, computeLogitGap, computeMse, countDenseParameters, formatWidths, readTargetErrorMetric } from './common';

export type TwoNetworkMethod = Extract<MethodId, 'onepass' | 'iterative'>;

/** Onepass (Mahajan et al.): approximator on MSE, then the classifier on eq. 1 labels — one iterative round; iterative: config.rounds rounds. */
export function buildTwoNetworkProgram(models: readonly ProgramModel[], method: TwoNetworkMethod): MethodProgram {
  const first = models[0].config;
  const predictionOutput = first.predictionOutput ?? 'softmax';
  const chooseType = first.chooseType ?? 3;
  const rounds = method === 'onepass' ? 1 : first.rounds;
  for (const m of models) {
    if ((m.config.predictionOutput ?? 'softmax') !== predictionOutput || (m.config.chooseType ?? 3) !== chooseType || (method === 'iterative' && m.config.rounds !== rounds)) {
      throw new Error(`Every ${method} model of a group must share P(x) kind, choose_type and rounds`);
    }
  }
  const phases = listMethodPhases({ steps: first.steps, rounds }, method).map((p) => ({ ...p, group: p.kind === 'approximator' ? 'A' : 'C' }));
  return {
    method,
    errorMetric: readTargetErrorMetric(models),
    models: models.map((m) => {
      const { inputDim, outputDim } = m.dataset;
      const approximatorWidths = [inputDim, ...m.config.approximatorHidden, outputDim];
      const classifierWidths = [inputDim, ...m.config.predictorHidden, getPredictionWidth(predictionOutput)];
      const approximatorCount = countDenseParameters(approximatorWidths);
      const classifierCount = countDenseParameters(classifierWidths);
      return {
        groups: [
          { name: 'A', nets: [{ name: 'approximator', widths: approximatorWidths, stream: 'lone-init' }] },
          { name: 'C', nets: [{ name: 'classifier', widths: classifierWidths, stream: 'baseline-init' }] },
        ],
        topology: {
          approximator: approximatorWidths,
          predictor: classifierWidths,
          sharedLayers: 0,
          parameters: approximatorCount + classifierCount,
          match: null,
          description: `A ${formatWidths(approximatorWidths)} + C ${formatWidths(classifierWidths)} (${approximatorCount + classifierCount} parameters, weights + biases)`,
        },
        parameterCounts: { approximator: approximatorCount, predictor: classifierCount, total: approximatorCount + classifierCount, lone: 0 },
        effectiveConfig: m.config,
        notes: [],
      };
    }),
    phases,
    reportsJointLoss: false,
    rowMeanLoss: true,
    loneNet: null,
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
    enterPhase: async (index, tools): Promise<PhaseData[]> => {
      const phase = phases[index];
      if (phase.kind === 'approximator' && phase.round === 1) return models.map(() => ({ indices: null, labels: null }));
      const predictions = await tools.predictTrainSets();
      return predictions.map(({ output, gap }, k) => {
        const errors = tools.computeTrainErrors(k, output);
        // Step 2: p_label = bool{Err(H(x) − y) < bound} on ALL training data (eq. 1).
        const approxSafe = Uint8Array.from(errors, (e) => (labelSafe(e, models[k].config.errorBound) ? 1 : 0));
        if (phase.kind === 'classifier') return { indices: null, labels: approxSafe };
        // Step 4 (of the previous round): the next subset by choose_type.
        const classifierSafe = Uint8Array.from(gap!, (g) => (g > 0 ? 1 : 0));
        const next = chooseNextSubset(approxSafe, classifierSafe, chooseType);
        if (next.fellBack) {
          tools.note(
            k,
            `Round ${phase.round}/${rounds}: choose_type ${chooseType} (${CHOOSE_TYPE_DESCRIPTIONS[chooseType]}) selected no training sample; trained on all data instead.`,
          );
        }
        return { indices: next.fellBack ? null : next.indices, labels: null };
      });
    },
    toAxnetWeights: (read) => ({ approximator: read('approximator'), predictor: read('classifier'), fusedLayers: [], predictionOutput }),
    toBaselineWeights: (read) => ({ approximator: read('approximator'), classifier: read('classifier') }),
  };
}
