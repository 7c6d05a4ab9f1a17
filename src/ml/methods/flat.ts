/**
 * Flat parameter vectors for the baselines: several dense nets in ONE float32 variable θ, split by one
 * `split` kernel per step (the same trick as src/ml/axnet.ts; tiny nets are dispatch-bound, PLATFORM.md).
 * Kernels are [fanIn × fanOut] row-major, y = x·W + b; init as AXNet: N(0, 0.1) kernels, biases 0.1.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng } from '../../core/rng';
import { INIT_BIAS, INIT_KERNEL_STDDEV, type DenseSlot, type DenseTensors } from '../axnet';
import type { DenseLayerWeights } from '../../core/weights';

export interface FlatNetSpec {
  name: string;
  /** Layer widths, input first, e.g. [2, 4, 4, 1]. */
  widths: number[];
  /** Seeded stream its kernels are drawn from; nets naming the same stream draw one after the other. */
  stream: string;
}

export interface FlatLayout {
  nets: FlatNetSpec[];
  slots: Record<string, DenseSlot[]>;
  size: number;
  splitSizes: number[];
}

export function buildFlatLayout(nets: FlatNetSpec[]): FlatLayout {
  let offset = 0;
  const splitSizes: number[] = [];
  const slots: Record<string, DenseSlot[]> = {};
  for (const net of nets) {
    if (slots[net.name]) throw new Error(`Duplicate net name: ${net.name}`);
    slots[net.name] = net.widths.slice(1).map((fanOut, k) => {
      const fanIn = net.widths[k];
      const slot = { fanIn, fanOut, kernelOffset: offset, biasOffset: offset + fanIn * fanOut };
      offset += fanIn * fanOut + fanOut;
      splitSizes.push(fanIn * fanOut, fanOut);
      return slot;
    });
  }
  return { nets, slots, size: offset, splitSizes };
}

/** Kernels ~ N(0, 0.1) from each net's stream (row-major, layer order), biases 0.1. */
export function initializeFlatParameters(layout: FlatLayout, seed: number): Float32Array {
  const theta = new Float32Array(layout.size);
  const streams = new Map<string, Rng>();
  for (const net of layout.nets) {
    let rng = streams.get(net.stream);
    if (!rng) {
      rng = createRng(seed, net.stream);
      streams.set(net.stream, rng);
    }
    for (const slot of layout.slots[net.name]) {
      for (let k = 0; k < slot.fanIn * slot.fanOut; k++) theta[slot.kernelOffset + k] = INIT_KERNEL_STDDEV * rng.normal();
      theta.fill(INIT_BIAS, slot.biasOffset, slot.biasOffset + slot.fanOut);
    }
  }
  return theta;
}

/** θ → per-net layer tensors (one split + one reshape per kernel; differentiable). */
export function splitFlatParameters(theta: tf.Tensor1D, layout: FlatLayout): Record<string, DenseTensors[]> {
  const pieces = tf.split(theta, layout.splitSizes) as tf.Tensor1D[];
  let next = 0;
  const out: Record<string, DenseTensors[]> = {};
  for (const net of layout.nets) {
    out[net.name] = layout.slots[net.name].map((slot) => {
      const kernel = tf.reshape(pieces[next++], [slot.fanIn, slot.fanOut]) as tf.Tensor2D;
      const bias = pieces[next++];
      return { kernel, bias };
    });
  }
  return out;
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
