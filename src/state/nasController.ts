/**
 * The NAS view's run (a NAS config in the store): one worker (the 'nas' role) runs SMAC, random search and the
 * enumeration at one budget and trains each round's new candidates as one batch. Like the other controllers it
 * never rewinds a worker: Reset terminates it, and Play after a finished run (or after a run-setting change)
 * starts a fresh one. Progress reaches the store at most once per animation frame (frameBatcher.ts).
 *
 * A selection setting (mode, C_acc, C_energy, C_speed, θ) moves the picks and leaves the run alone; a run setting
 * stops the worker at once and keeps the results on screen, marked as from other settings, until the next Play.
 * Starting NAS pauses the lab's own run and the AxTrain run, so two trainings do not share the cores.
 */
import { computeWorkerCpuShare } from '../core/cpuShare';
import type { FromNasWorkerMessage, ToNasWorkerMessage } from '../../workers/nasProtocol';
import { pauseAxtrain } from './axtrainController';
import { createFrameBatcher } from './frameBatcher';
import { sameNasRun, type NasProgressUpdate } from './nasSlice';
import { spawnRunWorker, stopRunWorker, type RunWorker } from './runMessages';
import { statusAfterMessage, useLabStore } from './store';
import { pauseRun } from './trainingController';
import { WORKER_LOAD_FAILURE_TEXT, isCodeLoadFailure } from './workerFailure';

type ActiveNas = RunWorker;

let active: ActiveNas | null = null;

type ProgressMessage = Extract<FromNasWorkerMessage, { type: 'progress' | 'done' }>;

const progressBatcher = createFrameBatcher<{ entry: ActiveNas; message: ProgressMessage }>((queued) => {
  const updates: NasProgressUpdate[] = queued
    .filter(({ entry }) => entry === active)
    .map(({ entry, message }) => ({ payload: message, status: statusAfterMessage(message, entry.intent) }));
  useLabStore.getState().applyNasProgressBatch(updates);
});

function fail(entry: ActiveNas, text: string, fatal: boolean): void {
  if (entry !== active) return;
  progressBatcher.flush();
  entry.finished = true;
  const store = useLabStore.getState();
  const shown = isCodeLoadFailure(text) ? WORKER_LOAD_FAILURE_TEXT : `NAS stopped: ${text} Press Reset to start again.`;
  store.failNasRun(shown);
  store.showNotice({ kind: 'crash', text: shown });
  if (fatal) terminate();
}

function start(): boolean {
  terminate();
  const store = useLabStore.getState();
  const config = store.nas;
  if (!config) return false;
  store.startNasRun(config);
  const entry = spawnRunWorker<FromNasWorkerMessage>('nas', 'NAS worker', { isCurrent: (e) => e === active, push: (item) => progressBatcher.push(item), fail });
  active = entry;
  const cpuShare = computeWorkerCpuShare(globalThis.navigator?.hardwareConcurrency ?? Number.NaN, 1);
  entry.worker.postMessage({ type: 'init', config, backend: store.config.backend, cpuShare } satisfies ToNasWorkerMessage);
  return true;
}

function terminate(): void {
  progressBatcher.cancel();
  const old = active;
  active = null;
  stopRunWorker(old);
}

/** Play: goes on with a paused run; after a finished or interrupted run, or with other run settings, starts a new one. */
export function playNas(): void {
  const store = useLabStore.getState();
  const run = store.nasRun;
  if (!store.nas || run?.status === 'error') return;
  pauseRun();
  pauseAxtrain();
  if (!active || active.finished || !run || !sameNasRun(run.config, store.nas)) {
    if (!start()) return;
  }
  const entry = active as ActiveNas;
  entry.intent = 'running';
  entry.worker.postMessage({ type: 'run' } satisfies ToNasWorkerMessage);
  if (useLabStore.getState().nasRun?.backend) useLabStore.getState().setNasStatus('running');
}

export function pauseNas(): void {
  if (!active || active.finished) return;
  active.intent = 'paused';
  active.worker.postMessage({ type: 'pause' } satisfies ToNasWorkerMessage);
  const status = useLabStore.getState().nasRun?.status;
  if (status === 'running' || status === 'initializing') useLabStore.getState().setNasStatus('paused');
}

/** Ends the run's worker and clears its results. */
export function resetNas(): void {
  terminate();
  if (useLabStore.getState().nasRun) useLabStore.getState().clearNasRun();
}

let unsubscribe: (() => void) | null = null;

/** Turning the view off ends the run; a run-setting change (or the backend) stops the worker and keeps its results. */
export function watchNasChanges(): () => void {
  unsubscribe?.();
  unsubscribe = useLabStore.subscribe((state, previous) => {
    const configChanged = state.nas !== previous.nas;
    const backendChanged = state.config.backend !== previous.config.backend;
    if (!configChanged && !backendChanged) return;
    if (state.nas === null) {
      if (previous.nas !== null) resetNas();
      return;
    }
    const run = state.nasRun;
    if (!run || !active) return;
    if (!backendChanged && sameNasRun(run.config, state.nas)) return;
    terminate();
    state.interruptNasRun();
  });
  return () => {
    unsubscribe?.();
    unsubscribe = null;
  };
}
