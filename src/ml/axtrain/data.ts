/**
 * AxTrain's data as the engine's Dataset: a classification set (stratified 80/20 split, one-hot targets,
 * AxTrain §4) or an AxBench target of the lab (its seeded train and test draws, exact outputs).
 */
import { applyTargetDefaults, DEFAULT_CONFIG } from '../../core/config';
import { createDataset, type Dataset } from '../../core/dataset';
import { CLASSIFICATION_DATASETS, isClassificationDatasetId, loadClassificationDataset, splitDataset } from '../../core/axtrain/datasets';
import type { AxtrainConfig } from '../../core/axtrain/config';
import { getTarget } from '../../core/targets';
import { loadTargetData } from '../../core/targets/loadTargetData';
import type { ErrorMetricId } from '../../core/targets/types';

export interface AxtrainData {
  dataset: Dataset;
  /** Classification: accuracy = argmax match; regression: accuracy = fraction of test rows within the bound. */
  task: { kind: 'classification'; classCount: number; testLabels: Int32Array } | { kind: 'regression'; metric: ErrorMetricId };
  /** Shown beside the numbers, e.g. "breast cancer, 455 train / 114 test". */
  description: string;
}

export async function loadAxtrainData(config: Pick<AxtrainConfig, 'dataset' | 'seed' | 'trainFraction'>): Promise<AxtrainData> {
  if (isClassificationDatasetId(config.dataset)) {
    const data = await loadClassificationDataset(config.dataset);
    const split = splitDataset({ ...data, id: config.dataset }, config.seed, config.trainFraction);
    return {
      dataset: {
        inputDim: split.inputCount,
        outputDim: split.classCount,
        trainX: split.train.inputs,
        trainY: split.train.targets,
        testX: split.test.inputs,
        testY: split.test.targets,
        trainSize: split.train.count,
        testSize: split.test.count,
      },
      task: { kind: 'classification', classCount: split.classCount, testLabels: split.test.labels },
      description: `${CLASSIFICATION_DATASETS[config.dataset].title}: ${split.train.count} train / ${split.test.count} test rows (stratified)`,
    };
  }
  await loadTargetData(config.dataset); // the image targets' photographs (a chunk of their own)
  const lab = applyTargetDefaults(DEFAULT_CONFIG, config.dataset);
  const dataset = createDataset({ target: config.dataset, seed: config.seed, trainSize: lab.trainSize, testSize: lab.testSize });
  return {
    dataset,
    task: { kind: 'regression', metric: getTarget(config.dataset).errorMetric },
    description: `${config.dataset}: ${dataset.trainSize} train / ${dataset.testSize} test draws`,
  };
}
