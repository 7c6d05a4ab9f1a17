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

/** Copies rows `indices` of [rows × width] into a new array. */
function gatherRows(values: Float32Array, width: number, indices: ArrayLike<number>): Float32Array {
  const out = new Float32Array(indices.length * width);
  for (let r = 0; r < indices.length; r++) out.set(values.subarray(indices[r] * width, (indices[r] + 1) * width), r * width);
  return out;
}

/** Rows [size × inputDim] → [size × outputDim], row-major. */
export interface DataRows {
  x: Float32Array;
  y: Float32Array;
  size: number;
}

/**
 * A validation split carved from `full`'s training rows: a Fisher–Yates shuffle of the row indices (seeded stream
 * `stream`), the first ⌈fraction · trainSize⌉ held out; the others, in their original order, train. The test rows
 * are kept as they are. Used by the NAS search (stream 'nas-validation') and the §V study (stream 'study-validation').
 */
export function carveValidationSplit(full: Dataset, fraction: number, seed: number, stream: string): { dataset: Dataset; validation: DataRows } {
  if (!(fraction > 0 && fraction < 1)) throw new RangeError(`validationFraction must be in (0, 1), not ${fraction}`);
  const { trainSize, inputDim, outputDim } = full;
  const validationSize = Math.ceil(fraction * trainSize);
  if (validationSize >= trainSize) throw new RangeError(`${trainSize} training rows leave none to train after ${validationSize} for validation`);
  const order = Int32Array.from({ length: trainSize }, (_, i) => i);
  const rng = createRng(seed, stream);
  for (let i = trainSize - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const held = order.subarray(0, validationSize);
  const kept = Int32Array.from(order.subarray(validationSize)).sort();
  return {
    dataset: {
      inputDim,
      outputDim,
      trainX: gatherRows(full.trainX, inputDim, kept),
      trainY: gatherRows(full.trainY, outputDim, kept),
      testX: full.testX,
      testY: full.testY,
      trainSize: kept.length,
      testSize: full.testSize,
    },
    validation: { x: gatherRows(full.trainX, inputDim, held), y: gatherRows(full.trainY, outputDim, held), size: validationSize },
  };
}
