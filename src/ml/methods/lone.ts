/**
 * The lone approximator (Fig. 4c): [N, …approximatorHidden, M], ReLU hidden, linear out, MSE only, no
 * predictor — so every input is approximated (predicted invocation 1, overall error = mean error over all).
 * Same init stream ('lone-init') and batch stream as the lone approximator the AXNet trainer trains beside
 * AXNet (config.trainLone), hence the same weights at the same step.
 */
import { forwardApproximator } from '../axnet';
import type { MethodProgram, ProgramModel } from '../group/engine';
import { listMethodPhases } from '../../core/methods/budget';
import { computeMse, countDenseParameters, formatWidths, readTargetErrorMetric } from './common';

export function buildLoneProgram(models: readonly ProgramModel[]): MethodProgram {
  return {
    method: 'lone',
    errorMetric: readTargetErrorMetric(models),
    models: models.map((m) => {
      const approximatorWidths = [m.dataset.inputDim, ...m.config.approximatorHidden, m.dataset.outputDim];
      const count = countDenseParameters(approximatorWidths);
      return {
        groups: [{ name: 'A', nets: [{ name: 'approximator', widths: approximatorWidths, stream: 'lone-init' }] }],
        topology: {
          approximator: approximatorWidths,
          predictor: null,
          sharedLayers: 0,
          parameters: count,
          match: null,
          description: `A ${formatWidths(approximatorWidths)}, no predictor (${count} parameters, weights + biases)`,
        },
        parameterCounts: { approximator: count, predictor: 0, total: count, lone: 0 },
        effectiveConfig: m.config,
        notes: [],
      };
    }),
    phases: listMethodPhases(models[0].config, 'lone').map((p) => ({ ...p, group: 'A' })),
    reportsJointLoss: false,
    rowMeanLoss: true,
    loneNet: null,
    computeStepLoss: (_kind, nets, x, y) => {
      const mse = computeMse(forwardApproximator(nets.approximator, x), y);
      return { total: mse, mse, crossEntropy: null };
    },
    predict: (nets, x) => ({ output: forwardApproximator(nets.approximator, x), gap: null }),
    toAxnetWeights: (read) => ({ approximator: read('approximator'), predictor: [], fusedLayers: [] }),
    toBaselineWeights: (read) => ({ approximator: read('approximator'), classifier: [] }),
  };
}
