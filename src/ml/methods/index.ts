/**
 * All training methods of the comparison (§V-A) behind one factory. Every method uses the same data
 * (createDataset(config)), seed, Adam (β1 0.9, β2 0.999, ε 1e-8, config.learningRate), ReLU hidden layers,
 * MSE for the approximator and cross-entropy for the predictor/classifier, and the same test set and §V
 * metric definitions. Budget: METHOD_BUDGET_RULE (src/core/methods/budget.ts).
 *
 * Use: `await selectBackend(config.backend)` first, then `createMethodTrainer(config, method)`,
 * and drive it with runToCompletion / nextEvaluationStep(step, trainer) (they read trainer.totalSteps).
 */
import type { LabConfig, MethodId } from '../../core/config';
import type { Dataset } from '../../core/dataset';
import type { MethodTrainer } from '../types';
import { createAxnetMethodTrainer } from './axnet';
import { createIterativeTrainer, createOnepassTrainer } from './iterative';
import { createLoneTrainer } from './lone';
import { createWeightSharingTrainer } from './weightsharing';

export { resolveAxnetConfig } from './axnet';
export { computeWeightSharingWidths } from './weightsharing';

export interface MethodTrainerOptions {
  /** Precomputed data (else createDataset(config)); share one between methods to save time. */
  dataset?: Dataset;
  /** Test hook: makes the loss of this training step (1-based, global over phases) NaN. */
  injectNaNAtStep?: number;
}

/** One trainer for `method` on the current tf backend. Throws (with a message for the UI) on an impossible config, e.g. fusion 'second' with one hidden layer. */
export function createMethodTrainer(config: Readonly<LabConfig>, method: MethodId, options: MethodTrainerOptions = {}): MethodTrainer {
  switch (method) {
    case 'axnet':
      return createAxnetMethodTrainer(config, options);
    case 'onepass':
      return createOnepassTrainer(config, options);
    case 'iterative':
      return createIterativeTrainer(config, options);
    case 'weightsharing':
      return createWeightSharingTrainer(config, options);
    case 'lone':
      return createLoneTrainer(config, options);
    default: {
      const unknown: never = method;
      throw new Error(`Unsupported method: ${String(unknown)}`);
    }
  }
}
