/**
 * Backend selection.
 *
 * Forced (`backend=webgl` in the link): that backend, no measuring. A forced choice that fails does NOT
 * throw: it falls back along the rest of the chain (webgpu → webgl → wasm → cpu) and reports why in
 * `tried`, so the UI can show "asked webgpu, got wasm: …". A forced webgpu may be a software adapter.
 *
 * 'auto' picks by measurement, because rank alone misleads (PLATFORM.md): Chromium's software WebGPU
 * adapter (SwiftShader) trains 1–3 AXNet steps/s against ~150–300 on wasm, and on real GPUs tfjs is often
 * slower than wasm for nets this small (tfjs#8156: the step is ~145 kernel dispatches, ~230 kFLOP).
 *   1. Candidates: wasm, cpu, then webgpu, webgl (Node: wasm, cpu). Each must register, pass setBackend +
 *      ready and a tiny matmul self-test; a software WebGPU adapter (isFallbackAdapter) or a software
 *      WebGL renderer (SwiftShader, llvmpipe) is rejected without measuring.
 *   2. With `measure` (the real training program of this config, createTrainingProbe), each candidate that
 *      passed is timed within its cap (CANDIDATE_CAP_MS, and never past the overall MEASURE_BUDGET_MS);
 *      the fastest wins. A candidate too slow for even one step within its cap loses.
 *   3. With `cache`, the winner and the rates are remembered per browser and net shape
 *      (src/core/backendCache.ts); the next selection re-activates the cached winner without measuring.
 * Without `measure` (CLI, study and bench workers) 'auto' takes the first candidate that passes.
 * Only when every candidate fails (cpu cannot, in practice) does selectBackend throw.
 */
import * as tf from '@tensorflow/tfjs';
import { parseBackendCacheEntry, type BackendCacheEntry, type BackendCacheStore } from '../core/backendCache';
import { BACKEND_CHAIN, type BackendChoice, type BackendName } from '../core/config';

/**
 * What became of a candidate: chosen (in use), slower (measured, lost), software (software adapter or
 * renderer, not used), failed (did not register or failed its self-test), too-slow (no step within its cap),
 * unmeasured (the overall budget ran out first).
 */
export type BackendVerdict = 'chosen' | 'slower' | 'software' | 'failed' | 'too-slow' | 'unmeasured';

export interface BackendAttempt {
  name: BackendName;
  ok: boolean;
  /** Why it was (not) used, in words. */
  reason: string;
  verdict: BackendVerdict;
  /** Measured training steps per second of the real program (or the cached measurement). */
  stepsPerSecond?: number;
  /** True when the rate and verdict come from the cache, not from a measurement now. */
  cached?: boolean;
}

export interface BackendSelection {
  backend: BackendName;
  tried: BackendAttempt[];
  /** How the backend was picked. */
  how: 'forced' | 'measured' | 'cached' | 'first-working';
  /** Wall time of the whole selection, ms. */
  ms: number;
}

/** One timed run of the training program on the active backend. */
export interface TrainingRate {
  stepsPerSecond: number;
  /** Steps in the timed window (after warm-up). */
  steps: number;
  /** Duration of the timed window, ms. */
  ms: number;
}

/**
 * Times the training program on the backend that is active now, within `capMs` (wall time, everything
 * included). Resolves null when not even one timed step fits in the cap. Must leave tf.memory().numTensors as found.
 */
export type MeasureTraining = (name: BackendName, capMs: number) => Promise<TrainingRate | null>;

/** Total wall time 'auto' may spend activating and timing candidates, ms (the issue's "about 1.5 s"). */
export const MEASURE_BUDGET_MS = 1500;
/** Wall time one candidate may take (activation, self-test, trainer build, warm-up, timed steps), ms. */
export const CANDIDATE_CAP_MS = 500;
/** A candidate is not started with less than this left of the budget, ms. */
export const MIN_CANDIDATE_MS = 60;
/** Order 'auto' measures in: the CPU backends first (bounded, cheap to start), then the GPU ones. */
export const MEASURE_ORDER: readonly BackendName[] = ['wasm', 'cpu', 'webgpu', 'webgl'];

export interface SelectBackendOptions {
  /** Browser wasm: set the .wasm paths (setWasmPaths) before the backend is first tried. */
  prepareWasm?: () => void | Promise<void>;
  /** Treat the environment as Node (defaults to detection). */
  node?: boolean;
  /** 'auto' only: time the training program on each candidate and take the fastest. */
  measure?: MeasureTraining;
  /** 'auto' with `measure`: remember the outcome under `cacheKey`. */
  cache?: { store: BackendCacheStore; key: string };
  /** Overall budget and per-candidate cap, ms (tests shrink them). */
  budgetMs?: number;
  candidateCapMs?: number;
  /** Clock (ms); performance.now by default. */
  now?: () => number;
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

/** Thrown for a software adapter or renderer that 'auto' does not use. */
class SoftwareBackendError extends Error {}

/** The parts of a WebGPU adapter the check reads (GPUAdapter; `isFallbackAdapter` moved into `info` in 2024). */
interface AdapterLike {
  isFallbackAdapter?: boolean;
  info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string; description?: string; device?: string };
}
interface GpuLike {
  requestAdapter(options?: unknown): Promise<AdapterLike | null>;
}

/** The software implementation's name, when the text names one. */
function nameSoftware(text: string): string | null {
  if (/swiftshader/i.test(text)) return 'SwiftShader';
  if (/llvmpipe/i.test(text)) return 'llvmpipe';
  if (/microsoft basic render/i.test(text)) return 'Microsoft Basic Render Driver';
  return null;
}

/**
 * Null for a hardware adapter; else "software adapter (SwiftShader)". Asks with default options, as the
 * webgpu backend does, so that the adapter checked is the one tfjs would get.
 */
export async function describeSoftwareAdapter(gpu: GpuLike): Promise<string | null> {
  const adapter = await gpu.requestAdapter();
  if (!adapter) throw new Error('requestAdapter() returned null');
  const info = adapter.info ?? {};
  const named = nameSoftware([info.vendor, info.architecture, info.description, info.device].filter(Boolean).join(' '));
  if (adapter.isFallbackAdapter === true || info.isFallbackAdapter === true) return `software adapter (${named ?? 'fallback'})`;
  return named ? `software adapter (${named})` : null;
}

/** The parts of a WebGL context the renderer check reads. */
interface GlLike {
  RENDERER: number;
  getParameter(parameter: number): unknown;
  getExtension(name: string): unknown;
}

/** Null for a hardware WebGL renderer (or when it cannot be read); else "software renderer (SwiftShader)". */
function describeSoftwareRenderer(): string | null {
  const backend = tf.engine().findBackend('webgl') as unknown as { gpgpu?: { gl?: GlLike } } | null;
  const gl = backend?.gpgpu?.gl;
  if (!gl) return null;
  const debug = gl.getExtension('WEBGL_debug_renderer_info') as { UNMASKED_RENDERER_WEBGL?: number } | null;
  const renderer = String(gl.getParameter(debug?.UNMASKED_RENDERER_WEBGL ?? gl.RENDERER) ?? '');
  const named = nameSoftware(renderer);
  return named ? `software renderer (${named})` : null;
}

let wasmImported = false;
let webgpuImported = false;

/** Registers `name`; resolves to the software adapter's description when WebGPU is one (and allowed), else null. */
async function registerBackend(name: BackendName, options: SelectBackendOptions, rejectSoftware: boolean): Promise<string | null> {
  let software: string | null = null;
  if (name === 'webgpu') {
    const gpu = (globalThis as { navigator?: { gpu?: GpuLike } }).navigator?.gpu;
    if (!gpu) throw new Error('navigator.gpu is not available');
    software = await describeSoftwareAdapter(gpu);
    if (software && rejectSoftware) throw new SoftwareBackendError(`${software}, not used`);
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
      typeof (globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas !== 'undefined' || typeof (globalThis as { document?: unknown }).document !== 'undefined';
    if (!hasCanvas) throw new Error('no canvas or OffscreenCanvas for WebGL');
  }
  return software;
}

/** The smallest WebAssembly module: the magic number \0asm and version 1. */
const EMPTY_WASM_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/**
 * Why wasm cannot start here, when the reason is that WebAssembly may not be compiled at all: a
 * Content-Security-Policy without 'wasm-unsafe-eval' (issue 12 item 10), or no WebAssembly. tfjs only logs
 * that error and returns false from setBackend, so the notice would otherwise say nothing useful. Empty text
 * when an empty module compiles (then the cause is elsewhere).
 */
export function describeWasmBlock(): string {
  const wasm = (globalThis as { WebAssembly?: { Module: new (bytes: Uint8Array) => unknown } }).WebAssembly;
  if (!wasm) return ': this runtime has no WebAssembly';
  try {
    new wasm.Module(EMPTY_WASM_MODULE);
    return '';
  } catch (error) {
    const blockedByPolicy = /Content.Security.Policy|wasm-unsafe-eval|unsafe-eval/i.test(describeError(error));
    return blockedByPolicy
      ? `: the page's Content-Security-Policy does not allow WebAssembly ('wasm-unsafe-eval' is missing from script-src)`
      : `: WebAssembly cannot compile here (${describeError(error)})`;
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

/**
 * Registers, sets and self-tests `name`; afterwards it is tf's active backend. Throws on any failure.
 * Resolves to a note when the backend is a software GPU that was allowed (a forced choice), else null.
 */
async function activateBackend(name: BackendName, options: SelectBackendOptions, rejectSoftware: boolean): Promise<string | null> {
  let software = await registerBackend(name, options, rejectSoftware);
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`tf.setBackend('${name}') returned false${name === 'wasm' ? describeWasmBlock() : ''}`);
  await tf.ready();
  if (tf.getBackend() !== name) throw new Error(`tf.getBackend() is '${tf.getBackend()}' after setBackend('${name}')`);
  if (name === 'webgl') {
    software = describeSoftwareRenderer();
    if (software && rejectSoftware) throw new SoftwareBackendError(`${software}, not used`);
  }
  await selfTestBackend();
  return software;
}

/** Failure of `activateBackend` as an attempt: software (rejected on purpose) or failed. */
function describeFailure(name: BackendName, error: unknown): BackendAttempt {
  if (error instanceof SoftwareBackendError) return { name, ok: false, verdict: 'software', reason: error.message };
  return { name, ok: false, verdict: 'failed', reason: `failed self-test: ${describeError(error)}` };
}

function formatRate(stepsPerSecond: number): string {
  return `${stepsPerSecond >= 100 ? Math.round(stepsPerSecond) : stepsPerSecond.toPrecision(2)} steps/s`;
}

/** Report rows in chain order (webgpu, webgl, wasm, cpu), whatever order they were tried in. */
function sortAttempts(tried: BackendAttempt[]): BackendAttempt[] {
  return [...tried].sort((a, b) => BACKEND_CHAIN.indexOf(a.name) - BACKEND_CHAIN.indexOf(b.name));
}

async function selectForced(choice: BackendName, options: SelectBackendOptions, node: boolean, started: number, now: () => number): Promise<BackendSelection> {
  const tried: BackendAttempt[] = [];
  if (node && choice !== 'wasm' && choice !== 'cpu') {
    tried.push({ name: choice, ok: false, verdict: 'failed', reason: `${choice} is not available in Node` });
  }
  const candidates = listBackendCandidates(choice, node).filter((name) => !tried.some((t) => t.name === name));
  for (const name of candidates) {
    try {
      const software = await activateBackend(name, options, false);
      const reason = name === choice ? 'forced by the link (not measured)' : `fallback for ${choice} (not measured)`;
      tried.push({ name, ok: true, verdict: 'chosen', reason: software ? `${reason}; ${software}: expect a few steps/s` : reason });
      return { backend: name, tried, how: 'forced', ms: now() - started };
    } catch (error) {
      tried.push(describeFailure(name, error));
    }
  }
  throw new Error(`No tfjs backend works here: ${tried.map((t) => `${t.name}: ${t.reason}`).join('; ')}`);
}

/** The cached winner, re-activated; null when there is no valid entry or the winner no longer works. */
async function selectFromCache(candidates: BackendName[], options: SelectBackendOptions, started: number, now: () => number): Promise<BackendSelection | null> {
  if (!options.cache) return null;
  let entry: BackendCacheEntry | null = null;
  try {
    entry = parseBackendCacheEntry(await options.cache.store.read(options.cache.key), options.cache.key, Date.now());
  } catch {
    entry = null;
  }
  if (!entry || !candidates.includes(entry.backend)) return null;
  try {
    await activateBackend(entry.backend, options, true);
  } catch {
    return null;
  }
  const rates = entry.rates;
  const tried: BackendAttempt[] = Object.entries(rates).map(([name, rate]) => {
    const backend = name as BackendName;
    const chosen = backend === entry.backend;
    return {
      name: backend,
      ok: chosen,
      verdict: chosen ? 'chosen' : 'slower',
      stepsPerSecond: rate,
      cached: true,
      reason: `${chosen ? 'chosen' : 'slower'}: ${formatRate(rate ?? 0)} (from cache, measured ${new Date(entry.measuredAt).toISOString().slice(0, 10)})`,
    } satisfies BackendAttempt;
  });
  return { backend: entry.backend, tried: sortAttempts(tried), how: 'cached', ms: now() - started };
}

async function selectAuto(options: SelectBackendOptions, node: boolean, started: number, now: () => number): Promise<BackendSelection> {
  const candidates = listBackendCandidates('auto', node);
  const { measure } = options;
  if (!measure) {
    const tried: BackendAttempt[] = [];
    for (const name of candidates) {
      try {
        await activateBackend(name, options, true);
        tried.push({ name, ok: true, verdict: 'chosen', reason: 'first working backend (not measured)' });
        return { backend: name, tried, how: 'first-working', ms: now() - started };
      } catch (error) {
        tried.push(describeFailure(name, error));
      }
    }
    throw new Error(`No tfjs backend works here: ${tried.map((t) => `${t.name}: ${t.reason}`).join('; ')}`);
  }

  const cached = await selectFromCache(candidates, options, started, now);
  if (cached) return cached;

  const budgetMs = options.budgetMs ?? MEASURE_BUDGET_MS;
  const capMs = options.candidateCapMs ?? CANDIDATE_CAP_MS;
  const deadline = started + budgetMs;
  const tried: BackendAttempt[] = [];
  const working: BackendName[] = [];
  const rates = new Map<BackendName, number>();
  const order = MEASURE_ORDER.filter((name) => candidates.includes(name));
  for (const name of order) {
    const candidateStart = now();
    const left = deadline - candidateStart;
    if (left < MIN_CANDIDATE_MS && working.length > 0) {
      tried.push({ name, ok: false, verdict: 'unmeasured', reason: `not measured: the ${budgetMs} ms budget was spent` });
      continue;
    }
    const cap = Math.max(MIN_CANDIDATE_MS, Math.min(capMs, left));
    try {
      await activateBackend(name, options, true);
    } catch (error) {
      tried.push(describeFailure(name, error));
      continue;
    }
    working.push(name);
    let rate: TrainingRate | null = null;
    try {
      rate = await measure(name, Math.max(0, cap - (now() - candidateStart)));
    } catch (error) {
      // The backend works; the program does not (e.g. an impossible config): the real trainer reports it.
      tried.push({ name, ok: true, verdict: 'failed', reason: `failed while training: ${describeError(error)}` });
      continue;
    }
    if (rate && Number.isFinite(rate.stepsPerSecond) && rate.stepsPerSecond > 0) {
      rates.set(name, rate.stepsPerSecond);
      tried.push({ name, ok: true, verdict: 'slower', stepsPerSecond: rate.stepsPerSecond, reason: '' });
    } else {
      tried.push({ name, ok: true, verdict: 'too-slow', reason: `too slow: no timed step within its ${Math.round(cap)} ms cap` });
    }
  }
  if (working.length === 0) throw new Error(`No tfjs backend works here: ${tried.map((t) => `${t.name}: ${t.reason}`).join('; ')}`);

  // The fastest measured; when none completed a timed step, the first that works.
  let winner = working[0];
  for (const [name, rate] of rates) if (rate > (rates.get(winner) ?? 0)) winner = name;
  if (tf.getBackend() !== winner) {
    const ok = await tf.setBackend(winner);
    if (!ok) throw new Error(`tf.setBackend('${winner}') returned false after measuring`);
    await tf.ready();
  }
  for (const attempt of tried) {
    const rate = attempt.stepsPerSecond;
    if (attempt.name === winner) {
      attempt.verdict = 'chosen';
      attempt.reason = rate !== undefined ? `chosen: ${formatRate(rate)}, the fastest measured` : `chosen: the first that works (${attempt.reason})`;
    } else if (rate !== undefined) {
      attempt.ok = false;
      attempt.reason = `slower: ${formatRate(rate)}`;
    } else if (attempt.ok) {
      attempt.ok = false;
    }
  }
  if (options.cache && rates.has(winner)) {
    const entry: BackendCacheEntry = { version: 1, key: options.cache.key, backend: winner, rates: Object.fromEntries(rates), measuredAt: Date.now() };
    try {
      await options.cache.store.write(entry);
    } catch {
      // A cache that cannot be written only costs the next Play a measurement.
    }
  }
  return { backend: winner, tried: sortAttempts(tried), how: 'measured', ms: now() - started };
}

export async function selectBackend(choice: BackendChoice, options: SelectBackendOptions = {}): Promise<BackendSelection> {
  const node = options.node ?? isNodeEnvironment();
  const now = options.now ?? (() => performance.now());
  const started = now();
  return choice === 'auto' ? selectAuto(options, node, started, now) : selectForced(choice, options, node, started, now);
}

/** The part of a trainer the probe drives (MethodTrainer has it). */
export interface ProbeTrainer {
  readonly step: number;
  readonly totalSteps: number;
  train(steps: number): Promise<unknown>;
  dispose(): void;
}

export interface TrainingProbeOptions {
  /** Untimed steps first (kernel compilation, first uploads). */
  warmupSteps?: number;
  /** Length of the timed window, ms (cut short by the cap). */
  windowMs?: number;
  now?: () => number;
}

/**
 * A MeasureTraining that builds the real trainer (`createTrainer`, e.g. createMethodTrainer(config, method)
 * on the shared dataset), trains `warmupSteps` untimed steps, then times steps until `windowMs` or the cap,
 * and disposes the trainer. Steps/s = timed steps · 1000 / timed ms. The caller builds a fresh trainer for
 * the real run, so measuring does not change its numbers (same seed, same batches).
 * The cap is checked between steps: a step in flight is never abandoned (its tensors would straddle backends).
 */
export function createTrainingProbe(createTrainer: () => ProbeTrainer, probe: TrainingProbeOptions = {}): MeasureTraining {
  const warmupSteps = probe.warmupSteps ?? 2;
  const windowMs = probe.windowMs ?? 150;
  const now = probe.now ?? (() => performance.now());
  return async (_name, capMs) => {
    const start = now();
    const capEnd = start + capMs;
    const trainer = createTrainer();
    try {
      for (let k = 0; k < warmupSteps && trainer.step < trainer.totalSteps; k++) {
        await trainer.train(1);
        if (now() >= capEnd) return null;
      }
      const timedStart = now();
      const windowEnd = Math.min(capEnd, timedStart + windowMs);
      const firstStep = trainer.step;
      while (trainer.step < trainer.totalSteps) {
        // Chunks sized to the time left at the rate so far (≤ 16 steps per await), so the window is not overrun.
        const done = trainer.step - firstStep;
        const msPerStep = done > 0 ? (now() - timedStart) / done : Infinity;
        const chunk = Math.max(1, Math.min(16, Math.floor((windowEnd - now()) / msPerStep)));
        await trainer.train(chunk);
        if (now() >= windowEnd) break;
      }
      const ms = now() - timedStart;
      const steps = trainer.step - firstStep;
      if (steps === 0 || ms <= 0) return null;
      return { stepsPerSecond: (steps * 1000) / ms, steps, ms };
    } finally {
      trainer.dispose();
    }
  };
}
