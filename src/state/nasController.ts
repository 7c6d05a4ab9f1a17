/**
 * The NAS view's run (a NAS config in the store): one worker (the 'nas' role) runs SMAC, random search and the
 * enumeration at one budget and trains each round's new candidates as one batch. Like the other controllers it
 * never rewinds a worker: Reset terminates it, and Play after a finished run (or after a run-setting change)
 * starts a fresh one. Progress reaches the store at most once per animation frame (frameBatcher.ts).
 *
 * A selection setting (mode, C_acc, C_energy, C_speed, θ) moves the picks and leaves the run alone; a run setting
 * stops the worker at once and keeps the results on screen, marked as from other settings, until the next Play.
 * Starting NAS pauses the lab's own run and the AxTrain run, so two trainings do not share the cores.
 *
 * The worker posts a checkpoint after every told round. After a fault (a silent or crashed worker) the notice's
 * Continue goes on from the last one in a new worker, and a lost GPU goes on by itself on the next backend: the new
 * worker replays the records told so far (none is trained again) and trains on from there.
 */
import { message } from '../core/messages';
import type { FromNasWorkerMessage, ToNasWorkerMessage } from '../../workers/nasProtocol';
import { pauseAxtrain } from './axtrainController';
import { formatRunPart, rewindNasRun, sameNasRun, type NasRun } from './nasSlice';
import { formatHash } from '../core/link';
import { checkStoredNas, getRunStore } from './runRestore';
import { createWorkerRunController, pageWorkerCpuShare } from './runMessages';
import { useLabStore } from './store';
import { pauseRun } from './trainingController';

/** Marks: the records the page held at a checkpoint. */
const controller = createWorkerRunController<FromNasWorkerMessage, ToNasWorkerMessage, number>({
  role: 'nas',
  worker: message('nasWorker'),
  stopped: message('nasStopped'),
  begin() {
    const store = useLabStore.getState();
    const config = store.nas;
    if (!config) return null;
    store.startNasRun(config);
    return { type: 'init', config, backend: store.config.backend, cpuShare: pageWorkerCpuShare() };
  },
  applyBatch: (updates) => useLabStore.getState().applyNasProgressBatch(updates),
  failRun: (text, localized) => useLabStore.getState().failNasRun(text, localized),
  runStatus: () => useLabStore.getState().nasRun?.status,
  hasBackend: () => Boolean(useLabStore.getState().nasRun?.backend),
  setStatus: (status) => useLabStore.getState().setNasStatus(status),
  resume: {
    mark: () => useLabStore.getState().nasRun?.records.length ?? 0,
    beginResume(from, backend) {
      const store = useLabStore.getState();
      const run = store.nasRun;
      if (!run) return null;
      const records = run.records.slice(0, from?.marks ?? 0);
      store.rewindNasRun(records.length);
      // The run's own settings: its records were told under them.
      return { type: 'init', config: run.config, backend, cpuShare: pageWorkerCpuShare(), resume: { records, backend } };
    },
    backendReport: () => useLabStore.getState().nasRun?.backendReport ?? [],
    at: (checkpoint) => message('atNasRound', { round: checkpoint.round, evaluations: checkpoint.step }),
    // Every told round is stored for a reload (runRestore.ts): the records so far; the replay rebuilds the searches.
    stored: {
      kind: 'nas',
      link: () => {
        const store = useLabStore.getState();
        return `${formatHash(store.config)}|${formatRunPart(store.nas)}`;
      },
      snapshot: (marks) => {
        const run = useLabStore.getState().nasRun;
        return run ? { ...rewindNasRun(run, marks), status: 'paused' } : null;
      },
      check: checkStoredNas,
      apply: (stored) => {
        const store = useLabStore.getState();
        if (store.nas === null || store.nasRun !== null) return null;
        const run = { ...(stored as NasRun), status: 'paused' as const };
        useLabStore.setState({ nasRun: run });
        return run.records.length;
      },
    },
  },
});

/** Play: goes on with a paused run; after a finished or interrupted run, or with other run settings, starts a new one. */
export function playNas(): void {
  const store = useLabStore.getState();
  const run = store.nasRun;
  if (!store.nas || run?.status === 'error') return;
  pauseRun();
  pauseAxtrain();
  controller.play(!run || !sameNasRun(run.config, store.nas));
}

export const pauseNas = controller.pause;

/** Ends the run's worker and clears its results (and the stored run). */
export function resetNas(): void {
  controller.terminate();
  if (useLabStore.getState().nasRun) {
    useLabStore.getState().clearNasRun();
    getRunStore().clear();
  }
}

/** On load: the stored search of this very link, if any, comes back paused after its last told round; Play continues. */
export const restoreStoredNas = controller.restoreStored;

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
    if (!run || !controller.isLive()) return;
    if (!backendChanged && sameNasRun(run.config, state.nas)) return;
    controller.terminate();
    state.interruptNasRun();
  });
  return () => {
    unsubscribe?.();
    unsubscribe = null;
  };
}
