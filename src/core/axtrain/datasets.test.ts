import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  AXTRAIN_TRAIN_FRACTION,
  CLASSIFICATION_DATASET_IDS,
  type ClassificationData,
  type ClassificationSplit,
  computeStratifiedQuotas,
  decodeClassificationSource,
  getClassificationDatasetSpec,
  listClassificationDatasets,
  loadClassificationDataset,
  type SplittableData,
  splitDataset,
} from './datasets';

/** FNV-1a of bytes: pins the shipped data (regenerating must reproduce it; computed from the CSVs independently). */
function hashBytes(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const row = (data: { inputs: Float32Array; inputCount: number }, r: number, count: number) => Array.from(data.inputs.subarray(r * data.inputCount, r * data.inputCount + count));
const f32 = (values: number[]) => values.map(Math.fround);

/** Parameters of an MLP of these widths: Σ (fanIn + 1) · fanOut (weights + biases). */
const countParameters = (widths: readonly number[]) => widths.slice(1).reduce((sum, fanOut, i) => sum + (widths[i] + 1) * fanOut, 0);

describe('classification dataset registry', () => {
  it('lists breast cancer and digits with the paper topologies and voltages of AxTrain Tab. 1', () => {
    expect(CLASSIFICATION_DATASET_IDS).toEqual(['breastcancer', 'digits']);
    expect(listClassificationDatasets().map((spec) => spec.id)).toEqual(['breastcancer', 'digits']);
    const breastCancer = getClassificationDatasetSpec('breastcancer');
    expect(breastCancer.topology.value).toEqual([30, 64, 64, 2]);
    expect(breastCancer.topology.status).toBe('paper');
    expect(countParameters(breastCancer.topology.value)).toBe(6274); // reference A.6
    expect([breastCancer.aggressiveVoltageMv.value, breastCancer.conservativeVoltageMv.value]).toEqual([400, 660]);
    expect(breastCancer.standInFor).toBeNull();

    const digits = getClassificationDatasetSpec('digits');
    expect(digits.topology.value).toEqual([64, 128, 128, 10]);
    expect(countParameters(digits.topology.value)).toBe(26122); // reference A.7, A1
    expect([digits.aggressiveVoltageMv.value, digits.conservativeVoltageMv.value]).toEqual([660, 850]);
    // The stand-in is labelled as such everywhere the UI reads it.
    expect(digits.standInFor).toBe('MNIST');
    expect(digits.title).toMatch(/stand-in for MNIST/);
    expect(digits.topology.citation).toMatch(/Stand-in for MNIST.*784,128,128,10/);
    expect(digits.aggressiveVoltageMv.citation).toMatch(/Borrowed from MNIST/);
    expect(digits.topology.status).toBe('interpretation');
    expect(digits.aggressiveVoltageMv.status).toBe('interpretation');
  });

  it('gives every fact a citation and a status, and topologies that match the shapes', () => {
    for (const spec of listClassificationDatasets()) {
      for (const fact of [spec.shape, spec.topology, spec.aggressiveVoltageMv, spec.conservativeVoltageMv, spec.inputScaling]) {
        expect(fact.citation.length).toBeGreaterThan(10);
        expect(['paper', 'verified', 'unverified', 'estimate', 'interpretation']).toContain(fact.status);
      }
      expect(spec.topology.value[0]).toBe(spec.inputCount);
      expect(spec.topology.value.at(-1)).toBe(spec.classCount);
      expect(spec.classNames).toHaveLength(spec.classCount);
      expect(spec.classCounts.reduce((a, b) => a + b, 0)).toBe(spec.sampleCount);
    }
    expect(AXTRAIN_TRAIN_FRACTION.value).toBe(0.8);
  });

  it('throws a clear error for an unknown id, prototype keys included', async () => {
    for (const id of ['mnist', '', '__proto__', 'constructor', 'toString']) {
      expect(() => getClassificationDatasetSpec(id)).toThrow(`Unsupported classification dataset: ${id}`);
      await expect(loadClassificationDataset(id)).rejects.toThrow(/Unsupported classification dataset/);
    }
  });
});

describe('loadClassificationDataset', () => {
  it('breast cancer: 569 × 30, 212 malignant / 357 benign, rows as in breast_cancer.csv', async () => {
    const data = await loadClassificationDataset('breastcancer');
    expect([data.sampleCount, data.inputCount, data.classCount]).toEqual([569, 30, 2]);
    expect(data.inputs).toHaveLength(569 * 30);
    expect(data.classNames).toEqual(['malignant', 'benign']);
    expect(data.featureNames.slice(0, 2)).toEqual(['mean radius', 'mean texture']);
    expect(data.featureNames[29]).toBe('worst fractal dimension');
    const counts = [0, 0];
    for (const label of data.labels) counts[label]++;
    expect(counts).toEqual([212, 357]);
    // First and last rows of the CSV.
    expect(row(data, 0, 6)).toEqual(f32([17.99, 10.38, 122.8, 1001, 0.1184, 0.2776]));
    expect(data.inputs[29]).toBe(Math.fround(0.1189));
    expect(data.labels[0]).toBe(0);
    expect(row(data, 1, 5)).toEqual(f32([20.57, 17.77, 132.9, 1326, 0.08474]));
    expect(row(data, 568, 5)).toEqual(f32([7.76, 24.54, 47.92, 181, 0.05263]));
    expect(data.labels[568]).toBe(1);
    expect(hashBytes(new Uint8Array(data.inputs.buffer))).toBe(1006061575);
    expect(hashBytes(data.labels)).toBe(1897233128);
    expect(await loadClassificationDataset('breastcancer')).toBe(data); // decoded once
  });

  it('digits: 1797 × 64 pixels 0…16, about 180 per digit, rows as in digits.csv.gz', async () => {
    const data = await loadClassificationDataset('digits');
    expect([data.sampleCount, data.inputCount, data.classCount]).toEqual([1797, 64, 10]);
    const counts = new Array(10).fill(0);
    for (const label of data.labels) counts[label]++;
    expect(counts).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    for (const count of counts) expect(Math.abs(count - 180)).toBeLessThanOrEqual(6);
    expect(data.inputs.every((x) => Number.isInteger(x) && x >= 0 && x <= 16)).toBe(true);
    expect(Math.max(...data.inputs)).toBe(16);
    expect(row(data, 0, 10)).toEqual([0, 0, 5, 13, 9, 1, 0, 0, 0, 0]);
    expect(data.labels[0]).toBe(0);
    expect(row(data, 1, 10)).toEqual([0, 0, 0, 12, 13, 5, 0, 0, 0, 0]);
    expect(data.labels[1]).toBe(1);
    expect(row(data, 1796, 10)).toEqual([0, 0, 10, 14, 8, 1, 0, 0, 0, 2]);
    expect(data.labels[1796]).toBe(8);
    expect(data.featureNames[9]).toBe('pixel_1_1');
    expect(hashBytes(new Uint8Array(data.inputs.buffer))).toBe(2606791019);
    expect(hashBytes(data.labels)).toBe(1937009573);
  });

  it('decodeClassificationSource rejects a module that does not match the registry', () => {
    const spec = getClassificationDatasetSpec('digits');
    const source = {
      id: 'digits',
      debianPackage: 'test',
      sourceFile: 'test',
      sourceSha256: '',
      sampleCount: spec.sampleCount,
      featureCount: spec.inputCount,
      classNames: spec.classNames,
      featureNames: [],
      featureEncoding: 'base17' as const,
      features: '0'.repeat(spec.sampleCount * spec.inputCount),
      labels: '0'.repeat(spec.sampleCount),
    };
    expect(decodeClassificationSource(source, spec).sampleCount).toBe(1797);
    expect(() => decodeClassificationSource({ ...source, id: 'breastcancer' }, spec)).toThrow(/holds breastcancer/);
    expect(() => decodeClassificationSource({ ...source, sampleCount: 10 }, spec)).toThrow(/registry says/);
    expect(() => decodeClassificationSource({ ...source, features: source.features.slice(1) }, spec)).toThrow(/feature characters/);
    expect(() => decodeClassificationSource({ ...source, features: `h${source.features.slice(1)}` }, spec)).toThrow(/bad feature character at 0/);
    expect(() => decodeClassificationSource({ ...source, labels: `:${source.labels.slice(1)}` }, spec)).toThrow(/bad label at row 0/);
    expect(() => decodeClassificationSource({ ...source, featureEncoding: 'decimal24-base64' }, spec)).toThrow(/feature bytes/);
  });
});

/** Mean and population std of column j of a set's inputs (float64). */
function columnStats(inputs: Float32Array, d: number, j: number): { mean: number; std: number } {
  const n = inputs.length / d;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += inputs[i * d + j];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (inputs[i * d + j] - mean) ** 2;
  return { mean, std: Math.sqrt(squares / n) };
}

function expectWellFormed(split: ClassificationSplit, data: ClassificationData | SplittableData): void {
  const sampleCount = data.labels.length;
  const { inputCount: d, classCount: k } = split;
  // No overlap, nothing lost.
  const seen = new Uint8Array(sampleCount);
  for (const r of [...split.train.sourceRows, ...split.test.sourceRows]) seen[r]++;
  expect(seen.every((times) => times === 1)).toBe(true);
  for (const set of [split.train, split.test]) {
    expect(set.inputs).toHaveLength(set.count * d);
    expect(set.targets).toHaveLength(set.count * k);
    expect(set.inputs.every(Number.isFinite)).toBe(true);
    for (let i = 0; i < set.count; i++) {
      const target = Array.from(set.targets.subarray(i * k, (i + 1) * k));
      expect(target.reduce((a, b) => a + b, 0)).toBe(1); // one-hot
      expect(target[set.labels[i]]).toBe(1);
      const r = set.sourceRows[i];
      expect(set.labels[i]).toBe(data.labels[r]);
      // x' = (x − offset) / scale, from the source row.
      for (const j of [0, d - 1]) expect(set.inputs[i * d + j]).toBe(Math.fround((data.inputs[r * d + j] - split.inputOffset[j]) / split.inputScale[j]));
    }
  }
}

describe('splitDataset', () => {
  it('breast cancer: 455 / 114, stratified (170 + 285 / 42 + 72), train z-scores of mean 0 and std 1', async () => {
    const data = await loadClassificationDataset('breastcancer');
    const split = splitDataset(data, 7);
    expect([split.train.count, split.test.count]).toEqual([455, 114]);
    const trainCounts = [0, 0];
    for (const label of split.train.labels) trainCounts[label]++;
    expect(trainCounts).toEqual([170, 285]);
    expectWellFormed(split, data);
    for (let j = 0; j < 30; j++) {
      const { mean, std } = columnStats(split.train.inputs, 30, j);
      expect(Math.abs(mean)).toBeLessThan(1e-5);
      expect(Math.abs(std - 1)).toBeLessThan(1e-5);
    }
    // The statistics are the train rows' own: the test set's are near but not exactly 0 and 1.
    const testArea = columnStats(split.test.inputs, 30, 3);
    expect(testArea.mean).not.toBe(0);
    expect(Math.abs(testArea.mean)).toBeLessThan(0.5);
    // Both sets come out shuffled, not sorted by source row or by class.
    expect(Array.from(split.train.sourceRows).every((r, i, rows) => i === 0 || rows[i - 1] < r)).toBe(false);
    expect(Array.from(split.train.labels.subarray(0, 40)).every((label) => label === split.train.labels[0])).toBe(false);
  });

  it('is deterministic in the seed: same seed, same split; another seed, another split', async () => {
    const data = await loadClassificationDataset('breastcancer');
    const a = splitDataset(data, 3);
    const b = splitDataset(data, 3);
    expect(b.train.sourceRows).toEqual(a.train.sourceRows);
    expect(b.test.sourceRows).toEqual(a.test.sourceRows);
    expect(b.train.inputs).toEqual(a.train.inputs);
    expect(b.inputOffset).toEqual(a.inputOffset);
    const c = splitDataset(data, 4);
    expect(c.train.sourceRows).not.toEqual(a.train.sourceRows);
    expect(new Set(c.test.sourceRows)).not.toEqual(new Set(a.test.sourceRows)); // a different test set, not only a different order
    expect(c.inputOffset).not.toEqual(a.inputOffset);
  });

  it('digits: 1438 / 359, about 20 % of every digit in the test set, pixels / 16 in [0, 1]', async () => {
    const data = await loadClassificationDataset('digits');
    const split = splitDataset(data, 1);
    expect([split.train.count, split.test.count]).toEqual([1438, 359]);
    const testCounts = new Array(10).fill(0);
    for (const label of split.test.labels) testCounts[label]++;
    const { classCounts } = getClassificationDatasetSpec('digits');
    for (let c = 0; c < 10; c++) expect(Math.abs(testCounts[c] - (classCounts[c] * 359) / 1797)).toBeLessThan(1);
    expectWellFormed(split, data);
    expect(Array.from(split.inputScale)).toEqual(new Array(64).fill(16));
    expect(split.train.inputs.every((x) => x >= 0 && x <= 1)).toBe(true);
    expect(Math.max(...split.train.inputs)).toBe(1);
  });

  it('z-scores digits without NaN: the pixels that are always 0 (columns 0, 32, 39) become exactly 0', async () => {
    const data = await loadClassificationDataset('digits');
    const split = splitDataset({ ...data, inputScaling: { kind: 'zscore' } }, 2);
    expectWellFormed(split, { ...data, inputScaling: { kind: 'zscore' } });
    for (const j of [0, 32, 39]) {
      expect(split.inputScale[j]).toBe(1);
      for (const set of [split.train, split.test]) for (let i = 0; i < set.count; i++) expect(set.inputs[i * 64 + j]).toBe(0);
    }
    for (let j = 0; j < 64; j++) {
      const { mean, std } = columnStats(split.train.inputs, 64, j);
      expect(Math.abs(mean)).toBeLessThan(1e-5);
      if (![0, 32, 39].includes(j)) expect(Math.abs(std - 1)).toBeLessThan(1e-4);
    }
  });

  it('keeps a constant column finite even when its float sum does not round to the value', () => {
    // 0.1 summed 50 times is not 50 · 0.1 in float64: a naive (x − μ)/σ gives a tiny σ and garbage.
    const n = 50;
    const inputs = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) {
      inputs[2 * i] = 0.1;
      inputs[2 * i + 1] = i;
    }
    const data: SplittableData = { id: 'synthetic', inputCount: 2, classCount: 2, inputs, labels: new Uint8Array(n).map((_, i) => i % 2), inputScaling: { kind: 'zscore' } };
    const split = splitDataset(data, 5);
    expect([split.train.count, split.test.count]).toEqual([40, 10]);
    expectWellFormed(split, data);
    for (const set of [split.train, split.test]) for (let i = 0; i < set.count; i++) expect(set.inputs[2 * i]).toBe(0);
  });

  it('throws on a fraction that empties a set, on labels out of range and on non-finite inputs', () => {
    const data: SplittableData = {
      id: 'synthetic',
      inputCount: 1,
      classCount: 2,
      inputs: new Float32Array([1, 2, 3, 4]),
      labels: new Uint8Array([0, 1, 0, 1]),
      inputScaling: { kind: 'zscore' },
    };
    expect(splitDataset(data, 1, 0.5).train.count).toBe(2);
    for (const fraction of [0, 1, 0.01, Number.NaN]) expect(() => splitDataset(data, 1, fraction)).toThrow(/leaves a set empty/);
    expect(() => splitDataset({ ...data, labels: new Uint8Array([0, 1, 2, 1]) }, 1)).toThrow(/label 2 at row 2/);
    expect(() => splitDataset({ ...data, inputs: new Float32Array([1, Number.NaN, 3, 4]) }, 1)).toThrow(/non-finite input at row 1/);
    expect(() => splitDataset({ ...data, inputs: new Float32Array([1, Number.POSITIVE_INFINITY, 3, 4]) }, 1)).toThrow(/non-finite/);
    expect(() => splitDataset({ ...data, inputs: new Float32Array(3) }, 1)).toThrow(/3 inputs for 4 rows/);
  });

  it('computeStratifiedQuotas: proportional integer quotas by largest remainder that sum to the train size', () => {
    expect(computeStratifiedQuotas([212, 357], 455)).toEqual([170, 285]);
    expect(computeStratifiedQuotas([1, 1, 1], 2)).toEqual([1, 1, 0]); // ties: lower class first
    expect(computeStratifiedQuotas([10, 0, 30], 20)).toEqual([5, 0, 15]);
    const quotas = computeStratifiedQuotas([178, 182, 177, 183, 181, 182, 181, 179, 174, 180], 1438);
    expect(quotas.reduce((a, b) => a + b, 0)).toBe(1438);
  });
});

describe('the generated modules stay out of the first chunk', () => {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const root = resolve(here, '../../..');
  const STATIC_IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"][^'"]*(breastcancer|digits)\.generated['"]/g;
  const TYPE_ONLY = /^\s*(?:import|export)\s+type\s/;

  it('datasets.ts reaches them only through import()', () => {
    const text = readFileSync(join(here, 'datasets.ts'), 'utf8');
    expect(text).toContain("import('./breastcancer.generated')");
    expect(text).toContain("import('./digits.generated')");
    expect(text.match(STATIC_IMPORT)).toBeNull();
  });

  it('no source file in src/, workers/ or cli/ imports them statically (type-only imports excepted)', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx|mts|js|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.includes('.generated.')) {
          for (const match of readFileSync(path, 'utf8').matchAll(STATIC_IMPORT)) if (!TYPE_ONLY.test(match[0])) offenders.push(`${relative(root, path)}: ${match[0].trim()}`);
        }
      }
    };
    for (const dir of ['src', 'workers', 'cli']) walk(join(root, dir));
    expect(offenders).toEqual([]);
    // The pattern does catch a static import.
    expect("import { DATASET_SOURCE } from './digits.generated';".match(STATIC_IMPORT)).not.toBeNull();
  });
});
