/**
 * AXNet as a MethodTrainer: the existing trainer (src/ml/trainer.ts, Algorithm 1) with fusion and
 * P(x) kind from the config, optionally re-sized by the §V-A parameter-matching rule (src/core/paramMatch.ts).
 */
import { cloneConfig, type LabConfig } from '../../core/config';
import { createDataset } from '../../core/dataset';
import { matchAxnetParameters, type ParameterMatch } from '../../core/paramMatch';
import { createLabTrainer, type LabTrainerOptions } from '../trainer';
import type { MethodTrainer } from '../types';
import { listMethodPhases } from '../../core/methods/budget';
import { formatWidths } from './common';

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
    notes: [
      `Parameters matched (§V-A): AXNet ${result.axnetParams} vs baseline ${result.baselineParams} (ratio ${result.ratio.toFixed(3)}, weights + biases).`,
    ],
  };
}

export function createAxnetMethodTrainer(config: Readonly<LabConfig>, options: LabTrainerOptions = {}): MethodTrainer {
  const dataset = options.dataset ?? createDataset(config);
  const resolved = resolveAxnetConfig(config, dataset.inputDim, dataset.outputDim);
  const inner = createLabTrainer(resolved.config, { ...options, dataset });
  const { layout } = inner;
  const phaseLabel = listMethodPhases(inner.config, 'axnet')[0].label;
  let trainingMs = 0;
  const { approximator, predictor } = inner.parameterCounts;
  return {
    method: 'axnet',
    config: inner.config,
    effectiveConfig: inner.config,
    backend: inner.backend,
    totalSteps: inner.config.steps,
    get step() {
      return inner.step;
    },
    get phase() {
      return inner.step >= inner.config.steps ? 'done' : phaseLabel;
    },
    get trainingMs() {
      return trainingMs;
    },
    notes: resolved.notes,
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
    parameterCounts: inner.parameterCounts,
    train: async (steps) => {
      const started = typeof performance !== 'undefined' ? performance.now() : Date.now();
      try {
        return await inner.train(steps);
      } finally {
        trainingMs += (typeof performance !== 'undefined' ? performance.now() : Date.now()) - started;
      }
    },
    evaluate: () => inner.evaluate(),
    surface: (resolution) => inner.surface(resolution),
    getWeights: () => inner.getWeights(),
    getBaselineWeights: async () => null,
    dispose: () => inner.dispose(),
  };
}
