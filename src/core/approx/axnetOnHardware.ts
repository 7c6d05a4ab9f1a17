/**
 * AXNet's fused net on approximate hardware (issue 9 §5), in float64: the forward of src/core/axnetMath.ts
 * (eq. 3–4) over a whole test set, with a DRUM-k multiplier in every dense product or with the weights read back
 * from NTV SRAM, scored with the §V metrics (src/core/metrics.ts). The tf twin is evaluateAxnetOnHardware
 * (src/ml/axtrain/axnetHardware.ts); this module reproduces its semantics, so that both give the same numbers to
 * float32 rounding (axnetOnHardware.test.ts checks it):
 * - DRUM-k (reference A.4.1): the input rows of each layer x [rows × fanIn] and its kernel W in 16-bit dynamic fixed
 *   point, each with its own format chosen from the whole test set's x and from W (chooseFormat, I as small as
 *   the data allows), every product by DRUM-k on the words in exact sign-magnitude, the products summed exactly,
 *   then scaled and the bias added exactly:
 *     y_j = 2^−(f_x + f_W) · Σ_i DRUM_k(q_x,i, q_W,ij) + b_j,   q = clamp(round(v · 2^f))
 *   The predictor decides on the DRUM hardware too. ⊙c(i) is an exact multiply (the tf model's tf.mul).
 * - NTV (reference A.4.2): each layer's kernel and bias (kernel words row-major, then the bias) in one 8-bit
 *   two's-complement format with I ≥ 0, one W-bit flip mask per stored word, drawn for the approximator's layers
 *   then the predictor's, in layer order, from createRng(seed, 'ntv-axnet-<mV>'); R runs, each with fresh masks
 *   over the whole test set; every metric as mean ± std over the runs (n − 1; computeMeanStd).
 * - exact: the plain float64 forward, bit for bit computeAxnetForward's sums.
 * The work is a generator of steps of at most HARDWARE_STEP_WORK multiply-adds (a block of rows of one layer), so
 * that the page can run it with src/core/cooperative.ts without a long task; runToCompletion runs it at once.
 * Energy: the fused net's multiplies × priceDrumMultiply(k), or its stored words × priceWeightRead(V), as the tf
 * twin prices them (estimates, src/core/approx/energy.ts); the NPU's own energy model prices the same hardware
 * through resolveEnergyRates (src/core/npu/energy.ts).
 */
import { computeMeanStd, type HardwareSetting, type MeanStd } from '../axtrain/report';
import { getControlWidths, getFusedLayers, getPredictionWidth, validateAxnetParams, type AxnetParams, type DenseLayerParams } from '../axnetMath';
import { runToCompletion } from '../cooperative';
import { computeInvocationMetrics, computeSampleErrors, type InvocationMetrics } from '../metrics';
import type { NpuConstantId } from '../npu/constants';
import { createRng, type Rng } from '../rng';
import type { ErrorMetricId } from '../targets/types';
import { drumOperand } from './drum';
import { priceDrumMultiply, priceWeightRead, type ApproxEnergyPrice } from './energy';
import { DRUM_OPERAND_MIN_INT_BITS, STORED_WEIGHT_MIN_INT_BITS, applyFlipMasks, chooseFormat, dequantize, drawFlipMasks, quantize, type FixedPointFormat } from './fixedPoint';
import { NTV_RNG_STREAM } from './ntv';
import { NPU_DRUM_OPERAND_BITS, NPU_NTV_RUNS, NPU_NTV_WORD_BITS } from './npuHardware';

/**
 * Work units of one step: multiply-adds, plus DRUM_OPERAND_WORK per DRUM operand formed. Measured in Node 20 on
 * this machine (2048 samples, A 6-64-64-1, C 6-32-130): a step takes 0.1–0.25 ms (median), so a 10 ms slice runs
 * dozens; exact 110 ms in 287 steps, DRUM-4 190 ms, NTV 20 runs 1.0–1.2 s. Single steps of 12–60 ms were seen
 * while other jobs shared the 2 cores (garbage collection or preemption, not the step's work).
 */
export const HARDWARE_STEP_WORK = 2 ** 16;
/** Cost of forming one DRUM operand (quantize, leading one, truncate) in multiply-adds (lab estimate for step sizing only). */
const DRUM_OPERAND_WORK = 16;

export interface HardwareTestSet {
  /** [samples × inputDim], row-major. */
  x: ArrayLike<number>;
  /** [samples × outputDim], row-major. */
  y: ArrayLike<number>;
  inputDim: number;
  outputDim: number;
}

export interface AxnetHardwareOptions {
  setting: HardwareSetting;
  /** The target's error metric and bound (§V: safe ⇔ error ≤ bound). */
  metric: ErrorMetricId;
  errorBound: number;
  /** The run's seed: NTV masks come from its stream 'ntv-axnet-<mV>'. */
  seed: number;
  /** NTV runs R (default NPU_NTV_RUNS = 20; the tf twin and the CLI use 50). */
  runs?: number;
  /** NTV stored word width (default 8). */
  wordBits?: number;
  /** DRUM operand width (default 16). */
  drumBits?: number;
  /** Edited NPU constants, for the energy prices. */
  overrides?: Partial<Record<NpuConstantId, number>>;
}

export interface AxnetHardwareEvaluation {
  setting: HardwareSetting;
  /** §V metrics: one value (exact, DRUM) or mean ± std over the NTV runs. */
  trueInvocation: MeanStd;
  predictedInvocation: MeanStd;
  /** Mean error of the samples predicted safe, over the runs that predicted any. */
  overallError: MeanStd;
  predictionAccuracy: MeanStd;
  /** The fused net's multiplies × DRUM-k price (DRUM) or stored words × NTV read price (NTV), pJ; null for exact (estimates). */
  energyPj: number | null;
  /** Per operation, approximate / exact; null for exact. */
  energyRatio: number | null;
  /** The price of one operation with its formula and sources; null for exact. */
  price: ApproxEnergyPrice | null;
  /** Σ fanIn·fanOut and Σ (fanIn·fanOut + fanOut) over both nets. */
  multiplies: number;
  storedWords: number;
  /** The §V metrics of every run (one for exact and DRUM). */
  perRun: InvocationMetrics[];
}

export interface HardwareEvaluationProgress {
  /** Fraction of the work done, 0…1. */
  fraction: number;
  /** 0-based run in progress, of `runs`. */
  run: number;
  runs: number;
}

/** How every dense product of one forward is computed: exact float64, or DRUM-k on `bits`-bit words. */
export type HardwareMultiplier = { kind: 'exact' } | { kind: 'drum'; k: number; bits: number };
type Multiplier = HardwareMultiplier;

interface WorkCounter {
  done: number;
  total: number;
  run: number;
  runs: number;
}

function report(counter: WorkCounter): HardwareEvaluationProgress {
  return { fraction: counter.total > 0 ? Math.min(1, counter.done / counter.total) : 1, run: counter.run, runs: counter.runs };
}

/** Rows of a block whose work stays within HARDWARE_STEP_WORK (at least one row). */
function countBlockRows(workPerRow: number): number {
  return Math.max(1, Math.floor(HARDWARE_STEP_WORK / Math.max(workPerRow, 1)));
}

/** sgn(q)·q̃: the signed DRUM-k operand (exact sign-magnitude), so that x̃·w̃ = drumMultiply(q_x, q_w, k). */
function signedDrumOperand(q: number, k: number): number {
  return q < 0 ? -drumOperand(-q, k) : drumOperand(q, k);
}

/** The DRUM operands of a block of words. */
function toDrumOperands(words: Int32Array, k: number): Float64Array {
  const out = new Float64Array(words.length);
  for (let i = 0; i < words.length; i++) out[i] = signedDrumOperand(words[i], k);
  return out;
}

/**
 * Σ_i DRUM_k(q_x[s,i], q_W[i,j]) for rows s of xOperands [rows × fanIn] and units j of kernelOperands [fanIn × fanOut],
 * from the signed DRUM operands (toDrumOperands): integers, exact in float64 while the sum stays below 2^53
 * (16-bit words: |x̃|, |w̃| ≤ 2^16, so any fanIn below 2^21).
 */
export function accumulateDrumProducts(xOperands: Float64Array, kernelOperands: Float64Array, fanIn: number, fanOut: number): Float64Array {
  const rows = Math.floor(xOperands.length / fanIn);
  const out = new Float64Array(rows * fanOut);
  for (let s = 0; s < rows; s++) {
    for (let j = 0; j < fanOut; j++) {
      let sum = 0;
      for (let i = 0; i < fanIn; i++) sum += xOperands[s * fanIn + i] * kernelOperands[i * fanOut + j];
      out[s * fanOut + j] = sum;
    }
  }
  return out;
}

/** The DRUM format of a layer's input: only max|x| matters to chooseFormat, found block by block. */
function* chooseInputFormat(input: Float64Array, fanIn: number, bits: number, counter: WorkCounter): Generator<HardwareEvaluationProgress, FixedPointFormat> {
  const block = countBlockRows(fanIn) * fanIn;
  let maxAbs = 0;
  for (let start = 0; start < input.length; start += block) {
    const end = Math.min(input.length, start + block);
    for (let i = start; i < end; i++) {
      const v = Math.abs(input[i]);
      if (Number.isNaN(v)) throw new RangeError('A layer input is NaN: the net cannot be quantized for DRUM (train it again)');
      if (v > maxAbs) maxAbs = v;
    }
    yield report(counter);
  }
  return chooseFormat([maxAbs], bits, { minIntBits: DRUM_OPERAND_MIN_INT_BITS });
}

/**
 * One dense layer over every row: out[s, j] = (b_j if withBias, else 0) + Σ_i x[s, i]·W[i, j] with the multiplier's
 * products. Exact: the sum starts at the bias and adds the products in i order, as computeDenseLayer /
 * computeDenseProduct do. input: [rows × fanIn] → [rows × fanOut].
 */
function* computeLayerRows(
  layer: DenseLayerParams,
  input: Float64Array,
  rows: number,
  withBias: boolean,
  multiplier: Multiplier,
  counter: WorkCounter,
): Generator<HardwareEvaluationProgress, Float64Array> {
  const { fanIn, fanOut, kernel, bias } = layer;
  const out = new Float64Array(rows * fanOut);
  if (multiplier.kind === 'exact') {
    const block = countBlockRows(fanIn * fanOut);
    for (let start = 0; start < rows; start += block) {
      const end = Math.min(rows, start + block);
      for (let s = start; s < end; s++) {
        for (let j = 0; j < fanOut; j++) {
          let sum = withBias ? bias[j] : 0;
          for (let i = 0; i < fanIn; i++) sum += input[s * fanIn + i] * kernel[i * fanOut + j];
          out[s * fanOut + j] = sum;
        }
      }
      counter.done += (end - start) * fanIn * fanOut;
      yield report(counter);
    }
    return out;
  }
  // DRUM-k: per-layer formats of x (from every row) and of W; y = 2^−(f_x + f_W) · Σ DRUM_k(q_x, q_W) + b.
  const { k, bits } = multiplier;
  const inputFormat = yield* chooseInputFormat(input, fanIn, bits, counter);
  const kernelFormat = chooseFormat(kernel, bits, { minIntBits: DRUM_OPERAND_MIN_INT_BITS });
  const kernelOperands = toDrumOperands(quantize(kernel, kernelFormat), k);
  const lsb = 2 ** -inputFormat.fracBits * 2 ** -kernelFormat.fracBits;
  const block = countBlockRows(fanIn * (fanOut + DRUM_OPERAND_WORK));
  for (let start = 0; start < rows; start += block) {
    const end = Math.min(rows, start + block);
    const xOperands = toDrumOperands(quantize(input.subarray(start * fanIn, end * fanIn), inputFormat), k);
    const sums = accumulateDrumProducts(xOperands, kernelOperands, fanIn, fanOut);
    for (let s = 0; s < end - start; s++) {
      for (let j = 0; j < fanOut; j++) out[(start + s) * fanOut + j] = sums[s * fanOut + j] * lsb + (withBias ? bias[j] : 0);
    }
    counter.done += (end - start) * fanIn * fanOut;
    yield report(counter);
  }
  return out;
}

function applyRelu(values: Float64Array): Float64Array {
  for (let i = 0; i < values.length; i++) values[i] = Math.max(values[i], 0);
  return values;
}

export interface FusedNetOutputs {
  /** H(x): [rows × outputDim]. */
  output: Float64Array;
  /** z_safe − z_unsafe (softmax P(x)) or z (sigmoid): predicted safe ⇔ gap > 0. [rows] */
  logitGap: Float64Array;
}

/**
 * The fused net (eq. 3–4) over all rows, layer by layer (the DRUM formats need a layer's whole input): the predictor
 * → [c(i)…, z], then the approximator with ⊙c(i) after the activation (default) or inside it (eq. 4 as printed),
 * exactly as computeAxnetForward. x: [rows × inputDim].
 */
function* forwardFusedNetRows(
  params: AxnetParams,
  x: ArrayLike<number>,
  rows: number,
  multiplier: Multiplier,
  counter: WorkCounter,
): Generator<HardwareEvaluationProgress, FusedNetOutputs> {
  const inputDim = params.approximator[0].fanIn;
  const input = new Float64Array(rows * inputDim);
  for (let i = 0; i < input.length; i++) input[i] = x[i];
  let h: Float64Array = input;
  const last = params.predictor.length - 1;
  for (let k = 0; k <= last; k++) {
    h = yield* computeLayerRows(params.predictor[k], h, rows, true, multiplier, counter);
    if (k < last) applyRelu(h);
  }
  const predictorWidth = params.predictor[last].fanOut;
  const fusedLayers = getFusedLayers(params);
  const widths = getControlWidths(params);
  const offsets = widths.map((_, k) => widths.slice(0, k).reduce((a, b) => a + b, 0));
  const logitOffset = widths.reduce((a, b) => a + b, 0);
  const sigmoid = (params.predictionOutput ?? 'softmax') === 'sigmoid';
  if (predictorWidth !== logitOffset + getPredictionWidth(sigmoid ? 'sigmoid' : 'softmax')) throw new Error('AXNet predictor output width does not match eq. 3');
  const logitGap = new Float64Array(rows);
  for (let s = 0; s < rows; s++) {
    const z = s * predictorWidth + logitOffset;
    logitGap[s] = sigmoid ? h[z] : h[z + 1] - h[z];
  }
  const inside = (params.controlPlacement ?? 'afterActivation') === 'insideActivation';
  const hiddenCount = params.approximator.length - 1;
  let a: Float64Array = input;
  for (let i = 0; i < hiddenCount; i++) {
    const layer = params.approximator[i];
    const k = fusedLayers.indexOf(i);
    if (k < 0) {
      // unfused layer (§III-D): a(i+1) = f(W(i)ᵀ a(i) + b(i)), no ⊙c
      a = applyRelu(yield* computeLayerRows(layer, a, rows, true, multiplier, counter));
      continue;
    }
    const width = layer.fanOut;
    const controls = h; // c(i)_j of row s: controls[s · predictorWidth + offsets[k] + j]
    const offset = offsets[k];
    if (inside) {
      // a(i+1) = f(W(i)ᵀ a(i) ⊙ c(i) + b(i))  (eq. 4 as printed); f = ReLU
      const product = yield* computeLayerRows(layer, a, rows, false, multiplier, counter);
      for (let s = 0; s < rows; s++) {
        for (let j = 0; j < width; j++) product[s * width + j] = Math.max(product[s * width + j] * controls[s * predictorWidth + offset + j] + layer.bias[j], 0);
      }
      a = product;
    } else {
      // a(i+1) = f(W(i)ᵀ a(i) + b(i)) ⊙ c(i)  (Algorithm 1 line 9, §IV, authors' code); f = ReLU
      const activated = applyRelu(yield* computeLayerRows(layer, a, rows, true, multiplier, counter));
      for (let s = 0; s < rows; s++) for (let j = 0; j < width; j++) activated[s * width + j] *= controls[s * predictorWidth + offset + j];
      a = activated;
    }
  }
  const output = yield* computeLayerRows(params.approximator[hiddenCount], a, rows, true, multiplier, counter);
  return { output, logitGap };
}

function createCounter(): WorkCounter {
  return { done: 0, total: 0, run: 0, runs: 1 };
}

/** One dense layer on `multiplier` over the rows of input [rows × fanIn] → [rows × fanOut], at once (tests, the explorer). */
export function computeLayerOnHardware(layer: DenseLayerParams, input: Float64Array, multiplier: HardwareMultiplier, withBias = true): Float64Array {
  return runToCompletion(computeLayerRows(layer, input, Math.floor(input.length / layer.fanIn), withBias, multiplier, createCounter()));
}

/** The fused net on `multiplier` over the rows of x [rows × inputDim], at once. */
export function forwardAxnetOnHardware(params: AxnetParams, x: ArrayLike<number>, multiplier: HardwareMultiplier): FusedNetOutputs {
  validateAxnetParams(params);
  return runToCompletion(forwardFusedNetRows(params, x, Math.floor(x.length / params.approximator[0].fanIn), multiplier, createCounter()));
}

/** §V metrics of one forward: errors of H(x) against y, decisions gap > 0 (computeInvocationMetrics). */
function scoreForward(forward: FusedNetOutputs, testSet: HardwareTestSet, metric: ErrorMetricId, errorBound: number): InvocationMetrics {
  const { outputDim } = testSet;
  const errors = computeSampleErrors(metric, forward.output, testSet.y, outputDim);
  const meanErrors = outputDim > 1 && metric !== 'rms' ? computeSampleErrors(metric, forward.output, testSet.y, outputDim, 'meanOverOutputs') : errors;
  return computeInvocationMetrics(
    errors,
    Uint8Array.from(forward.logitGap, (g) => (g > 0 ? 1 : 0)),
    errorBound,
    meanErrors,
  );
}

/**
 * One layer's kernel and bias as read back from NTV SRAM: stored (float32, as the tf twin stores them) in one
 * per-layer W-bit format with I ≥ 0, masks drawn from rng (kernel words row-major, then the bias), q' = bits(q) ⊕ mask.
 */
export function readLayerFromNtv(layer: DenseLayerParams, wordBits: number, flipRate: number, rng: Rng): DenseLayerParams {
  const n = layer.kernel.length;
  const values = new Float32Array(n + layer.bias.length);
  for (let i = 0; i < n; i++) values[i] = layer.kernel[i];
  for (let j = 0; j < layer.bias.length; j++) values[n + j] = layer.bias[j];
  const format = chooseFormat(values, wordBits, { minIntBits: STORED_WEIGHT_MIN_INT_BITS });
  const words = quantize(values, format);
  const readBack = dequantize(applyFlipMasks(words, drawFlipMasks(words.length, wordBits, flipRate, rng), wordBits), format);
  return { fanIn: layer.fanIn, fanOut: layer.fanOut, kernel: readBack.subarray(0, n), bias: readBack.subarray(n) };
}

function countSamples(params: AxnetParams, testSet: HardwareTestSet): number {
  if (testSet.inputDim !== params.approximator[0].fanIn) throw new Error(`The test set has ${testSet.inputDim} inputs, the net takes ${params.approximator[0].fanIn}`);
  const outputDim = params.approximator[params.approximator.length - 1].fanOut;
  if (testSet.outputDim !== outputDim) throw new Error(`The test set has ${testSet.outputDim} outputs, the net gives ${outputDim}`);
  const samples = Math.floor(testSet.x.length / testSet.inputDim);
  if (testSet.y.length !== samples * testSet.outputDim) throw new Error(`The test set has ${samples} inputs but ${testSet.y.length / testSet.outputDim} targets`);
  return samples;
}

/**
 * AXNet's §V metrics on `options.setting`, as a generator of steps (module comment). Drive it with
 * runCooperatively (the page) or runToCompletion (tests, the CLI).
 */
export function* evaluateAxnetOnHardwareSteps(
  params: AxnetParams,
  testSet: HardwareTestSet,
  options: AxnetHardwareOptions,
): Generator<HardwareEvaluationProgress, AxnetHardwareEvaluation> {
  validateAxnetParams(params);
  const samples = countSamples(params, testSet);
  const { setting, metric, errorBound } = options;
  const layers = [...params.approximator, ...params.predictor];
  const multiplies = layers.reduce((sum, l) => sum + l.fanIn * l.fanOut, 0);
  const storedWords = layers.reduce((sum, l) => sum + l.fanIn * l.fanOut + l.fanOut, 0);
  const runs = setting.kind === 'ntv' ? Math.max(1, Math.floor(options.runs ?? NPU_NTV_RUNS)) : 1;
  const counter: WorkCounter = { done: 0, total: runs * samples * multiplies, run: 0, runs };
  const perRun: InvocationMetrics[] = [];
  let price: ApproxEnergyPrice | null = null;
  let energyPj: number | null = null;
  switch (setting.kind) {
    case 'exact':
    case 'drum': {
      const multiplier: Multiplier = setting.kind === 'exact' ? { kind: 'exact' } : { kind: 'drum', k: setting.k, bits: options.drumBits ?? NPU_DRUM_OPERAND_BITS };
      perRun.push(scoreForward(yield* forwardFusedNetRows(params, testSet.x, samples, multiplier, counter), testSet, metric, errorBound));
      if (setting.kind === 'drum') {
        price = priceDrumMultiply(setting.k, options.overrides);
        energyPj = price.pj * multiplies;
      }
      break;
    }
    case 'ntv': {
      const wordBits = options.wordBits ?? NPU_NTV_WORD_BITS;
      const rng = createRng(options.seed, `${NTV_RNG_STREAM}-axnet-${setting.voltageMv}`);
      for (let run = 0; run < runs; run++) {
        counter.run = run;
        // Every layer of both nets read from faulty SRAM: approximator layers first, then the predictor's (the tf twin's order).
        const approximator = params.approximator.map((layer) => readLayerFromNtv(layer, wordBits, setting.flipRate, rng));
        const predictor = params.predictor.map((layer) => readLayerFromNtv(layer, wordBits, setting.flipRate, rng));
        const forward = yield* forwardFusedNetRows({ ...params, approximator, predictor }, testSet.x, samples, { kind: 'exact' }, counter);
        perRun.push(scoreForward(forward, testSet, metric, errorBound));
      }
      price = priceWeightRead({ voltageV: setting.voltageMv / 1000, wordBits, memoryBytes: (storedWords * wordBits) / 8, overrides: options.overrides });
      energyPj = price.pj * storedWords;
      break;
    }
    default: {
      const unknown: never = setting;
      throw new Error(`Unsupported hardware setting: ${JSON.stringify(unknown)}`);
    }
  }
  return {
    setting,
    trueInvocation: computeMeanStd(perRun.map((m) => m.trueInvocation)),
    predictedInvocation: computeMeanStd(perRun.map((m) => m.predictedInvocation)),
    overallError: computeMeanStd(perRun.map((m) => m.overallError).filter((e): e is number => e !== null)),
    predictionAccuracy: computeMeanStd(perRun.map((m) => m.predictionAccuracy)),
    energyPj,
    energyRatio: price ? price.pj / price.exactPj : null,
    price,
    multiplies,
    storedWords,
    perRun,
  };
}
