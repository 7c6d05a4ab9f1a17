/**
 * Flat parameter vectors: several dense nets in ONE float32 variable θ, split by one `split` kernel per
 * step (tiny nets are dispatch-bound, PLATFORM.md). Kernels are [fanIn × fanOut] row-major, y = x·W + b;
 * init: N(0, 0.1) kernels, biases 0 or 0.1 by config.initialization (src/ml/axnet.ts, src/core/modelChoices.ts).
 *
 * K models of one method share one θ of shape [K, P] (a leading model axis): every model's nets are
 * placed in ONE padded layout whose widths are the largest of the group; a model's own units occupy the
 * first places of each width (of each segment, for an output layer split into parts such as AXNet's
 * [c(1) | c(2) | logits], eq. 3). Padded entries start at zero and a mask keeps them zero with zero
 * gradient, so each model computes exactly what it computes alone (the padded terms add exact zeros).
 */
import * as tf from '@tensorflow/tfjs';
import type { Initialization } from '../../core/config';
import { INIT_KERNEL_STDDEV, getInitialBias } from '../../core/modelChoices';
import { createRng, type Rng } from '../../core/rng';
import type { DenseSlot, DenseTensors } from '../axnet';
import type { DenseLayerWeights } from '../../core/weights';

/** A layer width: one number, or the sizes of its segments (an output split into parts, eq. 3). */
export type LayerWidth = number | readonly number[];

export interface FlatNetSpec {
  name: string;
  /** Layer widths, input first, e.g. [2, 4, 4, 1]; a width may be segments, e.g. [4, 4, 2]. */
  widths: readonly LayerWidth[];
  /** Seeded stream its kernels are drawn from; nets naming the same stream draw one after the other. */
  stream: string;
}

export interface FlatLayout {
  nets: FlatNetSpec[];
  slots: Record<string, DenseSlot[]>;
  size: number;
  splitSizes: number[];
}

const totalWidth = (width: LayerWidth): number => (typeof width === 'number' ? width : width.reduce((a, b) => a + b, 0));

export function buildFlatLayout(nets: readonly FlatNetSpec[]): FlatLayout {
  let offset = 0;
  const splitSizes: number[] = [];
  const slots: Record<string, DenseSlot[]> = {};
  for (const net of nets) {
    if (slots[net.name]) throw new Error(`Duplicate net name: ${net.name}`);
    const widths = net.widths.map(totalWidth);
    slots[net.name] = widths.slice(1).map((fanOut, k) => {
      const fanIn = widths[k];
      const slot = { fanIn, fanOut, kernelOffset: offset, biasOffset: offset + fanIn * fanOut };
      offset += fanIn * fanOut + fanOut;
      splitSizes.push(fanIn * fanOut, fanOut);
      return slot;
    });
  }
  return { nets: [...nets], slots, size: offset, splitSizes };
}

/** Kernels ~ N(0, 0.1) from each net's stream (row-major, layer order), biases 0 ('authorsZeroBias') or 0.1 ('bias0.1'). */
export function initializeFlatParameters(layout: FlatLayout, seed: number, initialization: Initialization): Float32Array {
  const theta = new Float32Array(layout.size);
  const bias = getInitialBias(initialization);
  const streams = new Map<string, Rng>();
  for (const net of layout.nets) {
    let rng = streams.get(net.stream);
    if (!rng) {
      rng = createRng(seed, net.stream);
      streams.set(net.stream, rng);
    }
    for (const slot of layout.slots[net.name]) {
      for (let k = 0; k < slot.fanIn * slot.fanOut; k++) theta[slot.kernelOffset + k] = INIT_KERNEL_STDDEV * rng.normal();
      theta.fill(bias, slot.biasOffset, slot.biasOffset + slot.fanOut);
    }
  }
  return theta;
}

/**
 * θ → per-net layer tensors (one split + one reshape per kernel; differentiable).
 * One model (models absent): θ [P] → kernels [fanIn, fanOut], biases [fanOut].
 * K models: θ [K·P] in the group order of buildGroupPositions (each kernel or bias a contiguous
 * [K × n] block) → kernels [K, fanIn, fanOut], biases [K, 1, fanOut], for batched matMuls of x [K, batch, fanIn].
 */
export function splitFlatParameters(theta: tf.Tensor1D, layout: FlatLayout, models?: number): Record<string, DenseTensors[]> {
  const K = models ?? 1;
  const pieces = tf.split(theta, models === undefined ? layout.splitSizes : layout.splitSizes.map((n) => n * K));
  let next = 0;
  const out: Record<string, DenseTensors[]> = {};
  for (const net of layout.nets) {
    out[net.name] = layout.slots[net.name].map((slot) => {
      const kernel = tf.reshape(pieces[next++], models === undefined ? [slot.fanIn, slot.fanOut] : [K, slot.fanIn, slot.fanOut]);
      const piece = pieces[next++];
      const bias = models === undefined ? piece : tf.reshape(piece, [K, 1, slot.fanOut]);
      return { kernel, bias } as DenseTensors;
    });
  }
  return out;
}

/**
 * Where entry e of model k's padded row lives in a group's θ [K·P]: piece by piece (each kernel and
 * bias of the layout), the K models' copies of that piece one after the other. Contiguous pieces make
 * the per-step split (and its gradient, a concat) plain block copies; K = 1 is the one-model layout.
 * → positions[k·P + e].
 */
export function buildGroupPositions(layout: FlatLayout, models: number): Int32Array {
  const size = layout.size;
  const positions = new Int32Array(models * size);
  let start = 0;
  for (const n of layout.splitSizes) {
    for (let k = 0; k < models; k++) for (let i = 0; i < n; i++) positions[k * size + start + i] = start * models + k * n + i;
    start += n;
  }
  return positions;
}

/** Plain weights of one net from θ read back. */
export function readFlatNet(layout: FlatLayout, theta: Float32Array, name: string): DenseLayerWeights[] {
  const slots = layout.slots[name];
  if (!slots) throw new Error(`Unknown net: ${name}`);
  return slots.map((slot) => ({
    fanIn: slot.fanIn,
    fanOut: slot.fanOut,
    kernel: theta.slice(slot.kernelOffset, slot.kernelOffset + slot.fanIn * slot.fanOut),
    bias: theta.slice(slot.biasOffset, slot.biasOffset + slot.fanOut),
  }));
}

/** Plain weights → θ (tests). */
export function packFlatParameters(layout: FlatLayout, nets: Record<string, readonly DenseLayerWeights[]>): Float32Array {
  const theta = new Float32Array(layout.size);
  for (const net of layout.nets) {
    const layers = nets[net.name];
    const slots = layout.slots[net.name];
    if (!layers || layers.length !== slots.length) throw new Error(`${net.name}: expected ${slots.length} layers`);
    slots.forEach((slot, k) => {
      if (layers[k].kernel.length !== slot.fanIn * slot.fanOut || layers[k].bias.length !== slot.fanOut) {
        throw new Error(`${net.name} layer ${k}: expected ${slot.fanIn}×${slot.fanOut}`);
      }
      theta.set(layers[k].kernel, slot.kernelOffset);
      theta.set(layers[k].bias, slot.biasOffset);
    });
  }
  return theta;
}

/**
 * The padded layout of K models whose nets have the same names, streams and depth but possibly other
 * widths: per position the largest width (per segment, for segmented widths), and for each model the
 * map of its own θ entries into a padded row.
 */
export interface PaddedLayout {
  layout: FlatLayout;
  /** Per model: its own (unpadded) layout. */
  modelLayouts: FlatLayout[];
  /** Per model: index in the padded row of each entry of its own θ (length = its own size). */
  placements: Int32Array[];
  /** True when some model is narrower than the padded layout somewhere (a mask is then needed). */
  padded: boolean;
}

export function buildPaddedLayout(modelNets: readonly (readonly FlatNetSpec[])[]): PaddedLayout {
  if (modelNets.length === 0) throw new Error('No models');
  const first = modelNets[0];
  for (const nets of modelNets) {
    if (nets.length !== first.length || nets.some((n, i) => n.name !== first[i].name || n.stream !== first[i].stream || n.widths.length !== first[i].widths.length)) {
      throw new Error('Models of one group must have nets of the same names, streams and depth');
    }
  }
  const segmentsOf = (w: LayerWidth): readonly number[] => (typeof w === 'number' ? [w] : w);
  // Largest width per net, position and segment.
  const paddedNets: FlatNetSpec[] = first.map((net, n) => ({
    name: net.name,
    stream: net.stream,
    widths: net.widths.map((w0, p) => {
      const segments = segmentsOf(w0).map((_, s) =>
        Math.max(
          ...modelNets.map((nets) => {
            const seg = segmentsOf(nets[n].widths[p]);
            if (seg.length !== segmentsOf(w0).length) throw new Error(`${net.name}: layer ${p} has a different number of parts across models`);
            return seg[s];
          }),
        ),
      );
      return typeof w0 === 'number' ? segments[0] : segments;
    }),
  }));
  const layout = buildFlatLayout(paddedNets);
  let padded = false;
  const modelLayouts: FlatLayout[] = [];
  const placements: Int32Array[] = [];
  for (const nets of modelNets) {
    const own = buildFlatLayout(nets);
    modelLayouts.push(own);
    const placement = new Int32Array(own.size);
    nets.forEach((net, n) => {
      // Unit u of the model's layer p → its unit in the padded layer (segment by segment).
      const unitMaps = net.widths.map((w, p) => {
        const ownSegments = segmentsOf(w);
        const paddedSegments = segmentsOf(paddedNets[n].widths[p]);
        const map: number[] = [];
        let base = 0;
        ownSegments.forEach((size, s) => {
          for (let u = 0; u < size; u++) map.push(base + u);
          base += paddedSegments[s];
        });
        if (ownSegments.some((size, s) => size !== paddedSegments[s])) padded = true;
        return map;
      });
      own.slots[net.name].forEach((slot, l) => {
        const target = layout.slots[net.name][l];
        const inMap = unitMaps[l];
        const outMap = unitMaps[l + 1];
        for (let i = 0; i < slot.fanIn; i++) {
          for (let j = 0; j < slot.fanOut; j++) placement[slot.kernelOffset + i * slot.fanOut + j] = target.kernelOffset + inMap[i] * target.fanOut + outMap[j];
        }
        for (let j = 0; j < slot.fanOut; j++) placement[slot.biasOffset + j] = target.biasOffset + outMap[j];
      });
    });
    placements.push(placement);
  }
  return { layout, modelLayouts, placements, padded };
}

/** A model's own θ → its padded row (zeros elsewhere). */
export function padModelParameters(padded: PaddedLayout, model: number, own: Float32Array): Float32Array {
  const row = new Float32Array(padded.layout.size);
  const placement = padded.placements[model];
  for (let e = 0; e < placement.length; e++) row[placement[e]] = own[e];
  return row;
}

/** A padded row → the model's own θ. */
export function unpadModelParameters(padded: PaddedLayout, model: number, row: Float32Array): Float32Array {
  const placement = padded.placements[model];
  return Float32Array.from(placement, (index) => row[index]);
}

/** Padded rows, [K × P]: 1 where model k has an entry, 0 on padding. */
export function buildPaddingMask(padded: PaddedLayout): Float32Array {
  const size = padded.layout.size;
  const mask = new Float32Array(padded.placements.length * size);
  padded.placements.forEach((placement, k) => {
    for (const index of placement) mask[k * size + index] = 1;
  });
  return mask;
}
