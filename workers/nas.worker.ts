/// <reference lib="webworker" />
/**
 * NAS worker: a thin message loop around one NAS session (src/ml/nas/session.ts), which owns the searches (SMAC's
 * surrogate and ledger, random search, the enumeration) and trains each round's new candidates as one batch per
 * depth on the engine. Records reach the page after every round; the batch in training reports its steps every
 * PROGRESS_INTERVAL_MS. Pause and stop are polled after every training chunk (≈ 50 ms). The backend: forced →
 * that one; 'auto' → selectBackend's chain (never a software WebGPU adapter). Runs as the 'nas' role of lab.worker.ts.
 * After every told round it posts a checkpoint (where the run stands); an init with `resume` continues a run from the
 * page's records (after a fault: src/state/nasController.ts): fresh searches replay them, and only later records are
 * posted.
 */
import type { BackendChoice } from '../src/core/config';
import { findReplayMismatch, replayNasMeasures, type NasRecord } from '../src/core/nas/run';
import type { BackendName } from '../src/core/config';
import { selectBackend, type BackendSelection } from '../src/ml/backend';
import type { NasRunConfig } from '../src/core/nas/config';
import { createNasSession, resolveNasSessionSettings, type NasSession } from '../src/ml/nas/session';
import type { FromNasWorkerMessage, NasProgressPayload, NasResume, ToNasWorkerMessage } from './nasProtocol';
import { prepareWasm } from './prepareWasm';
import { PROGRESS_INTERVAL_MS, type BackendAttempt } from './protocol';
import { createRunControl } from './runControl';
import { createGpuGuard } from './gpuGuard';

declare const self: DedicatedWorkerGlobalScope;

let session: NasSession | null = null;
let pendingRecords: NasRecord[] = [];
let pendingBackendReport: BackendAttempt[] | null = null;
let pendingData: NasProgressPayload['data'] = null;
let training: NasProgressPayload['training'] = null;
let firstMessage = true;
let lastProgressAt = 0;
let lastImportanceRound = -1;
/** A resumed run's records (the page has them): the replay reproduces them, and only records after them are posted. */
let replayed: readonly NasRecord[] = [];
/** The backend the selection chose (a batch reports its own once it trains). */
let selectedBackend: BackendName | null = null;

function post(message: FromNasWorkerMessage): void {
  self.postMessage(message);
}

const control = createRunControl({
  name: 'NAS worker',
  postError: (message, fatal, localized) => post({ type: 'error', message, fatal, ...(localized ? { localized } : {}) }),
  postHeartbeat: (beat) => post({ type: 'heartbeat', ...beat }),
  currentStep: () => training?.step ?? 0,
  dispose: () => {
    gpu.dispose();
    session = null;
  },
});

/** A lost GPU ends the search (the session stops at its next chunk); the page continues from the last told round elsewhere. */
const gpu = createGpuGuard({
  backend: () => (session ? (session.backend() ?? selectedBackend) : null),
  onLost: (reason, backend) => post({ type: 'gpu-lost', backend, reason, step: training?.step ?? 0 }),
});

async function initialize(config: NasRunConfig, choice: BackendChoice, resume: NasResume | undefined): Promise<void> {
  // A resumed run continues on the backend it is given, unmeasured.
  const selection: BackendSelection = await selectBackend(resume ? resume.backend : choice, { prepareWasm });
  selectedBackend = selection.backend;
  const settings = resolveNasSessionSettings(config);
  replayed = resume?.records ?? [];
  session = await createNasSession(settings, resume ? replayNasMeasures(resume.records) : undefined);
  gpu.watch();
  pendingBackendReport = selection.tried.map((t) => ({ name: t.name, ok: t.ok, reason: t.reason, verdict: t.verdict }));
  const { dataset, validation } = session.data;
  pendingData = { target: settings.target, train: dataset.trainSize, validation: validation.size, test: dataset.testSize };
  firstMessage = true;
  sendProgress(false, 'progress', selection.backend);
}

function readImportance(): NasProgressPayload['importance'] {
  const smac = session?.searches.find((s) => s.id === 'smac')?.search as { surrogate?: { featureImportance(): NonNullable<NasProgressPayload['importance']> } | null } | undefined;
  const round = session?.state.round ?? -1;
  if (!smac?.surrogate || round === lastImportanceRound) return null;
  lastImportanceRound = round;
  return smac.surrogate.featureImportance();
}

function sendProgress(running: boolean, type: 'progress' | 'done' = 'progress', backend: NasProgressPayload['backend'] = null): void {
  if (!session) return;
  const payload: NasProgressPayload = {
    running,
    backend: firstMessage ? (backend ?? session.backend()) : null,
    backendReport: pendingBackendReport,
    data: pendingData,
    scale: firstMessage ? session.objective.scale : null,
    records: pendingRecords,
    training,
    importance: readImportance(),
  };
  firstMessage = false;
  pendingRecords = [];
  pendingBackendReport = null;
  pendingData = null;
  lastProgressAt = performance.now();
  post({ type, ...payload });
}

async function runLoop(): Promise<void> {
  const active = session;
  if (!active) return;
  await control.exclusive(async () => {
    let lastCallbackAt = performance.now();
    /** NAS's session drives its own loop: a heartbeat at each of its callbacks, the time since the previous one as the chunk. */
    const beat = () => {
      const now = performance.now();
      control.heartbeat(now - lastCallbackAt);
      lastCallbackAt = now;
    };
    const run = active.run({
      shouldStop: () => !control.wantRunning || control.stopped || gpu.lost !== null,
      onRound: (records) => {
        beat();
        const told = active.state.records;
        if (replayed.length > 0) {
          const mismatch = findReplayMismatch(told, replayed);
          if (mismatch !== null) throw new Error(`The NAS run could not be continued: its replay differs from the run at evaluation ${mismatch + 1}.`);
        }
        pendingRecords.push(...records.filter((record) => record.index >= replayed.length));
        training = null;
        sendProgress(true);
        // Where the run can continue from, once it is past what the page already had.
        if (told.length > replayed.length)
          post({ type: 'checkpoint', checkpoint: { step: told.length, round: active.state.round, backend: active.backend() ?? selectedBackend ?? 'cpu' } });
      },
      onTrainProgress: (progress) => {
        beat();
        training = { candidates: progress.candidates, step: progress.step, totalSteps: progress.totalSteps };
        if (performance.now() - lastProgressAt >= PROGRESS_INTERVAL_MS) sendProgress(true);
      },
    });
    let done: boolean;
    try {
      done = await run;
    } catch (error) {
      if (await gpu.isLoss(error)) return; // reported: the page goes on from the last told round elsewhere
      throw error;
    }
    if (control.stopped || gpu.lost !== null) return;
    control.finish();
    training = null;
    sendProgress(false, done ? 'done' : 'progress');
  });
}

function handleMessage(message: ToNasWorkerMessage): void {
  control.dispatch(message, { start: (message) => initialize(message.config, message.backend, message.resume), loop: runLoop });
}

control.listen<ToNasWorkerMessage>(self, handleMessage);
