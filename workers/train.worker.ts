/// <reference lib="webworker" />
/**
 * Training worker: a thin message loop around one training session (src/ml/session.ts over
 * createMethodTrainer: AXNet or a baseline). The session trains in small chunks and evaluates on exactly
 * the trainer's evaluation schedule, as `axlab train` does, so step-N metrics equal the CLI's; between
 * chunks the worker yields to its event loop so that pause/stop are handled promptly, and posts progress.
 * It runs as the 'train' role of workers/lab.worker.ts (one worker build: tfjs shared with the other roles).
 */
import type { LabConfig, MethodId } from '../src/core/config';
import { collectCheckpointBuffers } from '../src/core/checkpoint';
import { divergenceStopMessage } from '../src/core/divergence';
import { computeBackendCacheKey } from '../src/core/backendCache';
import { createDataset } from '../src/core/dataset';
import { resolveTarget } from '../src/core/targets';
import { loadTargetData } from '../src/core/targets/loadTargetData';
import { createTrainingProbe, selectBackend, type BackendSelection } from '../src/ml/backend';
import { resolveFusedLayers } from '../src/core/axnetMath';
import { collectBenchmarkBuffers, computeBenchmarkView, createAxnetRunner, createBaselineRunner, type BenchmarkViewData, type NetworkRunner } from '../src/core/benchmarkViews';
import { isBaselineMethod } from '../src/core/methods/registry';
import { createMethodTrainer } from '../src/ml/methods/index';
import { createTrainingSession, type TrainingSession } from '../src/ml/session';
import type { AxnetWeights, MethodTopology, SurfaceSnapshot } from '../src/core/weights';
import type { MethodTrainer } from '../src/ml/types';
import { createIndexedDbBackendCache } from './backendCacheStore';
import { createRunControl } from './runControl';
import { GPU_GONE, createGpuGuard } from './gpuGuard';
import { prepareWasm } from './prepareWasm';
import {
  CHECKPOINT_INTERVAL_MS,
  CHUNK_BUDGET_MS,
  PROGRESS_INTERVAL_MS,
  SURFACE_INTERVAL_MS,
  SURFACE_RESOLUTION,
  collectSurfaceBuffers,
  type BackendAttempt,
  type FromWorkerMessage,
  type ParameterCounts,
  type ProgressPayload,
  type ResumeRequest,
  type ToWorkerMessage,
} from './protocol';

declare const self: DedicatedWorkerGlobalScope;

let trainer: MethodTrainer | null = null;
/** False in compare mode: no surface snapshots or benchmark views, curves (plus the trained nets for the NPU view). */
let sendViews = true;
/** Training time of the last chunk, ms: the base of the rest that follows it. */
let lastChunkMs = 0;

// Fields that go out once, on the first message after init.
let pendingBackendReport: BackendAttempt[] | null = null;
let pendingParameterCounts: ParameterCounts | null = null;
let pendingTopology: MethodTopology | null = null;
let sentNotes = 0;
/** The training loop of the run (src/ml/session.ts: chunk sizing, evaluation schedule, throughput). */
let session: TrainingSession | null = null;
let lastProgressAt = 0;
let lastSurfaceAt = -Infinity;
/** When the last checkpoint went out (performance.now()). */
let lastCheckpointAt = Number.NEGATIVE_INFINITY;

function post(message: FromWorkerMessage, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

const control = createRunControl({
  name: 'worker',
  postError: (message, fatal, localized) => post({ type: 'error', message, fatal, ...(localized ? { localized } : {}) }),
  postHeartbeat: (beat) => post({ type: 'heartbeat', ...beat }),
  currentStep: () => trainer?.step ?? 0,
  dispose: () => disposeTrainer(),
});

/**
 * Forced backend: that one. 'auto': the fastest by measurement of this very training program (a throw-away
 * trainer per candidate on the shared dataset, src/ml/backend.ts), remembered per browser and net shape.
 */
async function chooseBackend(config: LabConfig, method: MethodId, dataset: ReturnType<typeof createDataset>): Promise<BackendSelection> {
  if (config.backend !== 'auto') return selectBackend(config.backend, { prepareWasm });
  return selectBackend('auto', {
    prepareWasm,
    measure: createTrainingProbe(() => createMethodTrainer(config, method, { dataset })),
    cache: { store: createIndexedDbBackendCache(), key: computeBackendCacheKey(self.navigator.userAgent, config, method) },
  });
}

async function initialize(config: LabConfig, method: MethodId, views: boolean, resume: ResumeRequest | undefined): Promise<void> {
  sendViews = views;
  await loadTargetData(config.target); // image targets: the photographs' chunk
  const dataset = createDataset(config);
  // A resumed run continues on the backend it is given (its checkpoint's, or the next one after a GPU loss), unmeasured.
  const selection = resume ? await selectBackend(resume.backend, { prepareWasm }) : await chooseBackend(config, method, dataset);
  // A fresh trainer, seeded as usual (the measurement's throw-away trainers leave no trace in its numbers), or the checkpoint's.
  trainer = createMethodTrainer(config, method, { dataset, ...(resume?.checkpoint ? { checkpoint: resume.checkpoint } : {}) });
  gpu.watch();
  pendingTopology = trainer.topology;
  pendingBackendReport = selection.tried.map((t) => ({
    name: t.name,
    ok: t.ok,
    reason: t.reason,
    verdict: t.verdict,
    ...(t.stepsPerSecond !== undefined ? { stepsPerSecond: t.stepsPerSecond } : {}),
    ...(t.cached ? { cached: true } : {}),
  }));
  pendingParameterCounts = { ...trainer.parameterCounts };
  session = createTrainingSession(trainer, { chunkBudgetMs: CHUNK_BUDGET_MS });
  // A first message at step 0: backend, parameter counts, and the untrained surface.
  await sendProgress(false, true);
}

/** The surface when one is due (or forced); `interrupt` may abandon a big one (null) between its bands. */
async function takeSurface(now: number, force: boolean, interrupt?: () => Promise<boolean>): Promise<SurfaceSnapshot | null> {
  if (!trainer || !sendViews || (!force && now - lastSurfaceAt < SURFACE_INTERVAL_MS)) return null;
  lastSurfaceAt = now;
  return trainer.surface(SURFACE_RESOLUTION, interrupt);
}

/** The trained method as a plain-TS runner (AXNet: its weights; baselines: approximator + classifier). */
async function buildRunner(active: MethodTrainer, axnetWeights: AxnetWeights | null): Promise<NetworkRunner | null> {
  const config = active.effectiveConfig;
  if (active.method === 'axnet') {
    const weights = axnetWeights ?? (await active.getWeights());
    const fusedLayers = resolveFusedLayers(config.fusion, weights.approximator.length - 1);
    return createAxnetRunner({ ...weights, fusedLayers, predictionOutput: config.predictionOutput, controlPlacement: config.controlPlacement });
  }
  const baseline = (await active.getBaselineWeights?.()) ?? null;
  return baseline ? createBaselineRunner(baseline.approximator, baseline.classifier, config.predictionOutput) : null;
}

/** The benchmark view (image or scatter) of the current weights; null for 2-D targets (their surface serves). */
async function takeBenchmarkView(active: MethodTrainer, axnetWeights: AxnetWeights | null): Promise<BenchmarkViewData | null> {
  const runner = await buildRunner(active, axnetWeights);
  return runner ? computeBenchmarkView(resolveTarget(active.config), runner, active.config.seed, active.step) : null;
}

/**
 * Progress to the page; `views: false` leaves out the surface, the weights and the benchmark view (the page keeps its
 * last ones): a paused run's quick answer, before the views, which at maximal widths take seconds on cpu. While running,
 * `interrupt` (Pause) may abandon a big surface between its bands.
 */
async function sendProgress(running: boolean, forceSurface: boolean, type: 'progress' | 'done' = 'progress', views = true, interrupt?: () => Promise<boolean>): Promise<void> {
  if (!trainer) return;
  const now = performance.now();
  const surface = views ? await takeSurface(now, forceSurface, interrupt) : null;
  // The NPU view simulates the trained networks: they go out when the run pauses or is done (compare mode: AXNet's
  // weights from the axnet worker, approximator + classifier from the onepass / iterative workers, Fig. 10b).
  const settled = views && !running && trainer.step > 0;
  const weights = settled && (sendViews || trainer.method === 'axnet') ? await trainer.getWeights() : null;
  const baselineWeights = settled && isBaselineMethod(trainer.method) ? ((await trainer.getBaselineWeights?.()) ?? null) : null;
  const notes = trainer.notes.length !== sentNotes ? [...trainer.notes] : null;
  sentNotes = trainer.notes.length;
  // Benchmark views (approximated photo, routing map, scatter) when the run pauses or ends: cheap, plain TS.
  const benchmark = sendViews && settled ? await takeBenchmarkView(trainer, weights) : null;
  const payload: ProgressPayload = {
    method: trainer.method,
    step: trainer.step,
    totalSteps: trainer.totalSteps,
    phase: trainer.phase,
    phaseMessage: trainer.phaseMessage,
    running,
    backend: pendingBackendReport ? trainer.backend : null,
    backendReport: pendingBackendReport,
    stepsPerSecond: session?.stepsPerSecond ?? 0,
    trainingMs: trainer.trainingMs,
    points: session?.takePoints() ?? [],
    parameterCounts: pendingParameterCounts,
    topology: pendingTopology,
    notes,
    surface,
    weights,
    baselineWeights,
    benchmark,
  };
  pendingBackendReport = null;
  pendingParameterCounts = null;
  pendingTopology = null;
  lastProgressAt = now;
  post({ type, ...payload }, [...collectSurfaceBuffers(surface), ...collectBenchmarkBuffers(benchmark)]);
}

/**
 * The GPU is gone: say so once; the loops end and the page ends this worker and continues from the last checkpoint.
 * Every piece of GPU work (a chunk and its readback, a checkpoint, views) goes through gpu.guard.
 */
const gpu = createGpuGuard({
  backend: () => trainer?.backend ?? null,
  onLost: (reason, backend) => post({ type: 'gpu-lost', backend, reason, step: trainer?.step ?? 0 }),
});
const guardGpu = gpu.guard;

/** The last good state at an evaluation, to the page (its buffers transferred: the trainer keeps its own tensors). */
async function postCheckpoint(active: MethodTrainer): Promise<boolean> {
  const checkpoint = await guardGpu(() => active.checkpoint());
  if (checkpoint === GPU_GONE) return false;
  post({ type: 'checkpoint', checkpoint }, collectCheckpointBuffers(checkpoint));
  return true;
}

/**
 * One chunk of the session (at most `limit` steps, sized to ≈ CHUNK_BUDGET_MS, never past the next
 * evaluation step); at an evaluation step (at most every CHECKPOINT_INTERVAL_MS) the progress with its point and then
 * the checkpoint go out. Returns false
 * when training must end: it diverged (an error was posted; the trainer kept its last good weights) or the GPU was lost.
 */
async function trainChunk(active: TrainingSession, limit: number, interrupt: () => Promise<boolean>): Promise<boolean> {
  if (gpu.lost !== null) return false;
  const outcome = await guardGpu(() => active.trainChunk(limit, interrupt));
  if (outcome === GPU_GONE) return false;
  lastChunkMs = outcome.elapsedMs;
  gpu.noteChunk(outcome.elapsedMs);
  if (outcome.diverged) {
    // The page shows the restored step's evaluated state (issue 12): its metrics point, surface, weights (NPU view)
    // and benchmark view go out as a settled progress before the error, which the page reads after them.
    if ((await guardGpu(() => active.evaluateCurrent())) === GPU_GONE) return false;
    if ((await guardGpu(() => sendProgress(false, true))) === GPU_GONE) return false;
    control.fail(divergenceStopMessage(outcome.diverged), false);
    return false;
  }
  if (outcome.evaluated && (active.done || performance.now() - lastCheckpointAt >= CHECKPOINT_INTERVAL_MS)) {
    lastCheckpointAt = performance.now();
    if ((await guardGpu(() => sendProgress(true, false, 'progress', true, interrupt))) === GPU_GONE) return false;
    if (!(await postCheckpoint(active.trainer as MethodTrainer))) return false;
  }
  return true;
}

function disposeTrainer(): void {
  gpu.dispose();
  trainer?.dispose();
  trainer = null;
}

/** The interrupt of the run loop's sliced work (a step, a surface): Pause, Stop or a GPU loss ends it. */
const untilPause = () => control.sliceInterrupt(() => !control.wantRunning || gpu.lost !== null);

async function runLoop(): Promise<void> {
  const active = trainer;
  const loop = session;
  if (!active || !loop) return;
  await control.exclusive(async () => {
    while (control.wantRunning && !control.stopped && !loop.done && gpu.lost === null) {
      // A big step is sliced (src/core/runEstimate.ts computeStepSlices): Pause ends it between slices, undone.
      if (!(await trainChunk(loop, Number.POSITIVE_INFINITY, untilPause()))) return;
      if (loop.done || !control.wantRunning || control.stopped) break;
      if (performance.now() - lastProgressAt >= PROGRESS_INTERVAL_MS && (await guardGpu(() => sendProgress(true, false, 'progress', true, untilPause()))) === GPU_GONE) return;
      await control.rest(lastChunkMs);
    }
    if (control.stopped || gpu.lost !== null) return;
    control.finish();
    const finished = active.step >= active.totalSteps;
    // Paused: the answer first (step, points: the page shows "paused" at the worker's step), then the views. A Play (or
    // Stop) while the paused views are drawn abandons their surface between bands (seconds at maximal widths on cpu),
    // so that the run resumes, and a Pause right after it is answered, within a band, not after the whole surface.
    if (!finished && (await guardGpu(() => sendProgress(false, false, 'progress', false))) === GPU_GONE) return;
    const untilPlay = finished ? undefined : control.sliceInterrupt(() => control.wantRunning || gpu.lost !== null);
    await guardGpu(() => sendProgress(false, true, finished ? 'done' : 'progress', true, untilPlay));
  });
}

async function runSteps(count: number): Promise<void> {
  const active = trainer;
  const loop = session;
  if (!active || !loop) return;
  await control.exclusive(async () => {
    const goal = Math.min(active.totalSteps, active.step + Math.max(0, Math.floor(count)));
    while (!control.stopped && active.step < goal) {
      if (
        !(await trainChunk(
          loop,
          goal - active.step,
          control.sliceInterrupt(() => gpu.lost !== null),
        ))
      )
        return;
      await control.rest(lastChunkMs);
    }
    if (control.stopped || gpu.lost !== null) return;
    // A stepped run shows the state it stopped at.
    if ((await guardGpu(() => loop.evaluateCurrent())) === GPU_GONE) return;
    loop.resetThroughput();
    await guardGpu(() => sendProgress(false, true, active.step >= active.totalSteps ? 'done' : 'progress'));
  });
}

function handleMessage(message: ToWorkerMessage): void {
  control.dispatch(message, { start: (message) => initialize(message.config, message.method, message.surfaces ?? true, message.resume), loop: runLoop, steps: runSteps });
}

control.listen<ToWorkerMessage>(self, handleMessage);
