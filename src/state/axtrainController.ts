/**
 * The AxTrain view's run (an AxTrain config in the store): one worker (the 'axtrain' role) trains every method of
 * the config in lockstep and scores each on every hardware setting at its end. Like the other controllers it
 * never rewinds a worker: Reset terminates it, and Play after a finished run (or after a settings change) starts a
 * fresh one from epoch 0. Progress reaches the store at most once per animation frame (frameBatcher.ts).
 *
 * A settings change (a control, the link) asks nothing: it stops the run's worker at once, so nothing trains with
 * settings the URL no longer shows, but the run's curves, maps and reports stay on screen, marked as from the
 * earlier settings, until the next Play trains the new ones (the view says so). Starting AxTrain pauses the lab's
 * own run (single, compare or sweep), so two trainings do not share the cores.
 */
import { computeWorkerCpuShare } from '../core/cpuShare';
import type { FromAxtrainWorkerMessage, ToAxtrainWorkerMessage } from '../../workers/axtrainProtocol';
import { sameAxtrainConfig, type AxtrainProgressUpdate } from './axtrainSlice';
import { spawnRunWorker, stopRunWorker, type RunWorker } from './runMessages';
import { createFrameBatcher } from './frameBatcher';
import { statusAfterMessage, useLabStore, type LabState } from './store';
import { pauseRun } from './trainingController';
import { WORKER_LOAD_FAILURE_TEXT, isCodeLoadFailure } from './workerFailure';

type ActiveAxtrain = RunWorker;

let active: ActiveAxtrain | null = null;

export function isAxtrainMode(state: Pick<LabState, 'axtrain'>): boolean {
  return state.axtrain !== null;
}

type ProgressMessage = Extract<FromAxtrainWorkerMessage, { type: 'progress' | 'done' }>;

const progressBatcher = createFrameBatcher<{ entry: ActiveAxtrain; message: ProgressMessage }>((queued) => {
  const updates: AxtrainProgressUpdate[] = queued
    .filter(({ entry }) => entry === active) // messages of a replaced worker are dropped
    .map(({ entry, message }) => ({ payload: message, status: statusAfterMessage(message, entry.intent) }));
  useLabStore.getState().applyAxtrainProgressBatch(updates);
});

function fail(entry: ActiveAxtrain, text: string, fatal: boolean): void {
  if (entry !== active) return;
  progressBatcher.flush(); // the points before the failure still count
  entry.finished = true;
  const store = useLabStore.getState();
  const shown = isCodeLoadFailure(text) ? WORKER_LOAD_FAILURE_TEXT : `AxTrain stopped: ${text} Press Reset to start again.`;
  store.failAxtrainRun(shown);
  store.showNotice({ kind: 'crash', text: shown });
  if (fatal) terminate();
}

/** Starts a worker on the store's AxTrain config and a fresh run for it; false when there is no config. */
function start(): boolean {
  terminate();
  const store = useLabStore.getState();
  const config = store.axtrain;
  if (!config) return false;
  store.startAxtrainRun(config);
  const entry = spawnRunWorker<FromAxtrainWorkerMessage>('axtrain', 'AxTrain worker', { isCurrent: (e) => e === active, push: (item) => progressBatcher.push(item), fail });
  active = entry;
  const cpuShare = computeWorkerCpuShare(globalThis.navigator?.hardwareConcurrency ?? Number.NaN, 1);
  entry.worker.postMessage({ type: 'init', config, backend: store.config.backend, cpuShare } satisfies ToAxtrainWorkerMessage);
  return true;
}

function terminate(): void {
  progressBatcher.cancel();
  const old = active;
  active = null;
  stopRunWorker(old);
}

/** Play: goes on with a paused run; after a finished or interrupted run, or with other settings, starts a new one. */
export function playAxtrain(): void {
  const store = useLabStore.getState();
  const run = store.axtrainRun;
  if (!store.axtrain || run?.status === 'error') return; // after a failure: Reset first
  pauseRun(); // the lab's own run (single, compare or sweep) waits
  if (!active || active.finished || !run || !sameAxtrainConfig(run.config, store.axtrain)) {
    if (!start()) return;
  }
  const entry = active!;
  entry.intent = 'running';
  entry.worker.postMessage({ type: 'run' } satisfies ToAxtrainWorkerMessage);
  const current = useLabStore.getState().axtrainRun;
  if (current?.backend) useLabStore.getState().setAxtrainStatus('running');
}

export function pauseAxtrain(): void {
  if (!active || active.finished) return;
  active.intent = 'paused';
  active.worker.postMessage({ type: 'pause' } satisfies ToAxtrainWorkerMessage);
  const status = useLabStore.getState().axtrainRun?.status;
  if (status === 'running' || status === 'initializing') useLabStore.getState().setAxtrainStatus('paused');
}

export function toggleAxtrain(): void {
  const status = useLabStore.getState().axtrainRun?.status;
  if ((status === 'running' || status === 'initializing') && active?.intent === 'running') pauseAxtrain();
  else playAxtrain();
}

/** Ends the run's worker and clears its results. */
export function resetAxtrain(): void {
  terminate();
  if (useLabStore.getState().axtrainRun) useLabStore.getState().clearAxtrainRun();
}

let unsubscribe: (() => void) | null = null;

/**
 * Turning the view off (no `ax=` any more) ends the run; any other settings change stops the run's worker and
 * keeps its results (interruptAxtrainRun) until Play. The lab's backend choice counts as a setting of the run.
 */
export function watchAxtrainChanges(): () => void {
  unsubscribe?.();
  unsubscribe = useLabStore.subscribe((state, previous) => {
    const configChanged = state.axtrain !== previous.axtrain;
    const backendChanged = state.config.backend !== previous.config.backend;
    if (!configChanged && !backendChanged) return;
    if (state.axtrain === null) {
      if (previous.axtrain !== null) resetAxtrain();
      return;
    }
    const run = state.axtrainRun;
    if (!run || !active) return;
    if (configChanged && sameAxtrainConfig(run.config, state.axtrain)) return;
    terminate();
    state.interruptAxtrainRun();
  });
  return () => {
    unsubscribe?.();
    unsubscribe = null;
  };
}
