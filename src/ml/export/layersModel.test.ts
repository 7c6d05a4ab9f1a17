import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { computeAxnetForward, computePredictorOutputWidth, resolveFusedLayers } from '../../core/axnetMath';
import type { ControlPlacement, FusionChoice, PredictionOutput } from '../../core/config';
import { createRng } from '../../core/rng';
import type { AxnetWeights, DenseLayerWeights } from '../../core/weights';
import { exportAxnetLayersModel, readLayersModelFiles } from './layersModel';

function randomLayer(rng: ReturnType<typeof createRng>, fanIn: number, fanOut: number): DenseLayerWeights {
  const kernel = Float32Array.from({ length: fanIn * fanOut }, () => rng.next() * 2 - 1);
  const bias = Float32Array.from({ length: fanOut }, () => rng.next() * 0.4 - 0.1);
  return { fanIn, fanOut, kernel, bias };
}

function randomAxnet(seed: number, hidden: number[], fusion: FusionChoice, predictionOutput: PredictionOutput, controlPlacement: ControlPlacement): AxnetWeights {
  const rng = createRng(seed, 'export-test');
  const widths = [2, ...hidden, 1];
  const approximator = widths.slice(1).map((w, i) => randomLayer(rng, widths[i], w));
  const predictorWidths = [2, 6, computePredictorOutputWidth(hidden, fusion, predictionOutput)];
  const predictor = predictorWidths.slice(1).map((w, i) => randomLayer(rng, predictorWidths[i], w));
  return { approximator, predictor, fusedLayers: resolveFusedLayers(fusion, hidden.length), predictionOutput, controlPlacement };
}

describe('tfjs LayersModel export of AXNet (issue 13)', () => {
  const cases: [string, number[], FusionChoice, PredictionOutput, ControlPlacement][] = [
    ['all layers, softmax, ⊙c after ReLU', [4, 4], 'all', 'softmax', 'afterActivation'],
    ['first layer only, sigmoid', [5, 3], 'first', 'sigmoid', 'afterActivation'],
    ['⊙c inside the activation (eq. 4 as printed)', [4, 4], 'second', 'softmax', 'insideActivation'],
  ];
  for (const [name, hidden, fusion, output, placement] of cases) {
    it(`loads with tf.loadLayersModel and matches computeAxnetForward: ${name}`, async () => {
      await tf.setBackend('cpu');
      const before = tf.memory().numTensors;
      const weights = randomAxnet(3, hidden, fusion, output, placement);
      const files = await exportAxnetLayersModel(weights);
      expect(JSON.parse(files.modelJson).weightsManifest[0].paths).toEqual(['weights.bin']);
      const model = await tf.loadLayersModel(readLayersModelFiles(files));
      const rng = createRng(9, 'export-inputs');
      const rows = Array.from({ length: 64 }, () => [rng.next(), rng.next()]);
      const input = tf.tensor2d(rows);
      const [h, p] = model.predict(input) as tf.Tensor[];
      const hData = await h.data();
      const pData = await p.data();
      const pWidth = output === 'sigmoid' ? 1 : 2;
      let worst = 0;
      rows.forEach((row, r) => {
        const lab = computeAxnetForward(weights, row);
        worst = Math.max(worst, Math.abs(hData[r] - lab.output[0]), Math.abs(pData[r * pWidth + pWidth - 1] - lab.safeProbability));
      });
      expect(worst).toBeLessThan(1e-5);
      // Some controls must matter: the model without ⊙c would differ.
      expect(rows.some((row) => Math.abs(computeAxnetForward(weights, row).output[0]) > 1e-3)).toBe(true);
      tf.dispose([input, h, p]);
      model.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
