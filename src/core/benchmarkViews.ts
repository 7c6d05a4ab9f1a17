/**
 * Data of the benchmark views (src/ui/benchmarks), computed from a trained network as plain data
 * (pure TS, no DOM, no tf): the worker calls it when a run pauses or ends, so it stays cheap.
 * - image targets (jpeg, sobel, kmeans): a test photograph cut into model inputs (imageViews.ts),
 *   the network's outputs and its decisions, reassembled into the approximated image and a map of
 *   the tiles sent to the CPU (predicted unsafe) or computed by the network;
 * - other targets: a sample of fresh inputs with the exact output, the network's output and the
 *   decision, for an output-vs-target scatter.
 */
import { computeApproximatorForward, computeAxnetForward, type AxnetParams, type DenseLayerParams } from './axnetMath';
import type { PredictionOutput } from './config';
import { buildImageView, computeExactOutputs, computeImagePsnr, isImageTarget, renderInputImage, renderOutputImage, renderRoutingMap, type ImageTargetId } from './imageViews';
import { createRng } from './rng';
import { getTarget, type TargetSpec } from './targets';

/** One row through a trained method: H(x) [outputDim] and whether it goes to the network (predicted safe). */
export type NetworkRunner = (input: ArrayLike<number>) => { output: Float64Array; safe: boolean };

/** AXNet: eq. 3–4; predicted safe ⇔ P(safe | x) > 0.5. */
export function createAxnetRunner(params: AxnetParams): NetworkRunner {
  return (input) => {
    const result = computeAxnetForward(params, input);
    return { output: result.output, safe: result.safeProbability > 0.5 };
  };
}

/**
 * A baseline: an approximator and a classifier (ReLU MLPs, linear outputs). Classifier logits
 * [z_unsafe, z_safe] (softmax) or [z] (sigmoid); safe ⇔ z_safe > z_unsafe, or z > 0.
 * No classifier (lone approximator): every row goes to the network.
 */
export function createBaselineRunner(approximator: readonly DenseLayerParams[], classifier: readonly DenseLayerParams[], output: PredictionOutput): NetworkRunner {
  return (input) => {
    const h = computeApproximatorForward(approximator, input);
    if (classifier.length === 0) return { output: h, safe: true };
    const z = computeApproximatorForward(classifier, input);
    const safe = output === 'sigmoid' || z.length === 1 ? z[0] > 0 : z[1] > z[0];
    return { output: h, safe };
  };
}

/** An RGBA image as plain data (ImageData-ready). */
export interface ViewImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export interface ImageBenchmarkView {
  kind: 'image';
  target: ImageTargetId;
  photoId: string;
  step: number;
  /** The photograph as the target sees it. */
  input: ViewImage;
  /** The exact function's output image. */
  exact: ViewImage;
  /** What the framework delivers: network output where predicted safe, exact (CPU) output elsewhere. */
  approximated: ViewImage;
  /** Tiles computed by the network (blue) or sent to the CPU (orange), over the photograph. */
  routing: ViewImage;
  /** Fraction of model rows sent to the CPU. */
  cpuFraction: number;
  /** PSNR of the approximated image against the exact one, dB (Infinity when identical). */
  psnr: number;
}

export interface ScatterBenchmarkView {
  kind: 'scatter';
  target: string;
  step: number;
  /** Exact first output per sample. */
  exact: Float32Array;
  /** Network's first output per sample. */
  approximated: Float32Array;
  /** 1 where the row goes to the network (predicted safe). */
  safe: Uint8Array;
}

export type BenchmarkViewData = ImageBenchmarkView | ScatterBenchmarkView;

/** Tile stride per image target: every pixel for sobel, 2×2 pixels for kmeans (6 rows per tile). */
const IMAGE_STRIDE: Record<ImageTargetId, number> = { jpeg: 1, sobel: 1, kmeans: 2 };
/** Samples of the output-vs-target scatter. */
export const SCATTER_SAMPLES = 400;

function toViewImage(image: { width: number; height: number; data: Uint8ClampedArray }): ViewImage {
  return { width: image.width, height: image.height, data: image.data };
}

/** The image view of `target` on its first test photograph. */
export function computeImageBenchmarkView(target: ImageTargetId, run: NetworkRunner, step: number): ImageBenchmarkView {
  const view = buildImageView(target, undefined, { stride: IMAGE_STRIDE[target] });
  const exactOutputs = computeExactOutputs(view);
  const hybrid = new Float32Array(exactOutputs.length);
  const cpuRows = new Uint8Array(view.rowCount);
  const row = new Float32Array(view.inputDim);
  let cpuCount = 0;
  for (let r = 0; r < view.rowCount; r++) {
    for (let i = 0; i < view.inputDim; i++) row[i] = view.inputs[r * view.inputDim + i];
    const { output, safe } = run(row);
    if (safe) {
      for (let o = 0; o < view.outputDim; o++) hybrid[r * view.outputDim + o] = output[o];
    } else {
      cpuRows[r] = 1;
      cpuCount++;
      for (let o = 0; o < view.outputDim; o++) hybrid[r * view.outputDim + o] = exactOutputs[r * view.outputDim + o];
    }
  }
  const input = renderInputImage(view);
  const exact = renderOutputImage(view, exactOutputs);
  const approximated = renderOutputImage(view, hybrid);
  return {
    kind: 'image',
    target,
    photoId: view.photoId,
    step,
    input: toViewImage(input),
    exact: toViewImage(exact),
    approximated: toViewImage(approximated),
    routing: toViewImage(renderRoutingMap(view, cpuRows, { base: input })),
    cpuFraction: view.rowCount > 0 ? cpuCount / view.rowCount : 0,
    psnr: computeImagePsnr(exact, approximated),
  };
}

/** Fresh inputs (seeded) with exact and network outputs, for targets without an image or 2-D view. */
export function computeScatterBenchmarkView(targetOrId: string | TargetSpec, run: NetworkRunner, seed: number, step: number, samples = SCATTER_SAMPLES): ScatterBenchmarkView {
  const target = typeof targetOrId === 'string' ? getTarget(targetOrId) : targetOrId;
  const rng = createRng(seed, 'benchmark-view');
  const input = new Float64Array(target.inputDim);
  const output = new Float64Array(target.outputDim);
  const exact = new Float32Array(samples);
  const approximated = new Float32Array(samples);
  const safe = new Uint8Array(samples);
  for (let s = 0; s < samples; s++) {
    target.sampleInput(rng, input);
    target.evaluate(input, output);
    const result = run(input);
    exact[s] = output[0];
    approximated[s] = result.output[0];
    safe[s] = result.safe ? 1 : 0;
  }
  return { kind: 'scatter', target: target.id, step, exact, approximated, safe };
}

/** The view a target gets (null for 2-D targets, whose surface snapshots serve as their view). */
export function computeBenchmarkView(targetOrId: string | TargetSpec, run: NetworkRunner, seed: number, step: number): BenchmarkViewData | null {
  const target = typeof targetOrId === 'string' ? getTarget(targetOrId) : targetOrId;
  if (isImageTarget(target.id)) return computeImageBenchmarkView(target.id, run, step);
  if (target.inputDim === 2) return null;
  return computeScatterBenchmarkView(target, run, seed, step);
}

/** ArrayBuffers of a view, for postMessage's transfer list. */
export function collectBenchmarkBuffers(view: BenchmarkViewData | null | undefined): ArrayBuffer[] {
  if (!view) return [];
  const arrays: ArrayBufferView[] =
    view.kind === 'image' ? [view.input.data, view.exact.data, view.approximated.data, view.routing.data] : [view.exact, view.approximated, view.safe];
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) if (array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  return [...buffers];
}
