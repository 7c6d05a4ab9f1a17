/**
 * Owns the training worker. The UI sends intents (play, pause, step, reset); this module turns
 * them into worker messages and folds the worker's messages into the store.
 * Like squoosh, it never tries to rewind a worker: reset or a config change that the user accepts
 * terminates it, and the next play starts a fresh one. The main thread never trains.
 * Faults: the worker posts its checkpoint at every evaluation and this module keeps the last one. A worker that falls
 * silent (the watchdog) or loses its GPU is ended; the run continues from that checkpoint in a new worker, on the same
 * backend (Continue) or, after a GPU loss, automatically on the next backend (src/core/backendFallback.ts).
 */
import { formatMessage, message, type Message } from '../core/messages';
import type { TrainerCheckpoint } from '../core/checkpoint';
import type { BackendName, LabConfig } from '../core/config';
import { chooseFallbackBackend, isGpuLossMessage } from '../core/backendFallback';
import type { FromWorkerMessage, ResumeRequest, ToWorkerMessage } from '../../workers/protocol';
import { hasLiveCompareRuns, isCompareMode, pauseCompare, playCompare, resetCompare, stepCompare } from './compareController';
import { createFrameBatcher } from './frameBatcher';
import { atStep, describeGpuFallback, describeStalledRun, showMessage, takeOfferedContinue } from './runMessages';
import { isSweepLive, isSweepMode, pauseSweep, playSweep, resetSweep } from './sweepController';
import { configChangeMessages, decideConfigChange, mergeConfigChange } from './runChange';
import { statusAfterMessage, useLabStore, type NoticeKind, type RunProgressUpdate } from './store';
import { formatHash } from '../core/link';
import { WORKER_LOAD_FAILURE_TEXT, isCodeLoadFailure, isWorkerLoadFailure } from './workerFailure';
import type { Silence } from '../core/watchdog';
import { watchRunWorker, type RunWatchdog } from './runWatchdog';
import { getRunStore } from './runRestore';
import { askAboutExtremeRun, estimateSweep, noteMeasuredSpeeds } from './extremeRun';
import { runEstimateMessage } from '../core/runEstimate';

interface ActiveRun {
  worker: Worker;
  /** What the user asked for last: the status shown once the worker answers. */
  intent: 'running' | 'paused';
  /** The worker posted at least one message (so its code loaded). */
  heardFrom: boolean;
  /** Ends the worker when it falls silent while it should train (runWatchdog.ts). */
  watchdog: RunWatchdog;
}

let active: ActiveRun | null = null;
/** The last good state of the current run (the worker's latest checkpoint), kept across the worker's end; null at step 0. */
let lastCheckpoint: TrainerCheckpoint | null = null;

/** Set by restoreStoredRun: the next Play or Step continues from lastCheckpoint instead of starting at step 0. */
let resumeOnPlay = false;

/** Stores the run at its checkpoint, for a reload (throttled by the run store). */
function storeRunAt(checkpoint: TrainerCheckpoint): void {
  progressBatcher.flush(); // the evaluation at the checkpoint's step arrived just before it
  getRunStore().save(() => {
    const state = useLabStore.getState();
    return {
      version: 1,
      link: formatHash(state.config),
      savedAt: Date.now(),
      method: checkpoint.method,
      totalSteps: state.totalSteps,
      history: state.history.filter((point) => point.step <= checkpoint.step),
      parameterCounts: state.parameterCounts,
      checkpoint,
    };
  });
}

/**
 * On load: the stored run of this very link, if any, comes back paused at its checkpoint with its curves and a notice;
 * Play continues from there. Nothing happens when the user already started something, or for a comparison or sweep.
 */
export async function restoreStoredRun(): Promise<boolean> {
  const link = formatHash(useLabStore.getState().config);
  const stored = await getRunStore().load(link);
  const store = useLabStore.getState();
  if (!stored || active !== null || store.status !== 'idle' || isCompareMode(store.config) || isSweepMode(store) || formatHash(store.config) !== link) return false;
  lastCheckpoint = stored.checkpoint;
  resumeOnPlay = true;
  const step = stored.checkpoint.step;
  useLabStore.setState({
    history: stored.history,
    step,
    method: stored.method,
    totalSteps: stored.totalSteps,
    parameterCounts: stored.parameterCounts,
    trainingMs: stored.checkpoint.engine.trainingMs,
    status: 'paused',
  });
  const savedAt = new Date(stored.savedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  showMessage('info', message('restored', { at: atStep(step), time: savedAt, backend: stored.checkpoint.backend }));
  return true;
}

/** The resume a fresh worker gets: the restored run's checkpoint once, else none (step 0). */
function takeRestoredResume(): ResumeRequest | undefined {
  if (!resumeOnPlay || !lastCheckpoint) return undefined;
  resumeOnPlay = false;
  return { checkpoint: lastCheckpoint, backend: lastCheckpoint.backend };
}

/**
 * Turns a worker error (the worker's words, or a sentence of the page's: a crashed worker) into advice the user can act
 * on, in English (`text`) and in every interface language (`message`; the load failure is worded by the views).
 */
export function describeWorkerFailure(reason: string | Message): { kind: NoticeKind; text: string; message?: Message } {
  const said = typeof reason === 'string' ? reason : formatMessage(reason, 'en');
  if (isCodeLoadFailure(said)) return { kind: 'crash', text: WORKER_LOAD_FAILURE_TEXT };
  const gpuLost = isGpuLossMessage(said);
  const shown = gpuLost ? message('gpuDeviceLost', { reason }) : message('runStoppedReset', { stopped: message('trainingStopped'), reason });
  return { kind: gpuLost ? 'device' : 'crash', text: formatMessage(shown, 'en'), message: shown };
}

function post(run: ActiveRun, message: ToWorkerMessage): void {
  run.worker.postMessage(message);
}

type ProgressMessage = Extract<FromWorkerMessage, { type: 'progress' | 'done' }>;

/**
 * Progress reaches the store at most once per animation frame (frameBatcher.ts). A message's status is
 * decided when its frame is applied, from the intent at that time, so a pause pressed between a
 * message's arrival and its frame is not undone by it.
 */
const progressBatcher = createFrameBatcher<{ run: ActiveRun; message: ProgressMessage }>((queued) => {
  const updates: RunProgressUpdate[] = queued
    .filter(({ run }) => run === active) // messages of a replaced worker are dropped
    .map(({ run, message }) => ({
      payload: message,
      status: statusAfterMessage(message, run.intent),
    }));
  useLabStore.getState().applyProgressBatch(updates);
});

function handleWorkerMessage(run: ActiveRun, message: FromWorkerMessage): void {
  if (run !== active) return; // a message from a worker we already replaced
  const store = useLabStore.getState();
  switch (message.type) {
    case 'progress':
      if (message.backendReport || message.stepsPerSecond > 0) noteMeasuredSpeeds(store.config, message.backendReport, message.backend ?? store.backend, message.stepsPerSecond);
      progressBatcher.push({ run, message });
      return;
    case 'done':
      run.intent = 'paused';
      progressBatcher.push({ run, message });
      return;
    case 'heartbeat':
      return; // a sign of life for the watchdog, nothing to show
    case 'checkpoint':
      lastCheckpoint = message.checkpoint;
      storeRunAt(message.checkpoint);
      return;
    case 'gpu-lost':
      handleRunFault(run, { kind: 'gpu-lost', backend: message.backend, reason: message.reason });
      return;
    case 'error': {
      progressBatcher.flush(); // the points before the failure still count
      // A divergence (not fatal) is worded by the worker in every language; a crash is described here.
      const failure = message.fatal
        ? describeWorkerFailure(message.localized ?? message.message)
        : { kind: 'divergence' as const, text: message.message, ...(message.localized ? { message: message.localized } : {}) };
      store.failRun(failure.text, failure.message);
      store.showNotice(failure);
      if (message.fatal) terminateWorker();
      return;
    }
    default: {
      const unknown: never = message;
      throw new Error(`Unsupported worker message: ${JSON.stringify(unknown)}`);
    }
  }
}

function failFromCrash(run: ActiveRun, reason: string | Message): void {
  if (run !== active) return;
  progressBatcher.flush(); // the points before the crash still count
  const failure = describeWorkerFailure(reason);
  const store = useLabStore.getState();
  store.failRun(failure.text, failure.message);
  store.showNotice(failure);
  terminateWorker();
}

/** What ended a worker that should have trained (the one fault path: the watchdog's silence, or the worker's own GPU loss). */
type RunFault = { kind: 'silent'; silence: Silence } | { kind: 'gpu-lost'; backend: BackendName; reason: string };

function handleRunFault(run: ActiveRun, fault: RunFault): void {
  if (run !== active) return;
  progressBatcher.flush(); // the points before the fault still count
  const store = useLabStore.getState();
  const checkpointStep = lastCheckpoint?.step ?? null;
  const intent = run.intent;
  terminateWorker();
  if (fault.kind === 'silent') {
    const stalled = describeStalledRun({ silentMs: fault.silence.silentMs, step: Math.max(fault.silence.step, store.step) }, store.backend, checkpointStep);
    store.failRun(formatMessage(stalled, 'en'), stalled);
    showMessage('crash', stalled, continueLabRun);
    return;
  }
  // A lost GPU: no question to ask; the run goes on by itself on the next backend of the measured chain.
  const next = chooseFallbackBackend(fault.backend, store.backendReport);
  showMessage('device', describeGpuFallback(fault, next, checkpointStep));
  resumeRun({ checkpoint: lastCheckpoint, backend: next }, intent);
}

/** A new worker that continues the run from `resume` (its curves up to the checkpoint stay). */
function resumeRun(resume: ResumeRequest, intent: 'running' | 'paused'): void {
  terminateWorker();
  const run = startWorker(resume);
  run.intent = intent;
  if (intent === 'running') post(run, { type: 'run' });
}

function startWorker(resume?: ResumeRequest): ActiveRun {
  const worker = new Worker(new URL('../../workers/lab.worker.ts', import.meta.url), { type: 'module', name: 'train' });
  const watchdog = watchRunWorker({
    isWanted: () => run === active && run.intent === 'running' && useLabStore.getState().status !== 'error',
    onSilent: (silence) => handleRunFault(run, { kind: 'silent', silence }),
  });
  const run: ActiveRun = { worker, intent: 'paused', heardFrom: false, watchdog };
  worker.onmessage = (event: MessageEvent<FromWorkerMessage>) => {
    run.heardFrom = true;
    watchdog.heard(event.data);
    handleWorkerMessage(run, event.data);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    if (isWorkerLoadFailure(event, run.heardFrom)) failFromCrash(run, WORKER_LOAD_FAILURE_TEXT);
    else failFromCrash(run, message('workerCrashed', { worker: message('trainingWorker'), detail: event.message ? `: ${event.message}` : '' }));
  };
  worker.onmessageerror = () => failFromCrash(run, message('workerUnreadable', { worker: message('trainingWorker') }));
  active = run;
  const store = useLabStore.getState();
  if (resume) {
    store.resumeRunState(resume.checkpoint?.step ?? 0);
  } else {
    lastCheckpoint = null;
    getRunStore().clear();
    store.resetRunState();
    store.setStatus('initializing');
  }
  post(run, { type: 'init', config: store.config, method: store.config.methods[0] ?? 'axnet', ...(resume ? { resume } : {}) });
  return run;
}

function terminateWorker(): void {
  if (!active) return;
  const run = active;
  active = null;
  run.watchdog.dispose();
  try {
    run.worker.postMessage({ type: 'stop' } satisfies ToWorkerMessage);
  } finally {
    run.worker.terminate();
  }
}

/** True while a worker holds a run that can go on (not done, not failed). */
function hasLiveRun(): boolean {
  const status = useLabStore.getState().status;
  return active !== null && status !== 'done' && status !== 'error';
}

/** Play after a finished run (or after a failure the user reset) starts a new run with the same settings. */
export function playRun(): void {
  acceptRunChange();
  const store = useLabStore.getState();
  if (isSweepMode(store)) {
    // A sweep that starts afresh asks too (all its variants train as one program: their estimates add up).
    if (!isSweepLive() && askBeforeExtremeStart({ kind: 'play' })) return;
    playSweep();
    return;
  }
  if (isCompareMode(store.config)) {
    // A comparison that starts afresh asks about extreme settings as a single run does (its longest lane's estimate).
    if (!hasLiveCompareRuns() && askBeforeExtremeStart({ kind: 'play' })) return;
    playCompare();
    return;
  }
  if (store.status === 'error') return; // the user must reset first
  if (!hasLiveRun()) {
    if (askBeforeExtremeStart({ kind: 'play' })) return;
    terminateWorker();
    startWorker(takeRestoredResume());
  }
  const run = active!;
  run.intent = 'running';
  // A worker that has not answered yet (backend null) is still starting; one that has trains from now on.
  useLabStore.getState().setStatus(useLabStore.getState().backend !== null ? 'running' : 'initializing');
  post(run, { type: 'run' });
}

export function pauseRun(): void {
  if (isSweepMode(useLabStore.getState())) {
    pauseSweep();
    return;
  }
  if (isCompareMode(useLabStore.getState().config)) {
    pauseCompare();
    return;
  }
  if (!active || !hasLiveRun()) return;
  active.intent = 'paused';
  const store = useLabStore.getState();
  // Acknowledged on the page at once, also while the worker still starts: it stops at its next step boundary.
  if (store.status === 'running' || store.status === 'initializing') store.setStatus('paused');
  post(active, { type: 'pause' });
}

export function togglePlay(): void {
  acceptRunChange();
  const status = useLabStore.getState().status;
  // playRun routes a sweep and a comparison to their controllers, after asking about extreme settings.
  if (isSweepMode(useLabStore.getState())) {
    if (status === 'running' || status === 'initializing') pauseSweep();
    else playRun();
    return;
  }
  if (isCompareMode(useLabStore.getState().config)) {
    if (status === 'running' || status === 'initializing') pauseCompare();
    else playRun();
    return;
  }
  if (status === 'running' || (status === 'initializing' && active?.intent === 'running')) pauseRun();
  else playRun();
}

/** Trains exactly `count` more steps, then evaluates (the step button uses evalEvery). */
export function stepRun(count: number): void {
  acceptRunChange();
  const store = useLabStore.getState();
  if (isSweepMode(store)) return; // a sweep trains with Play only
  if (isCompareMode(store.config)) {
    if (!hasLiveCompareRuns() && askBeforeExtremeStart({ kind: 'step', count })) return;
    stepCompare(count);
    return;
  }
  if (store.status === 'error' || store.status === 'done' || store.status === 'running') return;
  if (!hasLiveRun()) {
    if (askBeforeExtremeStart({ kind: 'step', count })) return;
    terminateWorker();
    startWorker(takeRestoredResume());
  }
  const run = active!;
  run.intent = 'paused';
  // The play button must not turn into "Pause" for a step; the worker answers with progress.
  if (useLabStore.getState().status === 'initializing') useLabStore.getState().setStatus('paused');
  post(run, { type: 'step', count });
}

/** What the user pressed when the extreme-settings question came up: it is carried out once answered. */
type PendingStart = { kind: 'play' } | { kind: 'step'; count: number };
/** The open extreme-settings question: what was pressed, and the config Shrink applies. */
let extremeQuestion: { start: PendingStart; shrunk: LabConfig } | null = null;
/** The settings whose estimate the user accepted (their canonical link): Play asks no more for them. Not stored. */
let acceptedExtremeSettings: string | null = null;
/** The settings an answer holds for: the canonical link, and a sweep's spec (its variants are the run). */
function extremeSettingsKey(): string {
  const store = useLabStore.getState();
  return `${formatHash(store.config)}|${store.sweep ? JSON.stringify(store.sweep) : ''}`;
}

/**
 * A fresh run (not a resume) with settings past a threshold of the estimate (src/core/runEstimate.ts) asks first:
 * train anyway, shrink, or cancel. True when it asked (nothing starts before the answer).
 */
function askBeforeExtremeStart(start: PendingStart): boolean {
  if (resumeOnPlay && lastCheckpoint) return false; // a restored run continues as it was
  const store = useLabStore.getState();
  if (acceptedExtremeSettings === extremeSettingsKey()) return false;
  const sweepEstimate = store.sweep ? estimateSweep(store.sweep, store.config) : null;
  const question = sweepEstimate ? askAboutExtremeRun(store.config, store.classroom, sweepEstimate) : askAboutExtremeRun(store.config, store.classroom);
  if (!question) return false;
  extremeQuestion = { start, shrunk: question.shrunk };
  useLabStore.setState({ runChange: { kind: 'extreme', estimate: runEstimateMessage(question.estimate), changes: question.changes } });
  return true;
}

function carryOut(start: PendingStart): void {
  if (start.kind === 'play') playRun();
  else stepRun(start.count);
}

/** "Train anyway": these settings start as they are (and are not asked about again in this page). */
export function trainExtremeAnyway(): void {
  const question = extremeQuestion;
  if (!question) return;
  acceptedExtremeSettings = extremeSettingsKey();
  closeExtremeQuestion();
  carryOut(question.start);
}

/** "Shrink": the smaller config replaces the settings (the link follows) and starts. */
export function shrinkExtremeRun(): void {
  const question = extremeQuestion;
  if (!question) return;
  closeExtremeQuestion();
  clearRun(); // Play after a finished run starts a new one anyway; nothing is asked about the change
  useLabStore.getState().replaceConfig(question.shrunk);
  acceptedExtremeSettings = extremeSettingsKey();
  carryOut(question.start);
}

/** "Cancel": nothing starts; the settings stay. */
export function cancelExtremeRun(): void {
  closeExtremeQuestion();
}

function closeExtremeQuestion(): void {
  extremeQuestion = null;
  if (useLabStore.getState().runChange?.kind === 'extreme') useLabStore.setState({ runChange: null });
}

/** Ends the current run and clears its state (no question asked). */
function clearRun(): void {
  terminateWorker();
  lastCheckpoint = null;
  resumeOnPlay = false;
  getRunStore().clear();
  resetCompare();
  resetSweep();
  const store = useLabStore.getState();
  store.resetRunState();
  if (store.notice && store.notice.kind !== 'link') store.showNotice(null);
}

/** The settings waiting for an answer while a paused or finished run is kept (decideConfigChange 'ask'). */
let proposal: LabConfig | null = null;

function closeRunChange(): void {
  proposal = null;
  if (useLabStore.getState().runChange?.kind === 'change') useLabStore.setState({ runChange: null });
}

/** Equal settings ⇔ equal canonical link (formatHash writes every field that differs from the defaults). */
function sameSettings(a: Readonly<LabConfig>, b: Readonly<LabConfig>): boolean {
  return formatHash(a) === formatHash(b);
}

/**
 * The Continue of the lab's own run after its worker stopped answering: it resumes from its last checkpoint on the
 * backend that took it, and says so; without one it starts again with the same settings and trains.
 */
function continueLabRun(): void {
  const checkpoint = lastCheckpoint;
  if (checkpoint) {
    resumeRun({ checkpoint, backend: checkpoint.backend }, 'running');
    showMessage('info', message('continued', { at: atStep(checkpoint.step), backend: checkpoint.backend }));
    return;
  }
  restartRun();
}

/**
 * The notice's Continue: the run that stopped goes on (the continuation its controller offered with the notice: the
 * lab's run, the compare lanes that fell silent, the sweep, NAS, each from its own last checkpoint); with none, the
 * lab's run starts again with the same settings.
 */
export function continueRun(): void {
  const offered = takeOfferedContinue();
  if (offered) offered();
  else restartRun();
}

function restartRun(): void {
  clearRun();
  useLabStore.getState().showNotice(null);
  playRun();
}

/** Ends the current run; the next play starts a new one from step 0, with the proposed settings if a question was open. */
export function resetRun(): void {
  closeExtremeQuestion();
  const next = proposal;
  closeRunChange();
  clearRun();
  if (next) useLabStore.getState().replaceConfig(next);
}

/** "New run" (and Play, Step or Reset while the question is open): the kept run goes, the proposed settings apply. */
export function acceptRunChange(): void {
  if (proposal !== null) resetRun();
}

/** "Keep current": the proposal is dropped; the run and its settings stay as they are. */
export function keepCurrentRun(): void {
  closeRunChange();
}

let unsubscribe: (() => void) | null = null;
/** Set while this module puts the run's settings back, so that its own write is not taken for an edit. */
let restoring = false;

/**
 * A config change never silently discards a run that can still be looked at (decideConfigChange):
 * a training run is reset with a notice; for a paused or finished one, the settings go back to the
 * run's own (so every panel keeps describing the run it shows), the change is held as a proposal,
 * and the user is asked.
 */
export function watchConfigChanges(): () => void {
  unsubscribe?.();
  unsubscribe = useLabStore.subscribe((state, previous) => {
    if (state.config === previous.config || restoring) return;
    closeExtremeQuestion(); // its estimate was of the earlier settings
    const next = mergeConfigChange(proposal ?? previous.config, previous.config, state.config);
    const action = decideConfigChange({ status: state.status, step: state.step, pending: proposal !== null, matchesRun: sameSettings(next, previous.config) });
    switch (action) {
      case 'ignore':
        return;
      case 'discard':
        clearRun();
        return;
      case 'restart':
        clearRun();
        showMessage('info', message('settingsReset'));
        return;
      case 'ask':
        proposal = next;
        useLabStore.setState({ runChange: { kind: 'change', step: state.step, changes: configChangeMessages(previous.config, next) } });
        break;
      case 'withdraw':
        closeRunChange();
        break;
      default: {
        const unknown: never = action;
        throw new Error(`Unsupported run-change action: ${String(unknown)}`);
      }
    }
    // The kept run's settings stay in the config (and so in the link) until the user answers.
    restoring = true;
    try {
      useLabStore.setState({ config: previous.config });
    } finally {
      restoring = false;
    }
  });
  return () => {
    unsubscribe?.();
    unsubscribe = null;
  };
}
