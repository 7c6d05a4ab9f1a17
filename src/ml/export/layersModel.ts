/**
 * The trained AXNet as a tfjs LayersModel (model.json + weights.bin) that `tf.loadLayersModel` reads and that
 * computes what the lab's forward pass computes (src/core/axnetMath.ts computeAxnetForward, eq. 3–4).
 *
 * The ⊙c(i) fusion takes the predictor's output apart, which a Sequential model cannot; so this is a functional
 * model of standard layers only (Dense, Multiply, Activation), no custom layer to register:
 *   predictor:  Dense(ReLU)… → Dense(linear) = [c(1)…c(l), logits]                          (eq. 3)
 *   split:      c(i) = Dense(L_i, no bias, kernel = 0/1 selection of its columns)          exact: x·1 + 0s
 *   afterActivation:  a(i+1) = Multiply(Dense(ReLU)(a(i)), c(i))                           (Alg. 1 line 9)
 *   insideActivation: a(i+1) = ReLU(Dense(identity, bias b(i))(Multiply(Dense(no bias)(a(i)), c(i))))  (eq. 4)
 *   output:     H(x) = Dense(linear)(a(l+1));  P = softmax(logits) (or sigmoid(z)).
 * Inputs: x [batch × inputDim]; outputs: [H(x) [batch × outputDim], P [batch × 2] (softmax: column 1 is P(safe)) or [batch × 1]].
 * Selection and identity layers are marked non-trainable.
 */
import * as tf from '@tensorflow/tfjs';
import type { AxnetWeights, DenseLayerWeights } from '../../core/weights';

export interface LayersModelFiles {
  /** model.json: the topology and the weights manifest naming `weights.bin`. */
  modelJson: string;
  /** weights.bin: the float32 weights in manifest order. */
  weightsBin: ArrayBuffer;
}

export const WEIGHTS_FILE_NAME = 'weights.bin';

/** [rows × cols] with ones at (offset + j, j): x·S = x[offset … offset + cols). */
function selectionKernel(rows: number, cols: number, offset: number): Float32Array {
  const kernel = new Float32Array(rows * cols);
  for (let j = 0; j < cols; j++) kernel[(offset + j) * cols + j] = 1;
  return kernel;
}

function identityKernel(size: number): Float32Array {
  return selectionKernel(size, size, 0);
}

interface PendingWeights {
  layer: tf.layers.Layer;
  values: { data: Float32Array; shape: number[] }[];
}

/**
 * Builds the functional model of `weights` (fusedLayers, predictionOutput, controlPlacement as the lab uses them).
 * The caller disposes it.
 */
export function buildAxnetLayersModel(weights: Readonly<AxnetWeights>): tf.LayersModel {
  const pending: PendingWeights[] = [];
  const dense = (name: string, units: number, activation: 'relu' | 'linear', kernel: Float32Array, fanIn: number, bias: Float32Array | null, trainable = true) => {
    const layer = tf.layers.dense({ units, activation, useBias: bias !== null, name, trainable, inputShape: undefined });
    const values = [{ data: kernel, shape: [fanIn, units] }];
    if (bias) values.push({ data: bias, shape: [units] });
    pending.push({ layer, values });
    return layer;
  };
  const fromWeights = (name: string, w: DenseLayerWeights, activation: 'relu' | 'linear', withBias = true) =>
    dense(name, w.fanOut, activation, w.kernel, w.fanIn, withBias ? w.bias : null);

  const inputDim = weights.approximator[0].fanIn;
  const hiddenCount = weights.approximator.length - 1;
  const fused = weights.fusedLayers ? [...weights.fusedLayers] : Array.from({ length: hiddenCount }, (_, i) => i);
  const sigmoid = (weights.predictionOutput ?? 'softmax') === 'sigmoid';
  const inside = (weights.controlPlacement ?? 'afterActivation') === 'insideActivation';
  const x = tf.input({ shape: [inputDim], name: 'x' });

  let p: tf.SymbolicTensor = x;
  weights.predictor.forEach((w, k) => {
    p = fromWeights(`predictor_${k}`, w, k < weights.predictor.length - 1 ? 'relu' : 'linear').apply(p) as tf.SymbolicTensor;
  });
  const predictorWidth = weights.predictor[weights.predictor.length - 1].fanOut;
  const controls = new Map<number, tf.SymbolicTensor>();
  let offset = 0;
  for (const i of fused) {
    const width = weights.approximator[i].fanOut;
    controls.set(i, dense(`c_${i + 1}`, width, 'linear', selectionKernel(predictorWidth, width, offset), predictorWidth, null, false).apply(p) as tf.SymbolicTensor);
    offset += width;
  }
  const logitWidth = sigmoid ? 1 : 2;
  const logits = dense('logits', logitWidth, 'linear', selectionKernel(predictorWidth, logitWidth, offset), predictorWidth, null, false).apply(p) as tf.SymbolicTensor;
  const probability = tf.layers.activation({ activation: sigmoid ? 'sigmoid' : 'softmax', name: 'p' }).apply(logits) as tf.SymbolicTensor;

  let a: tf.SymbolicTensor = x;
  for (let i = 0; i < hiddenCount; i++) {
    const w = weights.approximator[i];
    const control = controls.get(i);
    if (control === undefined) {
      a = fromWeights(`approximator_${i}`, w, 'relu').apply(a) as tf.SymbolicTensor;
    } else if (!inside) {
      const activated = fromWeights(`approximator_${i}`, w, 'relu').apply(a) as tf.SymbolicTensor;
      a = tf.layers.multiply({ name: `fuse_${i + 1}` }).apply([activated, control]) as tf.SymbolicTensor;
    } else {
      const product = fromWeights(`approximator_${i}`, w, 'linear', false).apply(a) as tf.SymbolicTensor;
      const controlled = tf.layers.multiply({ name: `fuse_${i + 1}` }).apply([product, control]) as tf.SymbolicTensor;
      a = dense(`approximator_${i}_bias`, w.fanOut, 'relu', identityKernel(w.fanOut), w.fanOut, w.bias, false).apply(controlled) as tf.SymbolicTensor;
    }
  }
  const output = fromWeights(`approximator_${hiddenCount}`, weights.approximator[hiddenCount], 'linear').apply(a) as tf.SymbolicTensor;
  const model = tf.model({ inputs: x, outputs: [output, probability], name: 'axnet' });
  for (const { layer, values } of pending) {
    tf.tidy(() => layer.setWeights(values.map((v) => tf.tensor(v.data, v.shape, 'float32'))));
  }
  return model;
}

/**
 * model.json and the weights file of `weights` (the model is built, saved and disposed here); the manifest names
 * the weights file `weightsFileName`, so keep the two files side by side under those names.
 */
export async function exportAxnetLayersModel(weights: Readonly<AxnetWeights>, weightsFileName = WEIGHTS_FILE_NAME): Promise<LayersModelFiles> {
  const model = buildAxnetLayersModel(weights);
  try {
    let files: LayersModelFiles | null = null;
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        const weightData = artifacts.weightData;
        const buffer = weightData instanceof ArrayBuffer ? weightData : tf.io.concatenateArrayBuffers(weightData ?? []);
        const modelJson = {
          format: 'layers-model',
          generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
          convertedBy: 'AXNet Lab (src/ml/export/layersModel.ts)',
          modelTopology: artifacts.modelTopology,
          weightsManifest: [{ paths: [weightsFileName], weights: artifacts.weightSpecs ?? [] }],
        };
        files = { modelJson: `${JSON.stringify(modelJson)}\n`, weightsBin: buffer };
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: buffer.byteLength } };
      }),
    );
    if (files === null) throw new Error('The model was not saved.');
    return files;
  } finally {
    model.dispose();
  }
}

/** An IOHandler that loads what exportAxnetLayersModel wrote (for tf.loadLayersModel in Node, tests and the page). */
export function readLayersModelFiles(files: LayersModelFiles): tf.io.IOHandler {
  const json = JSON.parse(files.modelJson) as { modelTopology: object; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
  return tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest.flatMap((group) => group.weights), weightData: files.weightsBin });
}

/**
 * The page's export (src/ui/panels/InvocationPanel.tsx, loaded on demand): tf's cpu backend on the main thread, which
 * is enough to build and save a model of this size (a few hundred weights) and touches no GPU.
 */
export async function exportAxnetLayersModelInPage(weights: Readonly<AxnetWeights>, weightsFileName: string): Promise<LayersModelFiles> {
  if (tf.getBackend() !== 'cpu') await tf.setBackend('cpu');
  return exportAxnetLayersModel(weights, weightsFileName);
}
