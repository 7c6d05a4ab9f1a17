/**
 * The AxTrain classification datasets (AxTrain Tab. 1), keyed by stable ids, and their 80/20 split.
 *
 * - 'breastcancer': Breast Cancer Wisconsin (Diagnostic), UCI: 569 rows × 30 features, 2 classes; AxTrain's own
 *   data set, with its Tab. 1 topology 30-64-64-2 and NTV voltages 400 / 660 mV.
 * - 'digits': UCI optical recognition of handwritten digits, 8×8 (sklearn's copy, the UCI test set): 1797 rows ×
 *   64 pixels 0…16, 10 classes. A STAND-IN for the paper's MNIST (not shipped offline): MNIST-MLP's 784-128-128-10
 *   becomes 64-128-128-10, and MNIST's 660 / 850 mV are borrowed.
 *
 * Both come from Debian python3-sklearn (origin and licence: DATASETS.md), written by scripts/build-axtrain-data.mjs
 * into breastcancer.generated.ts and digits.generated.ts (about 70 kB and 119 kB). Those modules are only ever
 * imported dynamically (loadClassificationDataset), so each is its own chunk and no first paint carries them.
 *
 * splitDataset: one seeded shuffle (stream 'classification-split:<id>'), then a stratified 80/20 split
 * (AxTrain §4: 80 % train, 20 % test; stratification is the lab's), inputs scaled with the TRAIN rows' statistics only.
 */
import { AXTRAIN_DATASET_VOLTAGES, type AxtrainDatasetVoltages } from '../approx/ntv';
import { createRng, type Rng } from '../rng';
import { decodeBase64 } from '../targets/photos';

/** How sure a fact is: stated in the paper, checked here, to be confirmed, the lab's estimate, or the lab's reading. */
export type FactStatus = 'paper' | 'verified' | 'unverified' | 'estimate' | 'interpretation';

export interface FactSource {
  /** Short text shown in the UI. */
  citation: string;
  status: FactStatus;
}

export interface CitedFact<T> extends FactSource {
  value: T;
}

/** Stable ids of the classification datasets; a link stores these. */
export const CLASSIFICATION_DATASET_IDS = ['breastcancer', 'digits'] as const;
export type ClassificationDatasetId = (typeof CLASSIFICATION_DATASET_IDS)[number];

/**
 * How splitDataset scales inputs, with statistics of the train rows only:
 * - zscore: x' = (x − μ_j) / σ_j per column j (population σ); a column constant on the train rows gets
 *   μ_j = its value and σ_j = 1, so its train values are exactly 0 and never NaN;
 * - range: x' = x / max (a fixed, data-independent range, e.g. pixels 0…16 → [0, 1]).
 */
export type InputScaling = { kind: 'zscore' } | { kind: 'range'; max: number };

export interface ClassificationDatasetSpec {
  id: ClassificationDatasetId;
  title: string;
  description: string;
  /** Rows, inputs per row and classes of the shipped data (sourced by `shape`). */
  sampleCount: number;
  inputCount: number;
  classCount: number;
  classNames: readonly string[];
  /** Rows of each class, in class-index order. */
  classCounts: readonly number[];
  shape: FactSource;
  /** The data set of the paper this one stands in for (digits → MNIST); null for the paper's own data. */
  standInFor: string | null;
  /** MLP layer widths, input first, output last. */
  topology: CitedFact<readonly number[]>;
  /** NTV SRAM supply voltages of AxTrain Tab. 1 ("Agg/Con volt"), in mV. */
  aggressiveVoltageMv: CitedFact<number>;
  conservativeVoltageMv: CitedFact<number>;
  inputScaling: CitedFact<InputScaling>;
}

/** AxTrain §4: "80% of samples are used for training, while the remaining 20% are used for testing". */
export const AXTRAIN_TRAIN_FRACTION: CitedFact<number> = {
  value: 0.8,
  citation: 'AxTrain §4: 80 % of samples for training, 20 % for testing — paper; stratified by class: lab interpretation',
  status: 'paper',
};

/** Tab. 1's voltages live in one table (src/core/approx/ntv.ts). */
function readTab1Voltages(id: AxtrainDatasetVoltages['id']): AxtrainDatasetVoltages {
  const row = AXTRAIN_DATASET_VOLTAGES.find((r) => r.id === id);
  if (!row) throw new Error(`AxTrain Tab. 1 has no row ${id}`);
  return row;
}

const SKLEARN_PACKAGE = 'Debian python3-sklearn 1.2.1+dfsg-1';

export const CLASSIFICATION_DATASETS: Readonly<Record<ClassificationDatasetId, ClassificationDatasetSpec>> = Object.freeze({
  breastcancer: {
    id: 'breastcancer',
    title: 'Breast cancer (UCI Wisconsin diagnostic)',
    description: 'Diagnose a breast mass as malignant or benign from 30 cell-nucleus measurements of a fine-needle aspirate (Wolberg, Street, Mangasarian, UCI).',
    sampleCount: 569,
    inputCount: 30,
    classCount: 2,
    classNames: ['malignant', 'benign'],
    classCounts: [212, 357],
    shape: {
      citation: `${SKLEARN_PACKAGE}, breast_cancer.csv and descr/breast_cancer.rst; checked by scripts/build-axtrain-data.mjs and datasets.test.ts — verified`,
      status: 'verified',
    },
    standInFor: null,
    topology: { value: [30, 64, 64, 2], citation: 'AxTrain Tab. 1, "Breast cancer": 30,64,64,2 — paper', status: 'paper' },
    aggressiveVoltageMv: { value: readTab1Voltages('breast-cancer').aggressiveMv, citation: 'AxTrain Tab. 1, "Breast cancer": Agg 400 mV — paper', status: 'paper' },
    conservativeVoltageMv: { value: readTab1Voltages('breast-cancer').conservativeMv, citation: 'AxTrain Tab. 1, "Breast cancer": Con 660 mV — paper', status: 'paper' },
    inputScaling: {
      value: { kind: 'zscore' },
      citation:
        'Lab choice (AxTrain does not state its preprocessing): the features span 0 … 4254 (worst area), so each is z-scored with the train rows’ mean and std — interpretation',
      status: 'interpretation',
    },
  },
  digits: {
    id: 'digits',
    title: 'Digits 8×8 (UCI optical digits), stand-in for MNIST',
    description: 'Recognise a handwritten digit from an 8×8 image of counts 0…16 (Alpaydin, Kaynak, UCI). Stands in for the paper’s MNIST, which the lab does not ship.',
    sampleCount: 1797,
    inputCount: 64,
    classCount: 10,
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    classCounts: [178, 182, 177, 183, 181, 182, 181, 179, 174, 180],
    shape: {
      citation: `${SKLEARN_PACKAGE}, digits.csv.gz and descr/digits.rst; checked by scripts/build-axtrain-data.mjs and datasets.test.ts — verified`,
      status: 'verified',
    },
    standInFor: 'MNIST',
    topology: {
      value: [64, 128, 128, 10],
      citation: 'Stand-in for MNIST: AxTrain Tab. 1 "MNIST-MLP" is 784,128,128,10; the lab keeps its hidden and output widths on the 64 inputs of digits — interpretation',
      status: 'interpretation',
    },
    aggressiveVoltageMv: {
      value: readTab1Voltages('mnist-mlp').aggressiveMv,
      citation: 'Borrowed from MNIST: AxTrain Tab. 1 "MNIST-MLP" Agg 660 mV (paper), applied to its digits stand-in — interpretation',
      status: 'interpretation',
    },
    conservativeVoltageMv: {
      value: readTab1Voltages('mnist-mlp').conservativeMv,
      citation: 'Borrowed from MNIST: AxTrain Tab. 1 "MNIST-MLP" Con 850 mV (paper), applied to its digits stand-in — interpretation',
      status: 'interpretation',
    },
    inputScaling: {
      value: { kind: 'range', max: 16 },
      citation:
        'Lab choice: pixels 0…16 divided by 16 into [0, 1], as MNIST pixels usually enter in [0, 1]; z-scores would put rare edge pixels at |z| up to 42 (all 1797 rows, measured) — interpretation',
      status: 'interpretation',
    },
  },
});

const SPECS_BY_ID: ReadonlyMap<string, ClassificationDatasetSpec> = new Map(CLASSIFICATION_DATASET_IDS.map((id) => [id, CLASSIFICATION_DATASETS[id]]));

export function isClassificationDatasetId(id: string): id is ClassificationDatasetId {
  return SPECS_BY_ID.has(id);
}

/** The spec of dataset `id`; throws `Unsupported classification dataset: ${id}` for anything else. */
export function getClassificationDatasetSpec(id: string): ClassificationDatasetSpec {
  const spec = SPECS_BY_ID.get(id);
  if (spec === undefined) throw new Error(`Unsupported classification dataset: ${id} (known: ${CLASSIFICATION_DATASET_IDS.join(', ')})`);
  return spec;
}

/** All datasets, in CLASSIFICATION_DATASET_IDS order. */
export function listClassificationDatasets(): ClassificationDatasetSpec[] {
  return CLASSIFICATION_DATASET_IDS.map((id) => CLASSIFICATION_DATASETS[id]);
}

// ---------------------------------------------------------------- loading

/** What a generated module exports (DATASET_SOURCE); the encodings are described in scripts/build-axtrain-data.mjs. */
export interface EncodedClassificationSource {
  id: string;
  debianPackage: string;
  sourceFile: string;
  sourceSha256: string;
  sampleCount: number;
  featureCount: number;
  classNames: readonly string[];
  featureNames: readonly string[];
  /**
   * - 'decimal24-base64': 3 bytes little-endian per value, v = 8·m + e, x = m / 10^e (the CSV decimal);
   * - 'base17': one character per value, its index in "0123456789abcdefg" (digits' pixels 0…16).
   */
  featureEncoding: 'decimal24-base64' | 'base17';
  features: string;
  /** One character per row: the class index. */
  labels: string;
}

/** A dataset as loaded: the source values, unscaled. Shared by every caller: do not mutate. */
export interface ClassificationData {
  id: ClassificationDatasetId;
  sampleCount: number;
  inputCount: number;
  classCount: number;
  classNames: readonly string[];
  featureNames: readonly string[];
  /** [sampleCount × inputCount], row-major: the source values as float32 (breast cancer: the CSV decimals; digits: pixels 0…16). */
  inputs: Float32Array;
  /** [sampleCount]: the class index of each row. */
  labels: Uint8Array;
  inputScaling: InputScaling;
}

/** The generated modules, imported only here and only dynamically (datasets.test.ts checks this). */
const GENERATED_MODULES: Readonly<Record<ClassificationDatasetId, () => Promise<EncodedClassificationSource>>> = {
  breastcancer: () => import('./breastcancer.generated').then((module) => module.DATASET_SOURCE),
  digits: () => import('./digits.generated').then((module) => module.DATASET_SOURCE),
};

const loading = new Map<ClassificationDatasetId, Promise<ClassificationData>>();

/**
 * Loads dataset `id` once (its own chunk in the browser) and decodes it; later calls return the same object.
 * Rejects with `Unsupported classification dataset: …` for an unknown id.
 */
export function loadClassificationDataset(id: string): Promise<ClassificationData> {
  let spec: ClassificationDatasetSpec;
  try {
    spec = getClassificationDatasetSpec(id);
  } catch (error) {
    return Promise.reject(error);
  }
  let pending = loading.get(spec.id);
  if (pending === undefined) {
    pending = GENERATED_MODULES[spec.id]().then(
      (source) => decodeClassificationSource(source, spec),
      (error: unknown) => {
        loading.delete(spec.id); // a failed fetch (offline) may be retried
        throw error;
      },
    );
    loading.set(spec.id, pending);
  }
  return pending;
}

/** 10^e for the decimal24 exponents e = 0…7 (exact in float64). */
const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7];
const BASE17_ALPHABET = '0123456789abcdefg';

/** Decodes a generated module's data and checks it against the spec; throws on any mismatch. */
export function decodeClassificationSource(source: EncodedClassificationSource, spec: ClassificationDatasetSpec): ClassificationData {
  const where = `Classification dataset ${spec.id}`;
  if (source.id !== spec.id) throw new Error(`${where}: the module holds ${source.id}`);
  if (source.sampleCount !== spec.sampleCount || source.featureCount !== spec.inputCount || source.classNames.length !== spec.classCount)
    throw new Error(
      `${where}: ${source.sampleCount} × ${source.featureCount}, ${source.classNames.length} classes; the registry says ${spec.sampleCount} × ${spec.inputCount}, ${spec.classCount}`,
    );
  const valueCount = spec.sampleCount * spec.inputCount;
  const inputs = new Float32Array(valueCount);
  switch (source.featureEncoding) {
    case 'decimal24-base64': {
      const bytes = decodeBase64(source.features);
      if (bytes.length !== 3 * valueCount) throw new Error(`${where}: ${bytes.length} feature bytes, expected ${3 * valueCount}`);
      for (let i = 0; i < valueCount; i++) {
        const code = bytes[3 * i] | (bytes[3 * i + 1] << 8) | (bytes[3 * i + 2] << 16);
        // v = 8·m + e → x = m / 10^e: the correctly rounded double of the CSV decimal, then float32.
        inputs[i] = (code >>> 3) / POWERS_OF_TEN[code & 7];
      }
      break;
    }
    case 'base17': {
      if (source.features.length !== valueCount) throw new Error(`${where}: ${source.features.length} feature characters, expected ${valueCount}`);
      for (let i = 0; i < valueCount; i++) {
        const value = BASE17_ALPHABET.indexOf(source.features[i]);
        if (value < 0) throw new Error(`${where}: bad feature character at ${i}`);
        inputs[i] = value;
      }
      break;
    }
    default: {
      const unknown: never = source.featureEncoding;
      throw new Error(`${where}: unsupported feature encoding ${String(unknown)}`);
    }
  }
  if (source.labels.length !== spec.sampleCount) throw new Error(`${where}: ${source.labels.length} labels, expected ${spec.sampleCount}`);
  const labels = new Uint8Array(spec.sampleCount);
  for (let row = 0; row < spec.sampleCount; row++) {
    const label = source.labels.charCodeAt(row) - 48;
    if (!(label >= 0 && label < spec.classCount)) throw new Error(`${where}: bad label at row ${row}`);
    labels[row] = label;
  }
  return {
    id: spec.id,
    sampleCount: spec.sampleCount,
    inputCount: spec.inputCount,
    classCount: spec.classCount,
    classNames: source.classNames,
    featureNames: source.featureNames,
    inputs,
    labels,
    inputScaling: spec.inputScaling.value,
  };
}

// ---------------------------------------------------------------- split

/** The part of a dataset splitDataset reads (a loaded ClassificationData, or test data of the same shape). */
export type SplittableData = Pick<ClassificationData, 'inputCount' | 'classCount' | 'inputs' | 'labels' | 'inputScaling'> & { id: string };

export interface ClassificationSet {
  count: number;
  /** [count × inputCount], row-major: scaled inputs. */
  inputs: Float32Array;
  /** [count × classCount], row-major: one-hot targets, t[i, labels[i]] = 1. */
  targets: Float32Array;
  /** [count]: the class index of each row. */
  labels: Int32Array;
  /** [count]: the row of each sample in the source data. */
  sourceRows: Int32Array;
}

export interface ClassificationSplit {
  datasetId: string;
  seed: number;
  inputCount: number;
  classCount: number;
  /** Shuffled; class proportions as close to the whole set's as integer counts allow (stratified). */
  train: ClassificationSet;
  test: ClassificationSet;
  /** x' = (x − inputOffset[j]) / inputScale[j] for column j, both sets, from the train rows only. */
  inputOffset: Float64Array;
  inputScale: Float64Array;
}

/**
 * Shuffles `data` with the seeded stream 'classification-split:<id>' and splits it into train and test sets.
 *
 * - Sizes: n_train = round(n · trainFraction) (breast cancer: 455 / 114), n_test = n − n_train.
 * - Stratified (lab choice; AxTrain §4 says only 80/20): class c gets q_c = ⌊n_c · n_train / n⌋ train rows, and the
 *   rows still missing go to the classes with the largest remainders (n_c · n_train mod n; ties: lower class index).
 *   One Fisher–Yates permutation is walked in order: a row joins the train set while its class has room, else the
 *   test set, so both sets come out shuffled.
 * - Inputs scaled by data.inputScaling with statistics of the train rows only (InputScaling).
 * Pure: the same data and seed give the same split. Throws on a fraction that leaves a set empty, on labels out of
 * range and on non-finite inputs.
 */
export function splitDataset(data: SplittableData, seed: number, trainFraction = AXTRAIN_TRAIN_FRACTION.value): ClassificationSplit {
  const { inputCount, classCount, inputs, labels } = data;
  const sampleCount = labels.length;
  if (inputs.length !== sampleCount * inputCount) throw new Error(`splitDataset(${data.id}): ${inputs.length} inputs for ${sampleCount} rows × ${inputCount}`);
  for (let i = 0; i < inputs.length; i++) if (!Number.isFinite(inputs[i])) throw new Error(`splitDataset(${data.id}): non-finite input at row ${Math.floor(i / inputCount)}`);
  const classCounts = new Array<number>(classCount).fill(0);
  for (let row = 0; row < sampleCount; row++) {
    const label = labels[row];
    if (!(Number.isInteger(label) && label >= 0 && label < classCount)) throw new Error(`splitDataset(${data.id}): label ${label} at row ${row} is not below ${classCount}`);
    classCounts[label]++;
  }
  const trainCount = Math.round(sampleCount * trainFraction);
  if (!(Number.isFinite(trainFraction) && trainCount >= 1 && trainCount <= sampleCount - 1))
    throw new Error(`splitDataset(${data.id}): train fraction ${trainFraction} of ${sampleCount} rows leaves a set empty`);

  const trainQuota = computeStratifiedQuotas(classCounts, trainCount);
  const permutation = shufflePermutation(sampleCount, createRng(seed, `classification-split:${data.id}`));
  const trainRows = new Int32Array(trainCount);
  const testRows = new Int32Array(sampleCount - trainCount);
  const taken = new Array<number>(classCount).fill(0);
  let trainAt = 0,
    testAt = 0;
  for (const row of permutation) {
    const label = labels[row];
    if (taken[label] < trainQuota[label]) {
      taken[label]++;
      trainRows[trainAt++] = row;
    } else testRows[testAt++] = row;
  }

  const { offset, scale } = computeInputScaling(data, trainRows);
  return {
    datasetId: data.id,
    seed,
    inputCount,
    classCount,
    train: gatherSet(data, trainRows, offset, scale),
    test: gatherSet(data, testRows, offset, scale),
    inputOffset: offset,
    inputScale: scale,
  };
}

/** Train rows per class: ⌊n_c · n_train / n⌋, plus one for the largest remainders until they sum to n_train (integers, exact). */
export function computeStratifiedQuotas(classCounts: readonly number[], trainCount: number): number[] {
  const total = classCounts.reduce((sum, count) => sum + count, 0);
  const quotas = classCounts.map((count) => Math.floor((count * trainCount) / total));
  const remainders = classCounts.map((count) => (count * trainCount) % total);
  let missing = trainCount - quotas.reduce((sum, quota) => sum + quota, 0);
  const byRemainder = classCounts.map((_, c) => c).sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (const c of byRemainder) {
    if (missing === 0) break;
    quotas[c]++;
    missing--;
  }
  return quotas;
}

/** Fisher–Yates: a uniform permutation of 0…n−1. */
function shufflePermutation(n: number, rng: Rng): Int32Array {
  const permutation = new Int32Array(n);
  for (let i = 0; i < n; i++) permutation[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const swap = permutation[i];
    permutation[i] = permutation[j];
    permutation[j] = swap;
  }
  return permutation;
}

/** Per-column offset and scale of data.inputScaling, from the rows `trainRows` only (float64). */
function computeInputScaling(data: SplittableData, trainRows: Int32Array): { offset: Float64Array; scale: Float64Array } {
  const { inputCount: d, inputs, inputScaling } = data;
  const offset = new Float64Array(d);
  const scale = new Float64Array(d).fill(1);
  if (inputScaling.kind === 'range') {
    if (!(inputScaling.max > 0)) throw new Error(`splitDataset(${data.id}): range scaling needs max > 0, got ${inputScaling.max}`);
    scale.fill(inputScaling.max);
    return { offset, scale };
  }
  const n = trainRows.length;
  for (let j = 0; j < d; j++) {
    let sum = 0,
      min = Infinity,
      max = -Infinity;
    for (const row of trainRows) {
      const x = inputs[row * d + j];
      sum += x;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    if (min === max) {
      // Constant on the train rows: σ = 0. Offset by the value itself so train z-scores are exactly 0, scale 1.
      offset[j] = min;
      continue;
    }
    const mean = sum / n;
    let squares = 0;
    for (const row of trainRows) squares += (inputs[row * d + j] - mean) ** 2;
    // σ_j = sqrt(Σ (x − μ_j)² / n): population std of the train rows (as sklearn's StandardScaler).
    offset[j] = mean;
    scale[j] = Math.sqrt(squares / n);
  }
  return { offset, scale };
}

function gatherSet(data: SplittableData, rows: Int32Array, offset: Float64Array, scale: Float64Array): ClassificationSet {
  const { inputCount: d, classCount: k } = data;
  const count = rows.length;
  const inputs = new Float32Array(count * d);
  const targets = new Float32Array(count * k);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const row = rows[i];
    for (let j = 0; j < d; j++) inputs[i * d + j] = (data.inputs[row * d + j] - offset[j]) / scale[j];
    labels[i] = data.labels[row];
    targets[i * k + labels[i]] = 1;
  }
  return { count, inputs, targets, labels, sourceRows: rows };
}
