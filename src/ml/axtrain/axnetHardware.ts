/**
 * AXNet on approximate hardware (issue 9 §5): a trained AXNet's fused net (approximator + predictor, §III-B) run
 * with DRUM-k multipliers in every dense product, or with its weights read from NTV SRAM (8-bit words flipping at
 * p(V)), and scored with the §V metrics on its test set: the predictor decides on the approximate hardware too, so
 * both the routing (predicted invocation) and the error of what it routes change. NTV: mean ± std over R masks
 * from the stream 'ntv-axnet-<mV>' of the run's seed (the same masks for every method of that seed).
 * Energy per inference: the fused net's multiplies priced by DRUM-k, its stored words by the SRAM read at V
 * (src/core/approx/energy.ts; both estimates).
 */
import * as tf from '@tensorflow/tfjs';
import { cloneConfig, type LabConfig } from '../../core/config';
import type { Dataset } from '../../core/dataset';
import { computeInvocationMetrics, computeSampleErrors } from '../../core/metrics';
import { resolveTarget } from '../../core/targets';
import type { AxnetWeights, DenseLayerWeights } from '../../core/weights';
import { drawFlipMasks } from '../../core/approx/fixedPoint';
import { NTV_RNG_STREAM, NTV_VOLTAGE_PRESETS, type NtvVoltageMv } from '../../core/approx/ntv';
import { priceDrumMultiply, priceWeightRead } from '../../core/approx/energy';
import { computeMeanStd, type HardwareSetting, type MeanStd } from '../../core/axtrain/report';
import { createRng } from '../../core/rng';
import { forwardAxnet, type AxnetTensors, type DenseTensors } from '../axnet';
import { computeDrumProduct, createDrumProductSte, flipStoredWeightsTensor, readStoredWeightsSte, STE_THRESHOLD } from './hardware';
import { createGroupEngine, type ProgramModel } from '../group/engine';
import { buildAxnetProgram, type AxnetTrainingHardware } from '../methods/axnet';

export interface AxnetHardwareResult {
  setting: HardwareSetting;
  trueInvocation: MeanStd;
  predictedInvocation: MeanStd;
  /** Mean error of the inputs predicted safe (null mean when none was). */
  overallError: MeanStd;
  predictionAccuracy: MeanStd;
  /** Estimated energy of one inference of the fused net on this hardware (multiplies for DRUM, weight reads for NTV), pJ; null for exact. */
  energyPj: number | null;
  /** Per operation, approximate / exact. */
  energyRatio: number | null;
}

export interface AxnetHardwareOptions {
  drumKs?: readonly number[];
  voltagesMv?: readonly NtvVoltageMv[];
  runs?: number;
  wordBits?: number;
  drumBits?: number;
}

const toTensors = (layers: readonly DenseLayerWeights[]): DenseTensors[] => layers.map((l) => ({ kernel: tf.tensor2d(l.kernel, [l.fanIn, l.fanOut]), bias: tf.tensor1d(l.bias) }));

export async function evaluateAxnetOnHardware(
  weights: AxnetWeights,
  dataset: Dataset,
  config: Readonly<LabConfig>,
  options: AxnetHardwareOptions = {},
): Promise<AxnetHardwareResult[]> {
  const metric = resolveTarget(config).errorMetric;
  const runs = Math.max(1, Math.floor(options.runs ?? 50));
  const wordBits = options.wordBits ?? 8;
  const drumBits = options.drumBits ?? 16;
  const approximator = toTensors(weights.approximator);
  const predictor = toTensors(weights.predictor);
  const x = tf.tensor2d(dataset.testX, [dataset.testSize, dataset.inputDim]);
  const all = [...weights.approximator, ...weights.predictor];
  const multiplies = all.reduce((sum, l) => sum + l.fanIn * l.fanOut, 0);
  const storedWords = all.reduce((sum, l) => sum + l.fanIn * l.fanOut + l.fanOut, 0);
  const base: AxnetTensors = {
    approximator,
    predictor,
    lone: null,
    fusedLayers: weights.fusedLayers,
    predictionOutput: weights.predictionOutput,
    controlPlacement: weights.controlPlacement,
  };
  /** §V metrics of one forward of the fused net with these tensors. */
  const score = async (params: AxnetTensors) => {
    const [output, gap] = tf.tidy(() => {
      const forward = forwardAxnet(params, x);
      return [forward.output, forward.logitGap];
    });
    try {
      const [out, g] = (await Promise.all([output.data(), gap.data()])) as Float32Array[];
      const errors = computeSampleErrors(metric, out, dataset.testY, dataset.outputDim);
      const meanErrors = dataset.outputDim > 1 && metric !== 'rms' ? computeSampleErrors(metric, out, dataset.testY, dataset.outputDim, 'meanOverOutputs') : errors;
      return computeInvocationMetrics(
        errors,
        Uint8Array.from(g, (v) => (v > 0 ? 1 : 0)),
        config.errorBound,
        meanErrors,
      );
    } finally {
      output.dispose();
      gap.dispose();
    }
  };
  const summarize = (setting: HardwareSetting, metrics: Awaited<ReturnType<typeof score>>[], energyPj: number | null, energyRatio: number | null): AxnetHardwareResult => ({
    setting,
    trueInvocation: computeMeanStd(metrics.map((m) => m.trueInvocation)),
    predictedInvocation: computeMeanStd(metrics.map((m) => m.predictedInvocation)),
    overallError: computeMeanStd(metrics.map((m) => m.overallError).filter((e): e is number => e !== null)),
    predictionAccuracy: computeMeanStd(metrics.map((m) => m.predictionAccuracy)),
    energyPj,
    energyRatio,
  });
  try {
    const results: AxnetHardwareResult[] = [summarize({ kind: 'exact' }, [await score(base)], null, null)];
    for (const k of options.drumKs ?? [1, 2, 3, 4, 5, 6, 7, 8]) {
      const hw = { kind: 'drum' as const, k, actBits: drumBits, weightBits: drumBits };
      const price = priceDrumMultiply(k);
      const metrics = await score({ ...base, multiply: (a, kernel) => computeDrumProduct(a as tf.Tensor2D, kernel as tf.Tensor2D, hw) });
      results.push(summarize({ kind: 'drum', k }, [metrics], price.pj * multiplies, price.pj / price.exactPj));
    }
    for (const preset of NTV_VOLTAGE_PRESETS) {
      if (options.voltagesMv && !options.voltagesMv.includes(preset.voltageMv)) continue;
      const rng = createRng(config.seed, `${NTV_RNG_STREAM}-axnet-${preset.voltageMv}`);
      const metrics = [];
      for (let run = 0; run < runs; run++) {
        // Every layer of both nets read from faulty SRAM: its own per-layer format, one mask per stored word.
        const read = (layers: DenseTensors[]) =>
          layers.map((layer) => {
            const words = layer.kernel.size + layer.bias.size;
            const { flipped } = flipStoredWeightsTensor([layer.kernel, layer.bias], wordBits, { kind: 'masks', masks: drawFlipMasks(words, wordBits, preset.flipRate, rng) });
            return { kernel: flipped[0], bias: flipped[1] };
          });
        const noisyApproximator = read(approximator);
        const noisyPredictor = read(predictor);
        try {
          metrics.push(await score({ ...base, approximator: noisyApproximator, predictor: noisyPredictor }));
        } finally {
          tf.dispose([...noisyApproximator, ...noisyPredictor].flatMap((l) => [l.kernel, l.bias]));
        }
      }
      const memoryBytes = (storedWords * wordBits) / 8;
      const price = priceWeightRead({ voltageV: preset.voltageMv / 1000, wordBits, memoryBytes });
      results.push(summarize({ kind: 'ntv', voltageMv: preset.voltageMv, flipRate: preset.flipRate }, metrics, price.pj * storedWords, price.pj / price.exactPj));
    }
    return results;
  } finally {
    x.dispose();
    tf.dispose([...approximator, ...predictor].flatMap((l) => [l.kernel, l.bias]));
  }
}

/**
 * Noise-aware AXNet (issue 9 §5): `weights` fine-tuned for `steps` more steps of J = La + Lp (eq. 2) on `setting`
 * (AxTrain-pas applied to AXNet: DRUM-k products or NTV weight reads in the forward, eq. 12's STE backward; a fresh
 * Adam at the config's learning rate, the config's batches). Returns the fine-tuned weights.
 */
export async function fineTuneAxnetOnHardware(
  weights: AxnetWeights,
  dataset: Dataset,
  configIn: Readonly<LabConfig>,
  setting: Exclude<HardwareSetting, { kind: 'exact' }>,
  steps: number,
  options: { wordBits?: number; drumBits?: number; steThreshold?: number | null } = {},
): Promise<AxnetWeights> {
  const config = { ...cloneConfig(configIn), trainLone: false, matchParameters: false, steps };
  const threshold = options.steThreshold === undefined ? STE_THRESHOLD : options.steThreshold;
  const drumBits = options.drumBits ?? 16;
  const wordBits = options.wordBits ?? 8;
  const rng = createRng(config.seed, 'ntv-train-axnet');
  const hardware: AxnetTrainingHardware =
    setting.kind === 'drum'
      ? { multiply: createDrumProductSte({ kind: 'drum', k: setting.k, actBits: drumBits, weightBits: drumBits }, threshold), steps, label: `AXNet · J on DRUM-${setting.k}` }
      : {
          read: (layer) => readStoredWeightsSte(layer.kernel, layer.bias, wordBits, { kind: 'draw', p: setting.flipRate, rng }, threshold),
          steps,
          label: `AXNet · J on NTV ${setting.voltageMv} mV`,
        };
  const models: ProgramModel[] = [{ config, dataset }];
  const engine = createGroupEngine(buildAxnetProgram(models, hardware), models, { initialNets: () => ({ approximator: weights.approximator, predictor: weights.predictor }) });
  try {
    await engine.train(steps);
    return await engine.getWeights(0);
  } finally {
    engine.dispose();
  }
}
