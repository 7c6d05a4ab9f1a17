/**
 * Where a run goes on after its GPU backend was lost (issue 12): the next backend of the measured chain. A lost GPU
 * takes both GPU backends with it (webgl and webgpu share the GPU process), so the run continues on the fastest measured
 * cpu-side backend of the selection's report (wasm or cpu), or, unmeasured (a forced backend), the next of BACKEND_CHAIN
 * that is not a GPU backend: wasm, then cpu. Forced selection itself falls back from wasm to cpu when wasm cannot load.
 */
import { BACKEND_CHAIN, type BackendName } from './config';

/** A row of the backend report (workers/protocol.ts BackendAttempt). */
export interface MeasuredBackend {
  name: string;
  verdict?: string;
  stepsPerSecond?: number;
}

/** Whether an error's text says the GPU is gone: a lost device or context, or WebGPU's readback of a destroyed device. */
export function isGpuLossMessage(message: string): boolean {
  return /device.*lost|lost.*device|context.*lost|unmapped before mapping was resolved|device.*destroyed/i.test(message);
}

const GPU_BACKENDS: readonly BackendName[] = ['webgpu', 'webgl'];

export function chooseFallbackBackend(lost: BackendName, report: readonly MeasuredBackend[]): BackendName {
  const usable = (name: string): name is BackendName => (BACKEND_CHAIN as readonly string[]).includes(name) && name !== lost && !GPU_BACKENDS.includes(name as BackendName);
  const measured = report
    .filter((row) => usable(row.name) && (row.verdict === 'chosen' || row.verdict === 'slower') && typeof row.stepsPerSecond === 'number' && row.stepsPerSecond > 0)
    .sort((a, b) => (b.stepsPerSecond ?? 0) - (a.stepsPerSecond ?? 0));
  if (measured.length > 0) return measured[0].name as BackendName;
  return BACKEND_CHAIN.find((name) => usable(name)) ?? 'cpu';
}
