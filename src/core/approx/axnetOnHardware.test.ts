import { describe, expect, it } from 'vitest';
import { computeMeanStd, type HardwareSetting } from '../axtrain/report';
import { computeAxnetForward, type AxnetParams, type DenseLayerParams } from '../axnetMath';
import { runToCompletion } from '../cooperative';
import { computeInvocationMetrics, computeSampleErrors } from '../metrics';
import { createRng } from '../rng';
import {
  HARDWARE_STEP_WORK,
  computeLayerOnHardware,
  evaluateAxnetOnHardwareSteps,
  forwardAxnetOnHardware,
  readLayerFromNtv,
  type AxnetHardwareOptions,
  type HardwareTestSet,
} from './axnetOnHardware';
import { drumMultiply } from './drum';
import { priceDrumMultiply, priceWeightRead } from './energy';
import { DRUM_OPERAND_MIN_INT_BITS, chooseFormat, dequantize, quantize } from './fixedPoint';

/** A layer with N(0, 1/fanIn) weights and small biases, like a trained net's (float32, as trained weights are). */
function makeLayer(fanIn: number, fanOut: number, seed: number, grid?: number): DenseLayerParams {
  const rng = createRng(seed, `layer-${fanIn}-${fanOut}`);
  const draw = (scale: number) => {
    const v = rng.normal() * scale;
    return grid ? Math.max(-127, Math.min(127, Math.round(v * grid))) / grid : v;
  };
  return {
    fanIn,
    fanOut,
    kernel: Float32Array.from({ length: fanIn * fanOut }, () => draw(1 / Math.sqrt(fanIn))),
    bias: Float32Array.from({ length: fanOut }, () => draw(0.1)),
  };
}

/** Approximator 3-12-8-2 (both hidden layers fused), predictor 3-10-(12+8+2). grid: weights on the 8-bit grid m/128. */
function makeNet(seed: number, options: { grid?: number; controlPlacement?: AxnetParams['controlPlacement'] } = {}): AxnetParams {
  return {
    approximator: [makeLayer(3, 12, seed, options.grid), makeLayer(12, 8, seed + 1, options.grid), makeLayer(8, 2, seed + 2, options.grid)],
    predictor: [makeLayer(3, 10, seed + 3, options.grid), makeLayer(10, 22, seed + 4, options.grid)],
    controlPlacement: options.controlPlacement,
  };
}

/**
 * Inputs in [−1, 1]; the z_safe bias shifted so that about half the inputs are predicted safe (kept on the grid when
 * there is one); targets = the exact output plus noise, so that some samples are within the bound and some not.
 */
function makeFixture(seed: number, samples: number, options: { grid?: number } = {}): { net: AxnetParams; testSet: HardwareTestSet & { x: Float32Array; y: Float32Array } } {
  const net = makeNet(seed, options);
  const rng = createRng(seed, 'test-set');
  const x = Float32Array.from({ length: samples * 3 }, () => 2 * rng.next() - 1);
  const gaps = Array.from({ length: samples }, (_, s) => {
    const logits = computeAxnetForward(net, x.subarray(3 * s, 3 * s + 3)).logits;
    return logits[1] - logits[0];
  }).sort((a, b) => a - b);
  const zSafeBias = net.predictor[1].bias as Float32Array;
  const shift = gaps[Math.floor(samples / 2)];
  zSafeBias[21] -= options.grid ? Math.round(shift * options.grid) / options.grid : shift;
  const y = new Float32Array(samples * 2);
  for (let s = 0; s < samples; s++) {
    const out = computeAxnetForward(net, x.subarray(3 * s, 3 * s + 3)).output;
    for (let j = 0; j < 2; j++) y[2 * s + j] = out[j] + 0.1 * rng.normal();
  }
  return { net, testSet: { x, y, inputDim: 3, outputDim: 2 } };
}

const BASE: Omit<AxnetHardwareOptions, 'setting'> = { metric: 'absolute', errorBound: 0.1, seed: 7 };

function evaluate(params: AxnetParams, testSet: HardwareTestSet, setting: HardwareSetting, extra: Partial<AxnetHardwareOptions> = {}) {
  return runToCompletion(evaluateAxnetOnHardwareSteps(params, testSet, { ...BASE, ...extra, setting }));
}

function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

describe('AXNet on approximate hardware, float64 (issue 9 §5)', () => {
  const { net, testSet } = makeFixture(11, 400);

  it('exact: the layer-by-layer forward is computeAxnetForward bit for bit, either ⊙c placement, and its metrics are §V’s', () => {
    for (const placement of ['afterActivation', 'insideActivation'] as const) {
      const params = { ...net, controlPlacement: placement };
      const forward = forwardAxnetOnHardware(params, testSet.x, { kind: 'exact' });
      const decisions = new Uint8Array(400);
      const outputs = new Float64Array(800);
      for (let s = 0; s < 400; s++) {
        const reference = computeAxnetForward(params, testSet.x.subarray(3 * s, 3 * s + 3));
        expect(Array.from(forward.output.subarray(2 * s, 2 * s + 2))).toEqual(Array.from(reference.output));
        expect(forward.logitGap[s]).toBe(reference.logits[1] - reference.logits[0]);
        decisions[s] = reference.logits[1] > reference.logits[0] ? 1 : 0;
        outputs.set(reference.output, 2 * s);
      }
      const expected = computeInvocationMetrics(
        computeSampleErrors('absolute', outputs, testSet.y, 2),
        decisions,
        0.1,
        computeSampleErrors('absolute', outputs, testSet.y, 2, 'meanOverOutputs'),
      );
      const exact = evaluate(params, testSet, { kind: 'exact' });
      expect(exact.perRun).toEqual([expected]);
      expect(exact.trueInvocation).toEqual({ mean: expected.trueInvocation, std: 0, runs: 1 });
      expect(exact.overallError.mean).toBe(expected.overallError);
      expect(exact.energyPj).toBeNull();
      expect(expected.trueInvocation).toBeGreaterThan(0.2); // the fixture has both safe and unsafe samples
      expect(expected.trueInvocation).toBeLessThan(0.9);
      expect(expected.predictedInvocation).toBeGreaterThan(0.05);
      expect(expected.predictedInvocation).toBeLessThan(0.95);
    }
  });

  it('DRUM-k: each layer is 2^−(f_x + f_W) · Σ drumMultiply(q_x, q_W, k) + b on the per-layer 16-bit words', () => {
    const layer = makeLayer(7, 5, 5);
    const rng = createRng(2, 'inputs');
    const rows = 9;
    const input = Float64Array.from({ length: rows * 7 }, () => 3 * rng.normal()); // signed inputs: sign-magnitude
    for (const k of [1, 3, 5, 8]) {
      const ours = computeLayerOnHardware(layer, input, { kind: 'drum', k, bits: 16 });
      const inputFormat = chooseFormat(input, 16, { minIntBits: DRUM_OPERAND_MIN_INT_BITS });
      const kernelFormat = chooseFormat(layer.kernel, 16, { minIntBits: DRUM_OPERAND_MIN_INT_BITS });
      const qx = quantize(input, inputFormat);
      const qw = quantize(layer.kernel, kernelFormat);
      for (let s = 0; s < rows; s++) {
        for (let j = 0; j < 5; j++) {
          let sum = 0;
          for (let i = 0; i < 7; i++) sum += drumMultiply(qx[s * 7 + i], qw[i * 5 + j], k);
          expect(ours[s * 5 + j]).toBe(sum * 2 ** -(inputFormat.fracBits + kernelFormat.fracBits) + layer.bias[j]);
        }
      }
      expect(computeLayerOnHardware(layer, input, { kind: 'drum', k, bits: 16 }, false)[0]).toBe(ours[0] - layer.bias[0]);
    }
  });

  it('DRUM-k: 16 bits at k = 16 is plain fixed point; k = 8 stays within a few per cent of exact, and error falls with k', () => {
    const exact = forwardAxnetOnHardware(net, testSet.x, { kind: 'exact' });
    const scale = maxAbsDifference(exact.output, new Float64Array(exact.output.length));
    const deviation = (k: number) => maxAbsDifference(forwardAxnetOnHardware(net, testSet.x, { kind: 'drum', k, bits: 16 }).output, exact.output) / scale;
    expect(deviation(16)).toBeLessThan(1e-3); // DRUM is exact below 2^k: only the 16-bit quantization remains
    const [d1, d4, d8] = [1, 4, 8].map(deviation);
    expect(d8).toBeLessThan(0.05);
    expect(d8).toBeLessThan(d4);
    expect(d4).toBeLessThan(d1);
    const exactMetrics = evaluate(net, testSet, { kind: 'exact' });
    const drum8 = evaluate(net, testSet, { kind: 'drum', k: 8 });
    expect(Math.abs(drum8.trueInvocation.mean - exactMetrics.trueInvocation.mean)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(drum8.predictedInvocation.mean - exactMetrics.predictedInvocation.mean)).toBeLessThanOrEqual(0.03);
    expect(Math.abs(drum8.overallError.mean - exactMetrics.overallError.mean)).toBeLessThan(0.1 * exactMetrics.overallError.mean);
    // Energy: the fused net's multiplies × the DRUM-k price (estimate).
    const multiplies = 3 * 12 + 12 * 8 + 8 * 2 + 3 * 10 + 10 * 22;
    expect(drum8.multiplies).toBe(multiplies);
    expect(drum8.energyPj).toBeCloseTo(priceDrumMultiply(8).pj * multiplies, 12);
    expect(drum8.energyRatio).toBeCloseTo(1 - priceDrumMultiply(8).saving, 12);
    expect(evaluate(net, testSet, { kind: 'drum', k: 2 }, { overrides: { intMult16: 2 } }).price?.pj).toBeCloseTo(priceDrumMultiply(2, { intMult16: 2 }).pj, 12);
  });

  it('NTV at p = 0 is the exact forward of the stored 8-bit weights, and exact itself when the weights are on the grid', () => {
    const p0: HardwareSetting = { kind: 'ntv', voltageMv: 400, flipRate: 0 };
    // Every weight m/128, |m| ≤ 127: one 8-bit format (I = 0, f = 7) per layer holds it exactly.
    const { net: gridNet, testSet: gridSet } = makeFixture(21, 300, { grid: 128 });
    const exact = evaluate(gridNet, gridSet, { kind: 'exact' });
    const ntv = evaluate(gridNet, gridSet, p0, { runs: 3 });
    expect(ntv.perRun).toEqual([exact.perRun[0], exact.perRun[0], exact.perRun[0]]);
    expect(ntv.trueInvocation.mean).toBeCloseTo(exact.trueInvocation.mean, 14);
    expect(ntv.trueInvocation.std).toBeLessThan(1e-15);
    // Off the grid: the same as exact on the weights quantized to 8 bits and read back.
    const stored = (layers: readonly DenseLayerParams[]) =>
      layers.map((layer) => {
        const values = Float32Array.from([...Array.from(layer.kernel), ...Array.from(layer.bias)]);
        const back = dequantize(quantize(values, chooseFormat(values, 8)), chooseFormat(values, 8));
        return { ...layer, kernel: back.subarray(0, layer.kernel.length), bias: back.subarray(layer.kernel.length) };
      });
    const quantized = { ...net, approximator: stored(net.approximator), predictor: stored(net.predictor) };
    expect(evaluate(net, testSet, p0, { runs: 2 }).perRun[1]).toEqual(evaluate(quantized, testSet, { kind: 'exact' }).perRun[0]);
  });

  it('NTV: R runs with masks from the stream ntv-axnet-<mV> (approximator layers, then the predictor’s), mean ± std over the runs', () => {
    const setting: HardwareSetting = { kind: 'ntv', voltageMv: 660, flipRate: 0.01 };
    const result = evaluate(net, testSet, setting, { runs: 5 });
    expect(result.perRun).toHaveLength(5);
    expect(result.trueInvocation).toEqual(computeMeanStd(result.perRun.map((m) => m.trueInvocation)));
    expect(result.predictedInvocation.runs).toBe(5);
    // Run 1 by hand: the second set of masks of the stream.
    const rng = createRng(BASE.seed, 'ntv-axnet-660');
    for (let run = 0; run < 2; run++) {
      const approximator = net.approximator.map((l) => readLayerFromNtv(l, 8, 0.01, rng));
      const predictor = net.predictor.map((l) => readLayerFromNtv(l, 8, 0.01, rng));
      if (run === 1) expect(evaluate({ ...net, approximator, predictor }, testSet, { kind: 'exact' }).perRun[0]).toEqual(result.perRun[1]);
    }
    expect(evaluate(net, testSet, setting, { runs: 5 })).toEqual(result); // seeded
    expect(evaluate(net, testSet, setting, { runs: 5, seed: 8 }).perRun).not.toEqual(result.perRun);
    // 10 % flips hurt more than 1 %, on average.
    const aggressive = evaluate(net, testSet, { kind: 'ntv', voltageMv: 400, flipRate: 0.1 }, { runs: 5 });
    expect(aggressive.overallError.mean).toBeGreaterThan(result.overallError.mean);
    // Energy: stored words × the NTV read price (estimate).
    const storedWords = result.multiplies + 12 + 8 + 2 + 10 + 22;
    expect(result.storedWords).toBe(storedWords);
    const price = priceWeightRead({ voltageV: 0.66, wordBits: 8, memoryBytes: storedWords });
    expect(result.energyPj).toBeCloseTo(price.pj * storedWords, 12);
    expect(result.energyRatio).toBeCloseTo((0.66 / 1.1) ** 2, 12);
  });

  it('works in steps of at most HARDWARE_STEP_WORK multiply-adds, reporting progress up to 1', () => {
    const wide: AxnetParams = {
      approximator: [makeLayer(3, 96, 1), makeLayer(96, 96, 2), makeLayer(96, 2, 3)],
      predictor: [makeLayer(3, 64, 4), makeLayer(64, 96 + 96 + 2, 5)],
    };
    const rng = createRng(9, 'wide');
    const set = { x: Float32Array.from({ length: 1800 }, () => rng.normal()), y: new Float32Array(1200), inputDim: 3, outputDim: 2 };
    for (const setting of [
      { kind: 'drum', k: 4 },
      { kind: 'ntv', voltageMv: 850, flipRate: 0.001 },
    ] as HardwareSetting[]) {
      const steps = evaluateAxnetOnHardwareSteps(wide, set, { ...BASE, setting, runs: 3 });
      const runs = setting.kind === 'ntv' ? 3 : 1;
      const total = runs * 600 * (3 * 96 + 96 * 96 + 96 * 2 + 3 * 64 + 64 * 194);
      let previous = 0;
      let count = 0;
      for (let step = steps.next(); !step.done; step = steps.next()) {
        const work = (step.value.fraction - previous) * total;
        expect(work).toBeLessThanOrEqual(HARDWARE_STEP_WORK + 1e-6);
        expect(step.value.fraction).toBeGreaterThanOrEqual(previous);
        previous = step.value.fraction;
        count++;
      }
      expect(previous).toBeCloseTo(1, 12);
      expect(count).toBeGreaterThanOrEqual(Math.ceil(total / HARDWARE_STEP_WORK));
    }
  });

  it('fails loudly on a test set that does not fit the net and on NaN inputs to DRUM', () => {
    expect(() => evaluate(net, { ...testSet, inputDim: 2 }, { kind: 'exact' })).toThrow(/inputs/);
    expect(() => evaluate(net, { ...testSet, y: testSet.y.subarray(2) }, { kind: 'exact' })).toThrow(/targets/);
    const nan = { ...testSet, x: Float32Array.from(testSet.x, (v, i) => (i === 4 ? Number.NaN : v)) };
    expect(() => evaluate(net, nan, { kind: 'drum', k: 4 })).toThrow(/NaN/);
  });
});
