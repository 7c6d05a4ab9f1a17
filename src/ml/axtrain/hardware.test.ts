import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { drumMultiply } from '../../core/approx/drum';
import { DRUM_OPERAND_MIN_INT_BITS, applyFlipMasks, chooseFormat, dequantize, drawFlipMasks, quantize, type FixedPointFormat } from '../../core/approx/fixedPoint';
import { createRng } from '../../core/rng';
import {
  approxDense,
  chooseFormatTensor,
  computeDrumProduct,
  createDrumProductSte,
  drumOperandTensor,
  flipStoredWeightsTensor,
  quantizeTensor,
  readStoredWeightsSte,
  type HardwareModel,
} from './hardware';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

function countMismatches(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let mismatches = 0;
  for (let i = 0; i < expected.length; i++) if (actual[i] !== expected[i]) mismatches++;
  return mismatches;
}

/** Layer data: x [batch, fanIn], kernel [fanIn, fanOut] (row-major), bias [fanOut], as float32. */
function makeLayer(batch: number, fanIn: number, fanOut: number, seed: number) {
  const rng = createRng(seed, 'hardware-test');
  const x = Float32Array.from({ length: batch * fanIn }, () => rng.uniform(-2, 3));
  const kernel = Float32Array.from({ length: fanIn * fanOut }, () => rng.normal() * 0.2);
  const bias = Float32Array.from({ length: fanOut }, () => rng.uniform(-0.5, 0.5));
  return { batch, fanIn, fanOut, x, kernel, bias };
}

describe('drumOperandTensor', () => {
  it('equals drumMultiply on all signed 8-bit pairs for k = 1…6 (0 mismatches)', () => {
    const values = Array.from({ length: 511 }, (_, i) => i - 255);
    for (let k = 1; k <= 6; k++) {
      const products = tf.tidy(() => {
        const operands = drumOperandTensor(tf.tensor1d(values), k, 8);
        return tf.matMul(operands.reshape([511, 1]), operands.reshape([1, 511])).dataSync(); // every ã·b̃, exact in float32
      });
      const expected = new Float64Array(511 * 511);
      for (let i = 0; i < 511; i++) for (let j = 0; j < 511; j++) expected[i * 511 + j] = drumMultiply(values[i], values[j], k);
      expect(countMismatches(products, expected), `k = ${k}`).toBe(0);
    }
  });

  it('equals drumMultiply on 200k random 16-bit pairs for k = 4, 6, 8 (0 mismatches), in one batched op per k', () => {
    const rng = createRng(9, 'hardware-test');
    const n = 200_000;
    const a = Float32Array.from({ length: n }, () => rng.int(131071) - 65535);
    const b = Float32Array.from({ length: n }, () => rng.int(131071) - 65535);
    for (const k of [4, 6, 8]) {
      const products = tf.tidy(() => tf.mul(drumOperandTensor(tf.tensor1d(a), k, 16), drumOperandTensor(tf.tensor1d(b), k, 16)).dataSync()); // ≤ 2k significant bits: exact
      const expected = new Float64Array(n);
      for (let i = 0; i < n; i++) expected[i] = drumMultiply(a[i], b[i], k);
      expect(countMismatches(products, expected), `k = ${k}`).toBe(0);
    }
  });
});

describe('fixed point in the graph', () => {
  it('chooses the same format as chooseFormat, edges included', () => {
    const cases: number[][] = [[0.05, -0.02], [0.5], [-1], [1 - 2 ** -20], [2 ** -30], [0, 0], [3.99, -2, 100], [-(2 ** 40)], [1e-30]];
    for (const values of cases) {
      for (const [wordBits, minIntBits] of [
        [8, 0],
        [16, DRUM_OPERAND_MIN_INT_BITS],
      ]) {
        const expected = chooseFormat(Float32Array.from(values), wordBits, { minIntBits });
        const format = chooseFormatTensor(tf.tensor1d(values), wordBits, { minIntBits });
        expect([format.scale.dataSync()[0], format.lsb.dataSync()[0]], `${values} W ${wordBits}`).toEqual([2 ** expected.fracBits, 2 ** -expected.fracBits]);
        tf.dispose([format.scale, format.lsb]);
      }
    }
  });

  it('quantizes like the core: ties to even, saturation', () => {
    const rng = createRng(4, 'hardware-test');
    const values = Float32Array.from([...Array.from({ length: 2000 }, () => rng.uniform(-1.2, 1.2)), 0.5 / 128, 1.5 / 128, -2.5 / 128, 5, -5]);
    const format: FixedPointFormat = { wordBits: 8, intBits: 0, fracBits: 7 };
    const q = tf.tidy(() => quantizeTensor(tf.tensor1d(values), format).dataSync());
    expect(countMismatches(q, quantize(values, format))).toBe(0);
  });
});

describe('approxDense', () => {
  it('drum: equals the per-product DRUM sum of the quantized layer within 1e-6 relative (16×30×20)', () => {
    const layer = makeLayer(16, 30, 20, 1);
    for (const k of [2, 4, 8]) {
      const hw: HardwareModel = { kind: 'drum', k, actBits: 16, weightBits: 16 };
      const y = tf.tidy(() => approxDense(tf.tensor2d(layer.x, [16, 30]), tf.tensor2d(layer.kernel, [30, 20]), tf.tensor1d(layer.bias), hw).dataSync());
      const actFormat = chooseFormat(layer.x, 16, { minIntBits: DRUM_OPERAND_MIN_INT_BITS });
      const weightFormat = chooseFormat(layer.kernel, 16, { minIntBits: DRUM_OPERAND_MIN_INT_BITS });
      const qx = quantize(layer.x, actFormat);
      const qk = quantize(layer.kernel, weightFormat);
      const lsb = 2 ** -(actFormat.fracBits + weightFormat.fracBits);
      let worst = 0;
      let largest = 0;
      let exactGap = 0;
      for (let r = 0; r < 16; r++) {
        for (let j = 0; j < 20; j++) {
          let sum = 0;
          let exactSum = 0;
          for (let i = 0; i < 30; i++) {
            sum += drumMultiply(qx[r * 30 + i], qk[i * 20 + j], k); // integer, exact
            exactSum += layer.x[r * 30 + i] * layer.kernel[i * 20 + j];
          }
          const expected = sum * lsb + layer.bias[j];
          worst = Math.max(worst, Math.abs(y[r * 20 + j] - expected));
          largest = Math.max(largest, Math.abs(expected));
          exactGap = Math.max(exactGap, Math.abs(expected - exactSum - layer.bias[j]));
        }
      }
      expect(worst / largest, `k = ${k}`).toBeLessThanOrEqual(1e-6);
      expect(exactGap / largest, `k = ${k}: DRUM differs from the exact layer`).toBeGreaterThan(1e-4); // the model approximates at all
    }
  });

  it('drum: takes fixed formats (a calibration batch’s) instead of this batch’s', () => {
    const layer = makeLayer(4, 6, 3, 2);
    const actFormat: FixedPointFormat = { wordBits: 8, intBits: 1, fracBits: 6 }; // saturates x above 127/64
    const weightFormat = chooseFormat(layer.kernel, 8, { minIntBits: DRUM_OPERAND_MIN_INT_BITS });
    const y = tf.tidy(() =>
      approxDense(tf.tensor2d(layer.x, [4, 6]), tf.tensor2d(layer.kernel, [6, 3]), tf.tensor1d(layer.bias), {
        kind: 'drum',
        k: 3,
        actBits: 8,
        weightBits: 8,
        actFormat,
        weightFormat,
      }).dataSync(),
    );
    const qx = quantize(layer.x, actFormat);
    const qk = quantize(layer.kernel, weightFormat);
    for (let r = 0; r < 4; r++) {
      for (let j = 0; j < 3; j++) {
        let sum = 0;
        for (let i = 0; i < 6; i++) sum += drumMultiply(qx[r * 6 + i], qk[i * 3 + j], 3);
        expect(y[r * 3 + j]).toBeCloseTo(sum * 2 ** -(actFormat.fracBits + weightFormat.fracBits) + layer.bias[j], 5);
      }
    }
  });

  it('ntv: stores K and b in one W-bit format, flips the given masks, multiplies exactly', () => {
    const layer = makeLayer(5, 7, 4, 3);
    const words = 7 * 4 + 4;
    const masks = drawFlipMasks(words, 8, 0.1, createRng(1, 'ntv'));
    const y = tf.tidy(() =>
      approxDense(tf.tensor2d(layer.x, [5, 7]), tf.tensor2d(layer.kernel, [7, 4]), tf.tensor1d(layer.bias), {
        kind: 'ntv',
        weightBits: 8,
        flips: { kind: 'masks', masks },
      }).dataSync(),
    );
    const stored = Float32Array.from([...layer.kernel, ...layer.bias]);
    const format = chooseFormat(stored, 8);
    expect(format.intBits).toBe(0); // |w| < 1: no integer bits
    const readBack = dequantize(applyFlipMasks(quantize(stored, format), masks, 8), format);
    let changed = 0;
    for (let i = 0; i < words; i++) if (Math.abs(readBack[i] - stored[i]) > 2 ** -format.fracBits) changed++;
    expect(changed).toBeGreaterThan(0);
    for (let r = 0; r < 5; r++) {
      for (let j = 0; j < 4; j++) {
        let sum = readBack[28 + j];
        for (let i = 0; i < 7; i++) sum += layer.x[r * 7 + i] * readBack[i * 4 + j];
        expect(y[r * 4 + j]).toBeCloseTo(sum, 5);
      }
    }
  });

  it('ntv: draws fresh masks per call from the seeded source, the same for the same seed; p = 0 only quantizes', () => {
    const layer = makeLayer(3, 6, 2, 4);
    const run = (p: number, seed: number, calls: number) =>
      tf.tidy(() => {
        const flips = { kind: 'draw' as const, p, rng: createRng(seed, 'ntv') };
        const [x, kernel, bias] = [tf.tensor2d(layer.x, [3, 6]), tf.tensor2d(layer.kernel, [6, 2]), tf.tensor1d(layer.bias)];
        return Array.from({ length: calls }, () => Array.from(approxDense(x, kernel, bias, { kind: 'ntv', weightBits: 8, flips }).dataSync()));
      });
    const [first, second] = run(0.1, 5, 2);
    expect(first).not.toEqual(second); // a fresh mask per forward pass
    expect(run(0.1, 5, 2)).toEqual([first, second]);
    const [clean] = run(0, 5, 1);
    const format = chooseFormat(Float32Array.from([...layer.kernel, ...layer.bias]), 8);
    const { flipped } = flipStoredWeightsTensor([tf.tensor2d(layer.kernel, [6, 2]), tf.tensor1d(layer.bias)], 8, { kind: 'masks', masks: new Int32Array(14) });
    expect(Array.from(flipped[0].dataSync())).toEqual(Array.from(dequantize(quantize(layer.kernel, format), format)));
    const expected = tf.tidy(() => tf.add(tf.matMul(tf.tensor2d(layer.x, [3, 6]), flipped[0] as tf.Tensor2D), flipped[1]).dataSync());
    tf.dispose(flipped);
    clean.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
    expect(() => flipStoredWeightsTensor([tf.tensor1d([0.1, 0.2])], 8, { kind: 'masks', masks: new Int32Array(3) })).toThrow(RangeError);
  });

  describe('straight-through estimator (AxTrain eq. 12)', () => {
    const layer = makeLayer(4, 5, 3, 6);
    // dy = G: entries below, at and above the thresholds.
    const G = Float32Array.from([0.2, -1.5, 0.99, 1, -1, 3, -0.4, 0.5, 0.7, -0.75, 2.5, -0.01]);
    const models: HardwareModel[] = [
      { kind: 'drum', k: 3, actBits: 16, weightBits: 16 },
      { kind: 'ntv', weightBits: 8, flips: { kind: 'draw', p: 0.1, rng: createRng(2, 'ntv') } },
    ];

    function gradients(hw: HardwareModel, threshold: number | null | undefined) {
      return tf.tidy(() => {
        const g = tf.tensor2d(G, [4, 3]);
        const f = (x: tf.Tensor, kernel: tf.Tensor, bias: tf.Tensor) =>
          tf.sum(
            tf.mul(
              threshold === undefined
                ? approxDense(x as tf.Tensor2D, kernel as tf.Tensor2D, bias as tf.Tensor1D, hw)
                : approxDense(x as tf.Tensor2D, kernel as tf.Tensor2D, bias as tf.Tensor1D, hw, threshold),
              g,
            ),
          );
        const [dx, dk, db] = tf.grads(f)([tf.tensor2d(layer.x, [4, 5]), tf.tensor2d(layer.kernel, [5, 3]), tf.tensor1d(layer.bias)]);
        return [dx.dataSync(), dk.dataSync(), db.dataSync()].map((a) => Array.from(a));
      });
    }

    /** g·Kᵀ, xᵀ·g, Σ_batch g for g = dy·1[|dy| < threshold], float64. */
    function expectedGradients(threshold: number | null) {
      const g = Array.from(G, (v) => (threshold === null || Math.abs(v) < threshold ? v : 0));
      const dx = Array.from({ length: 20 }, (_, idx) => {
        const [r, i] = [Math.floor(idx / 5), idx % 5];
        return [0, 1, 2].reduce((s, j) => s + g[r * 3 + j] * layer.kernel[i * 3 + j], 0);
      });
      const dk = Array.from({ length: 15 }, (_, idx) => {
        const [i, j] = [Math.floor(idx / 3), idx % 3];
        return [0, 1, 2, 3].reduce((s, r) => s + layer.x[r * 5 + i] * g[r * 3 + j], 0);
      });
      const db = [0, 1, 2].map((j) => [0, 1, 2, 3].reduce((s, r) => s + g[r * 3 + j], 0));
      return [dx, dk, db];
    }

    function expectClose(actual: number[][], expected: number[][]) {
      actual.forEach((grad, n) => grad.forEach((v, i) => expect(v, `input ${n}, entry ${i}`).toBeCloseTo(expected[n][i], 5)));
    }

    it('passes dy · 1[|dy| < 1] to x, K and b as a dense layer would (default threshold 1, |dy| = 1 masked)', () => {
      const expected = expectedGradients(1);
      expect(expected).not.toEqual(expectedGradients(null)); // the mask removes something
      for (const hw of models) expectClose(gradients(hw, undefined), expected);
    });

    it('takes another threshold, and passes dy unmasked with null', () => {
      for (const hw of models) {
        expectClose(gradients(hw, 0.5), expectedGradients(0.5));
        expectClose(gradients(hw, null), expectedGradients(null));
      }
      expect(() => approxDense(tf.zeros([1, 1]), tf.zeros([1, 1]), tf.zeros([1]), models[0], 0)).toThrow(RangeError);
    });

    it('leaves the exact layer’s gradient unmasked', () => {
      expectClose(gradients({ kind: 'exact' }, 1), expectedGradients(null));
    });

    it('leaves no tensor behind, forward and backward, for every model', () => {
      const x = tf.tensor2d(layer.x, [4, 5]);
      const kernel = tf.tensor2d(layer.kernel, [5, 3]);
      const bias = tf.tensor1d(layer.bias);
      const before = tf.memory().numTensors;
      for (const hw of [...models, { kind: 'exact' } as const]) {
        const y = approxDense(x, kernel, bias, hw);
        y.dispose();
        const grads = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) => tf.sum(approxDense(a as tf.Tensor2D, b as tf.Tensor2D, c as tf.Tensor1D, hw)))([x, kernel, bias]);
        tf.dispose(grads);
        const value = tf.tidy(() => drumOperandTensor(x, 4, 8));
        value.dispose();
        const format = chooseFormatTensor(x, 8);
        tf.dispose([format.scale, format.lsb]);
      }
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([x, kernel, bias]);
    });
  });
});

describe('training on the hardware (AXNet pas, issue 9 §5): STE products and weight reads', () => {
  it('the DRUM product forwards DRUM-k and passes dy·1[|dy| < 1] back as the exact product would', () => {
    const x = tf.tensor2d([
      [0.5, -1.25],
      [2, 0.75],
    ]);
    const kernel = tf.tensor2d([
      [0.3, -0.7, 1.1],
      [0.9, 0.2, -0.4],
    ]);
    const dy = tf.tensor2d([
      [0.5, 3, -0.2],
      [-2, 0.1, 0.9],
    ]);
    const hw = { kind: 'drum' as const, k: 2, actBits: 16, weightBits: 16 };
    const product = createDrumProductSte(hw, 1);
    const { value, grads } = tf.valueAndGrads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(product(a, b), dy)))([x, kernel]);
    expect(Array.from(value.dataSync())[0]).toBeCloseTo(tf.sum(tf.mul(computeDrumProduct(x, kernel, hw), dy)).dataSync()[0], 5);
    const g = tf.mul(dy, tf.cast(tf.less(tf.abs(dy), 1), 'float32'));
    expect(Array.from(grads[0].dataSync())).toEqual(Array.from(tf.matMul(g, kernel, false, true).dataSync()));
    expect(Array.from(grads[1].dataSync())).toEqual(Array.from(tf.matMul(x, g, true, false).dataSync()));
  });

  it('an NTV read forwards the flipped words and passes the masked gradient to the stored weights', () => {
    const kernel = tf.tensor2d([
      [0.25, -0.5],
      [0.125, 0.75],
    ]);
    const bias = tf.tensor1d([0.1, -0.2]);
    const masks = Int32Array.from([0b1, 0, 0b10000000, 0, 0, 0b100]);
    const f = (k: tf.Tensor, b: tf.Tensor) => {
      const read = readStoredWeightsSte(k, b, 8, { kind: 'masks', masks }, 1);
      return tf.add(
        tf.sum(
          tf.mul(
            read.kernel,
            tf.tensor2d([
              [0.5, 2],
              [-0.3, 1],
            ]),
          ),
        ),
        tf.sum(read.bias),
      );
    };
    const { grads } = tf.valueAndGrads(f)([kernel, bias]);
    expect(Array.from(grads[0].dataSync())).toEqual([0.5, 0, -0.30000001192092896, 0]); // |2| and |1| ≥ 1: masked
    expect(Array.from(grads[1].dataSync())).toEqual([0, 0]); // dy = 1 on each bias: masked at threshold 1
    const expected = flipStoredWeightsTensor([kernel, bias], 8, { kind: 'masks', masks }).flipped;
    const read = readStoredWeightsSte(kernel, bias, 8, { kind: 'masks', masks }, null);
    expect(Array.from(read.kernel.dataSync())).toEqual(Array.from(expected[0].dataSync()));
    expect(Array.from(read.bias.dataSync())).toEqual(Array.from(expected[1].dataSync()));
  });
});
