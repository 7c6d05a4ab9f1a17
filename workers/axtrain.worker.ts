/// <reference lib="webworker" />
/**
 * AxTrain worker: a thin message loop around one AxTrain session (src/ml/axtrain/session.ts), which trains every
 * method of the config in lockstep on data loaded once, evaluates at the same steps for all of them (point, Fig. 1
 * landscape, Fig. 4 map) and, at a method's end, scores it on every hardware setting. Like the train and sweep
 * workers it trains in turns of ≈ CHUNK_BUDGET_MS (one method's chunk, or one setting of a report), posts progress
 * every PROGRESS_INTERVAL_MS, and yields between turns so that pause and stop are prompt. The backend: forced → that one; 'auto' → measured on this very run
 * (all its methods, one lockstep step at a time), cached per browser and shape; selectBackend never lets 'auto'
 * take a software (fallback) WebGPU adapter or WebGL renderer. It runs as the 'axtrain' role of workers/lab.worker.ts.
 * Between two rounds, after an evaluation, it posts the session's checkpoint (at most every CHECKPOINT_INTERVAL_MS);
 * an init with `resume` continues from one on the given backend (after a fault: src/state/axtrainController.ts).
 */
import type { AxtrainConfig } from '../src/core/axtrain/config';
import { isClassificationDatasetId } from '../src/core/axtrain/config';
import type { BackendChoice } from '../src/core/config';
import { loadTargetData } from '../src/core/targets/loadTargetData';
import { loadAxtrainData, type AxtrainData } from '../src/ml/axtrain/data';
import { collectDeltaBuffers, createAxtrainSession, type AxtrainSession } from '../src/ml/axtrain/session';
import { createAxtrainTrainer } from '../src/ml/axtrain/trainer';
import { createTrainingProbe, selectBackend, type BackendSelection, type ProbeTrainer } from '../src/ml/backend';
import type { AxtrainProgressPayload, AxtrainResume, FromAxtrainWorkerMessage, ToAxtrainWorkerMessage } from './axtrainProtocol';
import { collectCheckpointBuffers } from '../src/core/checkpoint';
import { GPU_GONE, createGpuGuard } from './gpuGuard';
import { createIndexedDbBackendCache } from './backendCacheStore';
import { prepareWasm } from './prepareWasm';
import { CHECKPOINT_INTERVAL_MS, CHUNK_BUDGET_MS, PROGRESS_INTERVAL_MS, type BackendAttempt } from './protocol';
import { createRunControl } from './runControl';

declare const self: DedicatedWorkerGlobalScope;

let session: AxtrainSession | null = null;
let lastTurnMs = 0;
let lastProgressAt = 0;
// Fields of the first message after init.
let pendingBackendReport: BackendAttempt[] | null = null;
let pendingDescription: string | null = null;
let firstMessage = true;
/** When the last checkpoint went out (performance.now()). */
let lastCheckpointAt = Number.NEGATIVE_INFINITY;

function post(message: FromAxtrainWorkerMessage, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

const control = createRunControl({
  name: 'AxTrain worker',
  postError: (message, fatal, localized) => post({ type: 'error', message, fatal, ...(localized ? { localized } : {}) }),
  postHeartbeat: (beat) => post({ type: 'heartbeat', ...beat }),
  currentStep: () => Math.min(...(session?.readProgress().map((lane) => lane.step) ?? [0])),
  dispose: () => disposeSession(),
});

/** A lost GPU ends the loop (every turn and checkpoint is guarded); the page continues from the last checkpoint elsewhere. */
const gpu = createGpuGuard({
  backend: () => session?.backend ?? null,
  onLost: (reason, backend) => post({ type: 'gpu-lost', backend, reason, step: Math.min(...(session?.readProgress().map((lane) => lane.step) ?? [0])) }),
});

/** Every method of the run as one probe trainer: one probe step = one step of each method (what a lockstep round costs). */
function createLockstepProbe(config: Readonly<AxtrainConfig>, data: AxtrainData): ProbeTrainer {
  const trainers = config.methods.map((method) => createAxtrainTrainer(config, method, data));
  return {
    get step() {
      return Math.min(...trainers.map((t) => t.step));
    },
    totalSteps: Math.min(...trainers.map((t) => t.totalSteps)),
    train: async (steps: number) => {
      for (const trainer of trainers) await trainer.train(steps);
    },
    dispose: () => {
      for (const trainer of trainers) trainer.dispose();
    },
  };
}

/** What a step costs depends on the browser, the data's widths, the methods, the net, the batch and the hardware pas trains on. */
function computeAxtrainBackendKey(config: Readonly<AxtrainConfig>): string {
  const hardware = config.hardware === 'drum' ? `drum${config.drumK}` : `ntv${config.weightBits}`;
  return `${self.navigator.userAgent}|axtrain:${config.dataset}|${config.methods.join(',')}|H${config.hidden.join('-')}|b${config.batchSize}|${hardware}`;
}

async function chooseBackend(config: Readonly<AxtrainConfig>, choice: BackendChoice, data: AxtrainData): Promise<BackendSelection> {
  if (choice !== 'auto') return selectBackend(choice, { prepareWasm });
  return selectBackend('auto', {
    prepareWasm,
    measure: createTrainingProbe(() => createLockstepProbe(config, data)),
    cache: { store: createIndexedDbBackendCache(), key: computeAxtrainBackendKey(config) },
  });
}

async function initialize(config: AxtrainConfig, choice: BackendChoice, resume: AxtrainResume | undefined): Promise<void> {
  if (!isClassificationDatasetId(config.dataset)) await loadTargetData(config.dataset); // image targets: the photographs' chunk
  const data = await loadAxtrainData(config);
  // A resumed run continues on the backend it is given (its checkpoint's, or the next after a lost GPU), unmeasured.
  const selection = resume ? await selectBackend(resume.backend, { prepareWasm }) : await chooseBackend(config, choice, data);
  // Fresh trainers, seeded as usual (the measurement's throw-away trainers leave no trace in the numbers), or the checkpoint's.
  session = createAxtrainSession(config, data, resume?.checkpoint ? { checkpoint: resume.checkpoint } : {});
  gpu.watch();
  lastCheckpointAt = performance.now();
  pendingBackendReport = selection.tried.map((t) => ({
    name: t.name,
    ok: t.ok,
    reason: t.reason,
    verdict: t.verdict,
    ...(t.stepsPerSecond !== undefined ? { stepsPerSecond: t.stepsPerSecond } : {}),
    ...(t.cached ? { cached: true } : {}),
  }));
  pendingDescription = data.description;
  firstMessage = true;
  sendProgress(false);
}

function sendProgress(running: boolean, type: 'progress' | 'done' = 'progress'): void {
  if (!session) return;
  const methods = session.takeDeltas(firstMessage);
  const payload: AxtrainProgressPayload = {
    running,
    backend: firstMessage ? session.backend : null,
    backendReport: pendingBackendReport,
    description: pendingDescription,
    evalEverySteps: firstMessage ? session.evalEverySteps : null,
    stepsPerSecond: session.stepsPerSecond,
    trainingMs: session.trainingMs,
    methods,
  };
  firstMessage = false;
  pendingBackendReport = null;
  pendingDescription = null;
  lastProgressAt = performance.now();
  post({ type, ...payload }, collectDeltaBuffers(methods));
}

async function runLoop(): Promise<void> {
  const active = session;
  if (!active) return;
  await control.exclusive(async () => {
    active.resetThroughput();
    while (control.wantRunning && !control.stopped && !active.done && gpu.lost === null) {
      const turn = await gpu.guard(() => active.trainTurn(CHUNK_BUDGET_MS));
      if (turn === GPU_GONE) return;
      lastTurnMs = turn.elapsedMs;
      gpu.noteChunk(lastTurnMs);
      if (active.done) break;
      const now = performance.now();
      if (active.checkpointDue && now - lastCheckpointAt >= CHECKPOINT_INTERVAL_MS) {
        // The round's views first (the checkpoint holds none), then the state that continues from them.
        sendProgress(true);
        lastCheckpointAt = now;
        const checkpoint = await gpu.guard(() => active.checkpoint());
        if (checkpoint === GPU_GONE) return;
        post({ type: 'checkpoint', checkpoint }, collectCheckpointBuffers(checkpoint));
      } else if (now - lastProgressAt >= PROGRESS_INTERVAL_MS) sendProgress(true);
      await control.rest(lastTurnMs);
    }
    if (control.stopped || gpu.lost !== null) return;
    control.finish();
    sendProgress(false, active.done ? 'done' : 'progress');
  });
}

function disposeSession(): void {
  gpu.dispose();
  session?.dispose();
  session = null;
}

function handleMessage(message: ToAxtrainWorkerMessage): void {
  control.dispatch(message, { start: (message) => initialize(message.config, message.backend, message.resume), loop: runLoop });
}

control.listen<ToAxtrainWorkerMessage>(self, handleMessage);
