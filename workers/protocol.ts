/**
 * Messages between the UI thread and the training worker (workers/train.worker.ts).
 * The worker owns training; the UI only sends intents and renders what comes back.
 * Both unions are tagged by `type` and handled in exhaustive switches.
 */
import type { BenchmarkViewData } from '../src/core/benchmarkViews';
import type { TrainerCheckpoint } from '../src/core/checkpoint';
import type { BackendName, LabConfig, MethodId } from '../src/core/config';
import type { Message } from '../src/core/messages';
import type { Heartbeat } from '../src/core/watchdog';
import type { AxnetWeights, BaselineWeights, EvaluationPoint, MethodTopology, SurfaceSnapshot } from '../src/core/weights';

/** One backend tried during selection (src/ml/backend.ts BackendAttempt, as plain data). */
export interface BackendAttempt {
  name: string;
  /** True for the backend in use. */
  ok: boolean;
  /** Why it was (not) used, in words, e.g. "slower: 212 steps/s", "software adapter (SwiftShader), not used". */
  reason?: string;
  /** chosen | slower | software | failed | too-slow | unmeasured (BackendVerdict). */
  verdict?: string;
  /** Measured steps/s of the real training program ('auto' only). */
  stepsPerSecond?: number;
  /** The rate and verdict come from the per-browser cache, not from a measurement now. */
  cached?: boolean;
}

export interface ParameterCounts {
  approximator: number;
  predictor: number;
  total: number;
  lone: number;
}

/** Intents toward the worker. */
export type ToWorkerMessage =
  /**
   * `method` picks the trainer (createMethodTrainer); `surfaces: false` skips the surface snapshots
   * (compare mode draws curves only). `cpuShare` (0 < share ≤ 1, default 1) is the fraction of a core this
   * worker may train: it rests between chunks so that the page keeps a core (src/core/cpuShare.ts).
   */
  | { type: 'init'; config: LabConfig; method: MethodId; surfaces?: boolean; cpuShare?: number; resume?: ResumeRequest }
  | { type: 'run' }
  | { type: 'pause' }
  | { type: 'step'; count: number }
  | { type: 'stop' };

/**
 * Continue a run from its last checkpoint (after a fault, or a reload) on `backend`, unmeasured: the checkpoint's own
 * backend continues bit for bit; another one (after a GPU loss) gives that backend's numbers from the checkpoint on.
 * checkpoint null: from step 0 on that backend (a GPU lost before the first evaluation).
 */
export interface ResumeRequest {
  checkpoint: TrainerCheckpoint | null;
  backend: BackendName;
}

/** State pushed by the worker; shared by `progress` and `done`. */
export interface ProgressPayload {
  /** Method this worker trains. */
  method: MethodId;
  /** Trainer step reached. */
  step: number;
  /** Steps the method runs in all (the trainer's totalSteps; the step budget rule of the methods). */
  totalSteps: number;
  /** What the trainer is doing now, e.g. "round 2/8: approximator" (method-specific text, English). */
  phase: string;
  /** The phase in every interface language (the page shows it in the user's); null when done. */
  phaseMessage: Message | null;
  /** Whether the run loop is still going after this message. */
  running: boolean;
  /** Backend actually used; set on the first message after init, null afterwards. */
  backend: BackendName | null;
  /** Self-test report of each backend tried; only on the first message after init. */
  backendReport: BackendAttempt[] | null;
  /** Training throughput over the last reporting window (steps per wall-clock second). */
  stepsPerSecond: number;
  /** Wall time spent inside trainer.train so far, in ms. */
  trainingMs: number;
  /** Evaluation points produced since the previous message, in step order. */
  points: EvaluationPoint[];
  /** Only on the first message after init. */
  parameterCounts: ParameterCounts | null;
  /** The method's networks, parameter count and §V-A match; only on the first message after init. */
  topology?: MethodTopology | null;
  /** Things the user should know about the run (trainer.notes), when they changed. */
  notes?: readonly string[] | null;
  /**
   * Benchmark view of the current weights (image targets: approximated photo + CPU/NN routing map;
   * other non-2-D targets: output-vs-target sample); sent when the run pauses or ends, else null/absent.
   */
  benchmark?: BenchmarkViewData | null;
  /** Latest surface (2-D targets), or null when none is due; its Float32Arrays are transferred. */
  surface: SurfaceSnapshot | null;
  /**
   * The trained AXNet as plain data (trainer.getWeights()), sent when the run pauses or is done, for the NPU view; else
   * null/absent. In compare mode (surfaces off) only the axnet worker sends it.
   */
  weights?: AxnetWeights | null;
  /**
   * onepass / iterative: the trained approximator + classifier (trainer.getBaselineWeights()), sent when the run pauses
   * or is done, so the NPU view can compare energy-efficiency gains with AXNet (paper Fig. 10b); else null/absent.
   */
  baselineWeights?: BaselineWeights | null;
}

/** A run worker's sign of progress between chunks, for the page's watchdog (src/core/watchdog.ts); every run protocol has it. */
export type HeartbeatMessage = { type: 'heartbeat' } & Heartbeat;

/**
 * A worker's failure: its English text (logs, tests, the CLI) and, where the worker words it itself (a divergence), the
 * same in every interface language, which the page shows.
 */
export interface WorkerErrorMessage {
  type: 'error';
  message: string;
  fatal: boolean;
  localized?: Message;
}

/** Messages from the worker. */
export type FromWorkerMessage =
  | ({ type: 'progress' } & ProgressPayload)
  | ({ type: 'done' } & ProgressPayload)
  | HeartbeatMessage
  /** The last good state, at every evaluation (after the progress that carries the evaluation); its buffers are transferred. */
  | { type: 'checkpoint'; checkpoint: TrainerCheckpoint }
  /** The GPU backend stopped working (WebGL context lost, WebGPU device lost, or a readback past its limit, src/core/watchdog.ts computeReadbackLimitMs); the worker trains no more. */
  | { type: 'gpu-lost'; backend: BackendName; reason: string; step: number }
  | WorkerErrorMessage;

/** Grid resolution of the surface snapshots. */
export const SURFACE_RESOLUTION = 40;
/** Minimum wall time between two progress messages while running, ms. */
export const PROGRESS_INTERVAL_MS = 150;
/** Minimum wall time between two surface snapshots while running, ms (≈ 4 per second). */
export const SURFACE_INTERVAL_MS = 250;
/** Target wall time of one training chunk, ms; the worker yields to its event loop between chunks. */
export const CHUNK_BUDGET_MS = 20;
/**
 * Least wall time between two checkpoints, ms: one goes out at an evaluation step once this much passed since the last
 * (with evalEvery = 1 a checkpoint per step would cost a readback of θ and Adam's moments every step). Status 'estimate'.
 */
export const CHECKPOINT_INTERVAL_MS = 1000;

/** The distinct ArrayBuffers behind a snapshot, for postMessage's transfer list. */
export function collectSurfaceBuffers(surface: SurfaceSnapshot | null): ArrayBuffer[] {
  if (!surface) return [];
  const arrays: (Float32Array | null)[] = [surface.target, surface.axnet, surface.lone, surface.error, surface.safeProbability];
  for (const layer of surface.hidden) arrays.push(layer.before, layer.control, layer.after);
  const buffers = new Set<ArrayBuffer>();
  for (const array of arrays) if (array && array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  return [...buffers];
}
