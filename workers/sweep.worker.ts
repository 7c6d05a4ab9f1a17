/// <reference lib="webworker" />
/**
 * Sweep worker: a thin message loop around one ModelGroupTrainer holding every variant of a sweep
 * (src/ml/sweep.ts). Like train.worker.ts it trains in chunks of ≈ CHUNK_BUDGET_MS that end at the
 * evaluation steps, posts progress every PROGRESS_INTERVAL_MS, and yields between chunks so that pause
 * and stop are prompt. For 'auto' the backend is measured on the K-model group itself (issue 8 §4).
 * At an evaluation step (at most every CHECKPOINT_INTERVAL_MS) it posts the group's checkpoint after that step's
 * progress; an init with `resume` continues from one on the given backend (after a fault: src/state/sweepController.ts).
 * It runs as the 'sweep' role of workers/lab.worker.ts.
 */
import { collectCheckpointBuffers } from '../src/core/checkpoint';
import type { LabConfig } from '../src/core/config';
import { computeBackendCacheKey } from '../src/core/backendCache';
import type { SweepPlan } from '../src/core/sweep';
import { loadTargetData } from '../src/core/targets/loadTargetData';
import { createTrainingProbe, selectBackend, type BackendSelection } from '../src/ml/backend';
import type { ModelGroupTrainer } from '../src/ml/group';
import { createSweepGroup, describeSweepShape, trainSweepChunk } from '../src/ml/sweep';
import { createIndexedDbBackendCache } from './backendCacheStore';
import { prepareWasm } from './prepareWasm';
import { GPU_GONE, createGpuGuard } from './gpuGuard';
import { createRunControl } from './runControl';
import { CHECKPOINT_INTERVAL_MS, CHUNK_BUDGET_MS, PROGRESS_INTERVAL_MS, type BackendAttempt } from './protocol';
import type { FromSweepWorkerMessage, SweepPointMessage, SweepProgressPayload, SweepResume, ToSweepWorkerMessage } from './sweepProtocol';

declare const self: DedicatedWorkerGlobalScope;

let group: ModelGroupTrainer | null = null;
let evalEvery = 1;
let lastChunkMs = 0;
let pendingBackendReport: BackendAttempt[] | null = null;
let pendingPoints: SweepPointMessage[] = [];
let pendingStopped: SweepProgressPayload['stopped'] = [];
let lastProgressAt = 0;
let windowStartAt = 0;
let windowModelSteps = 0;
let modelStepsPerSecond = 0;
let windowSteps = 0;
let stepsPerSecond = 0;
/** When the last checkpoint went out (performance.now()). */
let lastCheckpointAt = Number.NEGATIVE_INFINITY;

function post(message: FromSweepWorkerMessage, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

const control = createRunControl({
  name: 'sweep worker',
  postError: (message, fatal, localized) => post({ type: 'error', message, fatal, ...(localized ? { localized } : {}) }),
  postHeartbeat: (beat) => post({ type: 'heartbeat', ...beat }),
  currentStep: () => group?.step ?? 0,
  dispose: () => disposeGroup(),
});

/** A lost GPU ends the loop (every chunk and checkpoint is guarded); the page continues from the last checkpoint elsewhere. */
const gpu = createGpuGuard({
  backend: () => group?.backend ?? null,
  onLost: (reason, backend) => post({ type: 'gpu-lost', backend, reason, step: group?.step ?? 0 }),
});

/** Forced: that backend. 'auto': the fastest on this very K-model group (a throw-away group per candidate). */
async function chooseBackend(config: LabConfig, plan: SweepPlan): Promise<BackendSelection> {
  if (config.backend !== 'auto') return selectBackend(config.backend, { prepareWasm });
  const key = `${computeBackendCacheKey(self.navigator.userAgent, describeSweepShape(plan), plan.method)}|group${plan.variants.length}`;
  return selectBackend('auto', {
    prepareWasm,
    measure: createTrainingProbe(() => createSweepGroup(plan)),
    cache: { store: createIndexedDbBackendCache(), key },
  });
}

async function initialize(plan: SweepPlan, config: LabConfig, resume: SweepResume | undefined): Promise<void> {
  await loadTargetData(config.target);
  // A resumed sweep continues on the backend it is given (its checkpoint's), unmeasured, from the checkpoint's step.
  const selection = resume ? await selectBackend(resume.backend, { prepareWasm }) : await chooseBackend(config, plan);
  group = createSweepGroup(plan, resume?.checkpoint);
  gpu.watch();
  evalEvery = plan.variants[0].config.evalEvery;
  pendingBackendReport = selection.tried.map((t) => ({
    name: t.name,
    ok: t.ok,
    reason: t.reason,
    verdict: t.verdict,
    ...(t.stepsPerSecond !== undefined ? { stepsPerSecond: t.stepsPerSecond } : {}),
    ...(t.cached ? { cached: true } : {}),
  }));
  windowStartAt = performance.now();
  sendProgress(false);
}

function sendProgress(running: boolean, type: 'progress' | 'done' = 'progress'): void {
  if (!group) return;
  const payload: SweepProgressPayload = {
    step: group.step,
    totalSteps: group.totalSteps,
    running,
    backend: pendingBackendReport ? group.backend : null,
    backendReport: pendingBackendReport,
    modelStepsPerSecond,
    stepsPerSecond,
    trainingMs: group.trainingMs,
    points: pendingPoints,
    stopped: pendingStopped,
  };
  pendingBackendReport = null;
  pendingPoints = [];
  pendingStopped = [];
  lastProgressAt = performance.now();
  post({ type, ...payload });
}

function countTraining(active: ModelGroupTrainer): number {
  return active.stoppedAt.filter((s) => s === null).length;
}

function isFinished(active: ModelGroupTrainer): boolean {
  return active.step >= active.totalSteps || countTraining(active) === 0;
}

async function runLoop(): Promise<void> {
  const active = group;
  if (!active) return;
  let msPerStep = 2 * active.size;
  await control.exclusive(async () => {
    while (control.wantRunning && !control.stopped && !isFinished(active) && gpu.lost === null) {
      const before = active.step;
      const training = countTraining(active);
      const budgetSteps = Math.max(1, Math.floor(CHUNK_BUDGET_MS / Math.max(msPerStep, 1e-3)));
      const startedAt = performance.now();
      const chunk = await gpu.guard(() => trainSweepChunk(active, evalEvery, budgetSteps));
      if (chunk === GPU_GONE) return;
      const now = performance.now();
      lastChunkMs = now - startedAt;
      gpu.noteChunk(lastChunkMs);
      const done = active.step - before;
      if (done > 0) msPerStep = 0.7 * msPerStep + 0.3 * (lastChunkMs / done);
      chunk.points.forEach((point, variant) => point && pendingPoints.push({ variant, point }));
      pendingStopped.push(...chunk.stopped);
      windowModelSteps += done * training;
      windowSteps += done;
      if (now - windowStartAt >= 500) {
        modelStepsPerSecond = (windowModelSteps * 1000) / (now - windowStartAt);
        stepsPerSecond = (windowSteps * 1000) / (now - windowStartAt);
        windowStartAt = now;
        windowModelSteps = 0;
        windowSteps = 0;
      }
      if (isFinished(active)) break;
      if (chunk.evaluated && now - lastCheckpointAt >= CHECKPOINT_INTERVAL_MS) {
        // The step's points first, then the state that continues from them (the page keeps both).
        sendProgress(true);
        lastCheckpointAt = now;
        const checkpoint = await gpu.guard(() => active.checkpoint());
        if (checkpoint === GPU_GONE) return;
        post({ type: 'checkpoint', checkpoint }, collectCheckpointBuffers(checkpoint));
      } else if (now - lastProgressAt >= PROGRESS_INTERVAL_MS || chunk.stopped.length > 0) sendProgress(true);
      await control.rest(lastChunkMs);
    }
    if (control.stopped || gpu.lost !== null) return;
    control.finish();
    sendProgress(false, isFinished(active) ? 'done' : 'progress');
  });
}

function disposeGroup(): void {
  gpu.dispose();
  group?.dispose();
  group = null;
}

function handleMessage(message: ToSweepWorkerMessage): void {
  control.dispatch(message, { start: (message) => initialize(message.plan, message.config, message.resume), loop: runLoop });
}

control.listen<ToSweepWorkerMessage>(self, handleMessage);
