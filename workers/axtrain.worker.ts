/// <reference lib="webworker" />
/**
 * AxTrain worker: a thin message loop around one AxTrain session (src/ml/axtrain/session.ts), which trains every
 * method of the config in lockstep on data loaded once, evaluates at the same steps for all of them (point, Fig. 1
 * landscape, Fig. 4 map) and, at a method's end, scores it on every hardware setting. Like the train and sweep
 * workers it trains in turns of ≈ CHUNK_BUDGET_MS (one method's chunk, or one setting of a report), posts progress
 * every PROGRESS_INTERVAL_MS, and yields between turns so that pause and stop are prompt. The backend: forced → that one; 'auto' → measured on this very run
 * (all its methods, one lockstep step at a time), cached per browser and shape; selectBackend never lets 'auto'
 * take a software (fallback) WebGPU adapter or WebGL renderer. It runs as the 'axtrain' role of workers/lab.worker.ts.
 */
import type { AxtrainConfig } from '../src/core/axtrain/config';
import { isClassificationDatasetId } from '../src/core/axtrain/config';
import type { BackendChoice } from '../src/core/config';
import { loadTargetData } from '../src/core/targets/loadTargetData';
import { loadAxtrainData, type AxtrainData } from '../src/ml/axtrain/data';
import { collectDeltaBuffers, createAxtrainSession, type AxtrainSession } from '../src/ml/axtrain/session';
import { createAxtrainTrainer } from '../src/ml/axtrain/trainer';
import { createTrainingProbe, selectBackend, type BackendSelection, type ProbeTrainer } from '../src/ml/backend';
import type { AxtrainProgressPayload, FromAxtrainWorkerMessage, ToAxtrainWorkerMessage } from './axtrainProtocol';
import { createIndexedDbBackendCache } from './backendCacheStore';
import { prepareWasm } from './prepareWasm';
import { CHUNK_BUDGET_MS, PROGRESS_INTERVAL_MS, type BackendAttempt } from './protocol';
import { createRunControl } from './runControl';

declare const self: DedicatedWorkerGlobalScope;

let session: AxtrainSession | null = null;
let lastTurnMs = 0;
let lastProgressAt = 0;
// Fields of the first message after init.
let pendingBackendReport: BackendAttempt[] | null = null;
let pendingDescription: string | null = null;
let firstMessage = true;

function post(message: FromAxtrainWorkerMessage, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

const control = createRunControl({
  name: 'AxTrain worker',
  postError: (message, fatal) => post({ type: 'error', message, fatal }),
  postHeartbeat: (beat) => post({ type: 'heartbeat', ...beat }),
  currentStep: () => Math.min(...(session?.readProgress().map((lane) => lane.step) ?? [0])),
  dispose: () => disposeSession(),
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

async function initialize(config: AxtrainConfig, choice: BackendChoice): Promise<void> {
  if (!isClassificationDatasetId(config.dataset)) await loadTargetData(config.dataset); // image targets: the photographs' chunk
  const data = await loadAxtrainData(config);
  const selection = await chooseBackend(config, choice, data);
  // Fresh trainers, seeded as usual: the measurement's throw-away trainers leave no trace in the numbers.
  session = createAxtrainSession(config, data);
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
    while (control.wantRunning && !control.stopped && !active.done) {
      const turn = await active.trainTurn(CHUNK_BUDGET_MS);
      lastTurnMs = turn.elapsedMs;
      if (active.done) break;
      if (performance.now() - lastProgressAt >= PROGRESS_INTERVAL_MS) sendProgress(true);
      await control.rest(lastTurnMs);
    }
    if (control.stopped) return;
    control.finish();
    sendProgress(false, active.done ? 'done' : 'progress');
  });
}

function disposeSession(): void {
  session?.dispose();
  session = null;
}

function handleMessage(message: ToAxtrainWorkerMessage): void {
  control.dispatch(message, { start: (message) => initialize(message.config, message.backend), loop: runLoop });
}

control.listen<ToAxtrainWorkerMessage>(self, handleMessage);
