/**
 * Training and test sets of one run, drawn from the target's input domain with the seeded
 * streams 'train-data' and 'test-data' and labelled with the exact function. Pure TS.
 * Train rows are drawn with split 'train' and test rows with split 'test': for the image
 * targets (jpeg, sobel, kmeans) these come from different photographs, as in AxBench.
 */
import type { LabConfig } from './config';
import { createRng } from './rng';
import { resolveTarget } from './targets';
import type { DataSplit, TargetSpec } from './targets/types';

export interface Dataset {
  inputDim: number;
  outputDim: number;
  /** [trainSize × inputDim], row-major. */
  trainX: Float32Array;
  /** [trainSize × outputDim], row-major: the exact outputs (float64 rounded to float32). */
  trainY: Float32Array;
  /** [testSize × inputDim], row-major. */
  testX: Float32Array;
  /** [testSize × outputDim], row-major. */
  testY: Float32Array;
  trainSize: number;
  testSize: number;
}

/** The sampling split of each data stream. */
const STREAM_SPLIT: Readonly<Record<'train-data' | 'test-data', DataSplit>> = {
  'train-data': 'train',
  'test-data': 'test',
};

/**
 * Draws `size` rows x ~ target domain and y = f(x) exactly (float64, stored as float32).
 * The stream fixes the split: 'train-data' samples the training distribution, 'test-data' the test one.
 */
export function sampleTargetRows(target: TargetSpec, size: number, seed: number, stream: 'train-data' | 'test-data'): { x: Float32Array; y: Float32Array } {
  const rng = createRng(seed, stream);
  const split = STREAM_SPLIT[stream];
  const x = new Float32Array(size * target.inputDim);
  const y = new Float32Array(size * target.outputDim);
  const input = new Float64Array(target.inputDim);
  const output = new Float64Array(target.outputDim);
  for (let s = 0; s < size; s++) {
    target.sampleInput(rng, input, split);
    // The function is evaluated on the float32 input the network sees, so y is exact for that x.
    for (let i = 0; i < target.inputDim; i++) input[i] = Math.fround(input[i]);
    target.evaluate(input, output);
    x.set(input, s * target.inputDim);
    y.set(output, s * target.outputDim);
  }
  return { x, y };
}

export function createDataset(config: Pick<LabConfig, 'target' | 'seed' | 'trainSize' | 'testSize'> & { customFunction?: LabConfig['customFunction'] }): Dataset {
  const target = resolveTarget(config);
  const train = sampleTargetRows(target, config.trainSize, config.seed, 'train-data');
  const test = sampleTargetRows(target, config.testSize, config.seed, 'test-data');
  return {
    inputDim: target.inputDim,
    outputDim: target.outputDim,
    trainX: train.x,
    trainY: train.y,
    testX: test.x,
    testY: test.y,
    trainSize: config.trainSize,
    testSize: config.testSize,
  };
}
