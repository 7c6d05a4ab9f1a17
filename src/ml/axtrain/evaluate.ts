/**
 * A trained AxTrain net on every approximate-hardware setting (§3.2, §5): exact, DRUM-k for k = 1…8 (Fig. 6: the
 * normalised loss L_k / L_exact) and NTV weight memory at each preset voltage (Fig. 7: accuracy, mean ± std over R
 * runs, one flip mask per run over the whole test set, §5 "fifty runs"). The masks come from the named stream
 * 'ntv' of the run's seed, drawn in the same order for every method of that seed, so every method meets the same
 * masks (a paired comparison; reference D.1.6 #17).
 */
import * as tf from '@tensorflow/tfjs';
import type { AxtrainConfig } from '../../core/axtrain/config';
import { NTV_RNG_STREAM, NTV_VOLTAGE_PRESETS, type NtvVoltageMv } from '../../core/approx/ntv';
import { computeMeanStd, type HardwareReport, type HardwareResult } from '../../core/axtrain/report';
import { drawFlipMasks } from '../../core/approx/fixedPoint';
import { priceDrumMultiply, priceWeightRead } from '../../core/approx/energy';
import { createRng } from '../../core/rng';
import { computeDataLoss, forwardAxtrainNet, type ForwardHardware } from './program';
import { computeAxtrainAccuracy, type AxtrainTrainer } from './trainer';

export const DRUM_EVAL_KS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

export type { HardwareReport, HardwareResult };

/** Accuracy and E of the net on the test set on one hardware model (forward only). */
async function scoreOn(
  trainer: AxtrainTrainer,
  x: tf.Tensor2D,
  y: tf.Tensor2D,
  hardware: ForwardHardware | ((layer: number) => ForwardHardware),
): Promise<{ accuracy: number; loss: number }> {
  const classification = trainer.data.task.kind === 'classification';
  const [output, loss] = trainer.withLayers((layers) => {
    const logits = forwardAxtrainNet(layers as never, x, hardware, null);
    return [classification ? tf.sigmoid(logits) : logits, computeDataLoss(logits, y, classification)];
  });
  try {
    const [values, lossValue] = (await Promise.all([output.data(), loss.data()])) as Float32Array[];
    return { accuracy: computeAxtrainAccuracy(trainer.data, values, trainer.config.errorBound), loss: lossValue[0] };
  } finally {
    output.dispose();
    loss.dispose();
  }
}

/** Every hardware setting of the report: exact, DRUM k = 1…8, NTV at each preset voltage (R = config.evalRuns masks each). */
export async function evaluateOnHardware(trainer: AxtrainTrainer, options: { drumKs?: readonly number[]; voltagesMv?: readonly NtvVoltageMv[] } = {}): Promise<HardwareReport> {
  const config: Readonly<AxtrainConfig> = trainer.config;
  const { dataset } = trainer.data;
  const x = tf.tensor2d(dataset.testX, [dataset.testSize, dataset.inputDim]);
  const y = tf.tensor2d(dataset.testY, [dataset.testSize, dataset.outputDim]);
  const widths = [dataset.inputDim, ...config.hidden, dataset.outputDim];
  const multiplies = widths.slice(1).reduce((sum, fanOut, l) => sum + widths[l] * fanOut, 0);
  const storedWords = widths.slice(1).reduce((sum, fanOut, l) => sum + widths[l] * fanOut + fanOut, 0);
  const layerWords = widths.slice(1).map((fanOut, l) => widths[l] * fanOut + fanOut);
  try {
    const exact = await scoreOn(trainer, x, y, { kind: 'exact' });
    const memoryBytes = (storedWords * config.weightBits) / 8;
    const results: HardwareResult[] = [
      {
        setting: { kind: 'exact' },
        accuracy: computeMeanStd([exact.accuracy]),
        loss: computeMeanStd([exact.loss]),
        normalizedLoss: 1,
        energyPj: null,
        energyRatio: null,
      },
    ];
    for (const k of options.drumKs ?? DRUM_EVAL_KS) {
      const score = await scoreOn(trainer, x, y, { kind: 'drum', k, actBits: config.drumBits, weightBits: config.drumBits });
      const price = priceDrumMultiply(k);
      results.push({
        setting: { kind: 'drum', k },
        accuracy: computeMeanStd([score.accuracy]),
        loss: computeMeanStd([score.loss]),
        normalizedLoss: score.loss / exact.loss,
        energyPj: price.pj * multiplies,
        energyRatio: price.pj / price.exactPj,
      });
    }
    for (const preset of NTV_VOLTAGE_PRESETS) {
      if (options.voltagesMv && !options.voltagesMv.includes(preset.voltageMv)) continue;
      // One stream per voltage, so adding or removing a voltage does not change the others' masks.
      const rng = createRng(config.seed, `${NTV_RNG_STREAM}-eval-${preset.voltageMv}`);
      const accuracies: number[] = [];
      const losses: number[] = [];
      for (let run = 0; run < config.evalRuns; run++) {
        // One mask per layer and run, in layer order (kernel words then bias words, as flipStoredWeightsTensor reads them).
        const masks = layerWords.map((count) => drawFlipMasks(count, config.weightBits, preset.flipRate, rng));
        const score = await scoreOn(trainer, x, y, (layer) => ({ kind: 'ntv', weightBits: config.weightBits, flips: { kind: 'masks', masks: masks[layer] } }));
        accuracies.push(score.accuracy);
        losses.push(score.loss);
      }
      const price = priceWeightRead({ voltageV: preset.voltageMv / 1000, wordBits: config.weightBits, memoryBytes });
      const loss = computeMeanStd(losses);
      results.push({
        setting: { kind: 'ntv', voltageMv: preset.voltageMv, flipRate: preset.flipRate },
        accuracy: computeMeanStd(accuracies),
        loss,
        normalizedLoss: loss.mean / exact.loss,
        energyPj: price.pj * storedWords,
        energyRatio: price.pj / price.exactPj,
      });
    }
    return { results, multipliesPerInference: multiplies, storedWordsPerInference: storedWords };
  } finally {
    x.dispose();
    y.dispose();
  }
}
