/**
 * Noticing that the GPU under a tfjs backend is gone (issue 12 §GPU loss): the webgl backend's context fires
 * `webglcontextlost` on its (Offscreen)canvas, the webgpu backend's device resolves `device.lost`. Either way training
 * cannot go on there: the train worker reports it and the page continues on the next backend from the last checkpoint.
 * A readback that never completes (what a lost WebGL context often does instead) is bounded by the worker
 * (src/core/watchdog.ts computeReadbackLimitMs).
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../core/config';

/** The parts of tfjs' webgl and webgpu backends read here (MathBackendWebGL.gpgpu.gl, WebGPUBackend.device). */
interface GpuBackendLike {
  gpgpu?: { gl?: { canvas?: unknown } };
  device?: { lost?: Promise<{ reason?: string; message?: string }> };
}

interface EventTargetLike {
  addEventListener(type: string, listener: (event: Event) => void): void;
  removeEventListener(type: string, listener: (event: Event) => void): void;
}

export function isGpuBackend(name: BackendName | string): boolean {
  return name === 'webgl' || name === 'webgpu';
}

/**
 * Calls onLost once when the active backend's GPU is lost (cpu and wasm: never). Returns the function that stops
 * watching (call it before disposing the trainer or switching backends).
 */
export function watchGpuLoss(onLost: (reason: string) => void): () => void {
  const name = tf.getBackend();
  const backend = tf.backend() as unknown as GpuBackendLike;
  let watching = true;
  const lost = (reason: string) => {
    if (!watching) return;
    watching = false;
    onLost(reason);
  };
  if (name === 'webgl') {
    const canvas = backend.gpgpu?.gl?.canvas as EventTargetLike | undefined;
    if (!canvas || typeof canvas.addEventListener !== 'function') return () => {};
    const listener = (event: Event) => {
      event.preventDefault(); // allows a restore, should the browser offer one; the run moves on either way
      lost('the WebGL context was lost');
    };
    canvas.addEventListener('webglcontextlost', listener);
    return () => {
      watching = false;
      canvas.removeEventListener('webglcontextlost', listener);
    };
  }
  if (name === 'webgpu' && backend.device?.lost) {
    backend.device.lost.then((info) => {
      const detail = info.message ? `: ${info.message.replace(/\.$/, '')}` : '';
      lost(`the WebGPU device was lost, reason ${info.reason ?? 'unknown'}${detail}`);
    });
    return () => {
      watching = false;
    };
  }
  return () => {};
}
