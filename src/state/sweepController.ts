/**
 * Sweep mode (a sweep spec in the store): one worker (the 'sweep' role) trains every variant as one
 * model group. Like the other controllers it never rewinds a worker: reset, a new spec or a config
 * change terminates it, and the next play starts a fresh one. Progress reaches the store at most once
 * per animation frame (frameBatcher.ts); the run slice mirrors the sweep's state so that the header's
 * transport and status work unchanged.
 */
import { planSweep } from '../core/sweep';
import { computeWorkerCpuShare } from '../core/cpuShare';
import type { FromSweepWorkerMessage, ToSweepWorkerMessage } from '../../workers/sweepProtocol';
import { spawnRunWorker, stopRunWorker, type RunWorker } from './runMessages';
import { createFrameBatcher } from './frameBatcher';
import { statusAfterMessage, useLabStore, type LabState } from './store';
import type { SweepProgressUpdate } from './sweepSlice';
import { WORKER_LOAD_FAILURE_TEXT, isCodeLoadFailure } from './workerFailure';

type ActiveSweep = RunWorker;

let active: ActiveSweep | null = null;

export function isSweepMode(state: Pick<LabState, 'sweep'>): boolean {
  return state.sweep !== null;
}

/** The header reads the run slice: status, step, backend and steps/s mirror the sweep's. */
function syncHeader(): void {
  const run = useLabStore.getState().sweepRun;
  if (!run) return;
  useLabStore.setState({
    status: run.status,
    step: run.step,
    totalSteps: run.totalSteps,
    backend: run.backend,
    backendReport: run.backendReport,
    stepsPerSecond: run.stepsPerSecond,
    trainingMs: run.trainingMs,
    message: run.message,
  });
}

type ProgressMessage = Extract<FromSweepWorkerMessage, { type: 'progress' | 'done' }>;

const progressBatcher = createFrameBatcher<{ entry: ActiveSweep; message: ProgressMessage }>((queued) => {
  const updates: SweepProgressUpdate[] = queued
    .filter(({ entry }) => entry === active)
    .map(({ entry, message }) => ({ payload: message, status: statusAfterMessage(message, entry.intent) }));
  useLabStore.getState().applySweepProgressBatch(updates);
  syncHeader();
});

function fail(entry: ActiveSweep, text: string, fatal: boolean): void {
  if (entry !== active) return;
  progressBatcher.flush();
  entry.finished = true;
  const store = useLabStore.getState();
  const shown = isCodeLoadFailure(text) ? WORKER_LOAD_FAILURE_TEXT : `The sweep stopped: ${text} Press Reset to start again.`;
  store.failSweepRun(shown);
  store.showNotice({ kind: 'crash', text: shown });
  if (fatal) terminate();
  syncHeader();
}

/** Plans the sweep and starts its worker; false (with a notice) when the sweep cannot run. */
function start(): boolean {
  terminate();
  const store = useLabStore.getState();
  if (!store.sweep) return false;
  const { plan, problems, notes } = planSweep(store.sweep, store.config);
  if (!plan) {
    store.showNotice({ kind: 'info', text: `The sweep cannot run: ${problems.join(' ')}` });
    return false;
  }
  store.resetRunState();
  store.startSweepRun(plan, notes);
  const entry = spawnRunWorker<FromSweepWorkerMessage>('sweep', 'sweep worker', { isCurrent: (e) => e === active, push: (item) => progressBatcher.push(item), fail });
  active = entry;
  const cpuShare = computeWorkerCpuShare(globalThis.navigator?.hardwareConcurrency ?? Number.NaN, 1);
  entry.worker.postMessage({ type: 'init', plan, config: store.config, cpuShare } satisfies ToSweepWorkerMessage);
  syncHeader();
  return true;
}

function terminate(): void {
  progressBatcher.cancel();
  const old = active;
  active = null;
  stopRunWorker(old);
}

export function playSweep(): void {
  const run = useLabStore.getState().sweepRun;
  if (run?.status === 'error') return; // reset first
  if (!active || active.finished) {
    if (!start()) return;
  }
  const entry = active!;
  entry.intent = 'running';
  entry.worker.postMessage({ type: 'run' } satisfies ToSweepWorkerMessage);
  if (useLabStore.getState().sweepRun?.backend) useLabStore.getState().setSweepStatus('running');
  syncHeader();
}

export function pauseSweep(): void {
  if (!active || active.finished) return;
  active.intent = 'paused';
  active.worker.postMessage({ type: 'pause' } satisfies ToSweepWorkerMessage);
  if (useLabStore.getState().sweepRun?.status === 'running') useLabStore.getState().setSweepStatus('paused');
  syncHeader();
}

/** Ends the sweep's worker and clears its run. */
export function resetSweep(): void {
  terminate();
  if (useLabStore.getState().sweepRun) useLabStore.getState().clearSweepRun();
}

let unsubscribe: (() => void) | null = null;

/** A new sweep spec (sidebar or link) discards the sweep's run; turning sweep mode off also clears the header. */
export function watchSweepChanges(): () => void {
  unsubscribe?.();
  unsubscribe = useLabStore.subscribe((state, previous) => {
    if (state.sweep === previous.sweep) return;
    const hadRun = previous.sweepRun !== null;
    resetSweep();
    if (hadRun) useLabStore.getState().resetRunState();
  });
  return () => {
    unsubscribe?.();
    unsubscribe = null;
  };
}
