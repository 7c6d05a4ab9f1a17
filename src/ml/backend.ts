/**
 * Backend selection: 'auto' tries webgpu → webgl → wasm → cpu (PLATFORM.md), in Node only wasm → cpu.
 * Every candidate must pass setBackend + ready and a tiny matmul self-test before it is used;
 * any failure means "try the next one".
 *
 * A forced choice (not 'auto') that fails does NOT throw: it falls back along the rest of the chain
 * (after the forced one) and reports why in `tried`, so the UI can show "asked webgpu, got wasm: …".
 * Only when every candidate fails (cpu cannot, in practice) does selectBackend throw.
 */
import * as tf from '@tensorflow/tfjs';
import { BACKEND_CHAIN, type BackendChoice, type BackendName } from '../core/config';

export interface BackendAttempt {
  name: BackendName;
  ok: boolean;
  /** Why it failed (or 'ok'). */
  reason: string;
}

export interface BackendSelection {
  backend: BackendName;
  tried: BackendAttempt[];
}

export interface SelectBackendOptions {
  /** Browser wasm: set the .wasm paths (setWasmPaths) before the backend is first tried. */
  prepareWasm?: () => void | Promise<void>;
  /** Treat the environment as Node (defaults to detection). */
  node?: boolean;
}

/** Node has `process.versions.node`; workers and pages do not. No DOM types needed. */
export function isNodeEnvironment(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof proc?.versions?.node === 'string';
}

/** The chain for a choice: 'auto' → all that fit the environment; forced → that one, then the rest after it. */
export function listBackendCandidates(choice: BackendChoice, node: boolean): BackendName[] {
  const usable = BACKEND_CHAIN.filter((name) => !node || name === 'wasm' || name === 'cpu');
  if (choice === 'auto') return [...usable];
  const start = BACKEND_CHAIN.indexOf(choice);
  const rest = BACKEND_CHAIN.slice(start + 1).filter((name) => usable.includes(name));
  return [choice, ...rest];
}

let wasmImported = false;
let webgpuImported = false;

async function registerBackend(name: BackendName, options: SelectBackendOptions): Promise<void> {
  if (name === 'webgpu') {
    const gpu = (globalThis as { navigator?: { gpu?: { requestAdapter(): Promise<unknown> } } }).navigator?.gpu;
    if (!gpu) throw new Error('navigator.gpu is not available');
    const adapter = await gpu.requestAdapter();
    if (!adapter) throw new Error('requestAdapter() returned null');
    if (!webgpuImported) {
      await import('@tensorflow/tfjs-backend-webgpu');
      webgpuImported = true;
    }
    if (!tf.findBackendFactory('webgpu')) throw new Error('the webgpu backend did not register');
  } else if (name === 'wasm') {
    if (!wasmImported) {
      await import('@tensorflow/tfjs-backend-wasm');
      wasmImported = true;
    }
    // Multi-threaded wasm breaks in minified builds (PLATFORM.md); single-threaded SIMD is fine.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (options.prepareWasm) await options.prepareWasm();
  } else if (name === 'webgl') {
    const hasCanvas =
      typeof (globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas !== 'undefined' ||
      typeof (globalThis as { document?: unknown }).document !== 'undefined';
    if (!hasCanvas) throw new Error('no canvas or OffscreenCanvas for WebGL');
  }
}

/** [[1,2],[3,4]]·[[5,6],[7,8]] = [[19,22],[43,50]], read back asynchronously. */
export async function selfTestBackend(): Promise<void> {
  const product = tf.tidy(() => tf.matMul(tf.tensor2d([1, 2, 3, 4], [2, 2]), tf.tensor2d([5, 6, 7, 8], [2, 2])));
  try {
    const values = await product.data();
    const expected = [19, 22, 43, 50];
    if (values.length !== 4 || expected.some((v, i) => Math.abs(values[i] - v) > 1e-3)) {
      throw new Error(`matmul self-test returned [${Array.from(values).join(', ')}], expected [19, 22, 43, 50]`);
    }
  } finally {
    product.dispose();
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function selectBackend(choice: BackendChoice, options: SelectBackendOptions = {}): Promise<BackendSelection> {
  const node = options.node ?? isNodeEnvironment();
  const tried: BackendAttempt[] = [];
  if (choice !== 'auto' && node && choice !== 'wasm' && choice !== 'cpu') {
    tried.push({ name: choice, ok: false, reason: `${choice} is not available in Node` });
  }
  const candidates = listBackendCandidates(choice, node).filter((name) => !tried.some((t) => t.name === name));
  for (const name of candidates) {
    try {
      await registerBackend(name, options);
      const ok = await tf.setBackend(name);
      if (!ok) throw new Error(`tf.setBackend('${name}') returned false`);
      await tf.ready();
      if (tf.getBackend() !== name) throw new Error(`tf.getBackend() is '${tf.getBackend()}' after setBackend('${name}')`);
      await selfTestBackend();
      tried.push({ name, ok: true, reason: 'ok' });
      return { backend: name, tried };
    } catch (error) {
      tried.push({ name, ok: false, reason: describeError(error) });
    }
  }
  throw new Error(`No tfjs backend works here: ${tried.map((t) => `${t.name}: ${t.reason}`).join('; ')}`);
}
