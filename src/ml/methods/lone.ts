/**
 * The lone approximator (Fig. 4c): [N, …approximatorHidden, M], ReLU hidden, linear out, MSE only, no
 * predictor — so every input is approximated (predicted invocation 1, overall error = mean error over all).
 * Same init stream ('lone-init') and batch stream as the lone approximator the AXNet trainer trains beside
 * AXNet (config.trainLone), hence the same weights at the same step.
 */
import type { LabConfig } from '../../core/config';
import { createDataset } from '../../core/dataset';
import type { MethodTrainer } from '../types';
import { forwardApproximator } from '../axnet';
import { listMethodPhases } from '../../core/methods/budget';
import { computeMse, countDenseParameters, formatWidths } from './common';
import { createPhasedTrainer } from './engine';
import type { BaselineTrainerOptions } from './iterative';

export function createLoneTrainer(configIn: Readonly<LabConfig>, options: BaselineTrainerOptions = {}): MethodTrainer {
  const config = Object.freeze({ ...configIn, approximatorHidden: [...configIn.approximatorHidden], predictorHidden: [...configIn.predictorHidden], methods: [...configIn.methods] });
  const dataset = options.dataset ?? createDataset(config);
  const approximatorWidths = [dataset.inputDim, ...config.approximatorHidden, dataset.outputDim];
  const count = countDenseParameters(approximatorWidths);
  return createPhasedTrainer({
    method: 'lone',
    config,
    dataset,
    injectNaNAtStep: options.injectNaNAtStep,
    groups: [{ name: 'A', nets: [{ name: 'approximator', widths: approximatorWidths, stream: 'lone-init' }] }],
    phases: listMethodPhases(config, 'lone').map((p) => ({ ...p, group: 'A' })),
    topology: {
      approximator: approximatorWidths,
      predictor: null,
      sharedLayers: 0,
      parameters: count,
      match: null,
      description: `A ${formatWidths(approximatorWidths)}, no predictor (${count} parameters, weights + biases)`,
    },
    parameterCounts: { approximator: count, predictor: 0, total: count, lone: 0 },
    computeStepLoss: (_kind, nets, x, y) => {
      const mse = computeMse(forwardApproximator(nets.approximator, x), y);
      return { total: mse, mse, crossEntropy: null };
    },
    predict: (nets, x) => ({ output: forwardApproximator(nets.approximator, x), gap: null }),
    toAxnetWeights: (read) => ({ approximator: read('approximator'), predictor: [], fusedLayers: [] }),
    toBaselineWeights: (read) => ({ approximator: read('approximator'), classifier: [] }),
  });
}
