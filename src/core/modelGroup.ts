/**
 * Which models can train as one batched program (src/ml/group): the same method, target, depth and
 * schedule; they may differ in seed, learning rate, error bound, hidden widths (issue 8 §2) and initialization.
 */
import type { LabConfig, MethodId } from './config';

/** The fields a group's models share, as a string: equal keys ⇔ one program. */
export function computeModelGroupKey(config: Readonly<LabConfig>, method: MethodId): string {
  return JSON.stringify([
    method,
    config.target,
    config.approximatorHidden.length,
    config.predictorHidden.length,
    config.steps,
    method === 'iterative' ? config.rounds : 1,
    config.batchSize,
    config.trainSize,
    config.testSize,
    config.evalEvery,
    // Initialization may differ (each model's θ starts on its own); the place of ⊙c is part of the program.
    method === 'axnet' ? [config.fusion, config.trainLone, config.matchParameters, config.controlPlacement] : null,
    method === 'lone' ? null : config.predictionOutput,
    method === 'iterative' || method === 'onepass' ? config.chooseType : null,
  ]);
}

/** Indices of `configs` grouped by computeModelGroupKey, groups in order of first appearance, indices ascending. */
export function partitionModelGroups(configs: readonly Readonly<LabConfig>[], method: MethodId): number[][] {
  const groups = new Map<string, number[]>();
  configs.forEach((config, index) => {
    const key = computeModelGroupKey(config, method);
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  return [...groups.values()];
}
