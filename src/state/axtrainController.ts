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
 *
 * The worker posts the session's checkpoint between rounds after an evaluation. After a fault (a silent or crashed
 * worker) the notice's Continue goes on from the last one in a new worker, and a lost GPU goes on by itself on the
 * next backend, the curves and maps up to the checkpoint kept.
 */
import type { FromAxtrainWorkerMessage, ToAxtrainWorkerMessage } from '../../workers/axtrainProtocol';
import { createAxtrainRun, markAxtrainRun, rewindAxtrainRun, sameAxtrainConfig, type AxtrainRun, type AxtrainRunMarks } from './axtrainSlice';
import { formatHash } from '../core/link';
import { checkStoredAxtrain, getRunStore } from './runRestore';
import { message } from '../core/messages';
import { createWorkerRunController, pageWorkerCpuShare } from './runMessages';
import { useLabStore, type LabState } from './store';
import { pauseRun } from './trainingController';

export function isAxtrainMode(state: Pick<LabState, 'axtrain'>): boolean {
  return state.axtrain !== null;
}

const controller = createWorkerRunController<FromAxtrainWorkerMessage, ToAxtrainWorkerMessage, AxtrainRunMarks>({
  role: 'axtrain',
  worker: message('axtrainWorker'),
  stopped: message('axtrainStopped'),
  begin() {
    const store = useLabStore.getState();
    const config = store.axtrain;
    if (!config) return null;
    store.startAxtrainRun(config);
    return { type: 'init', config, backend: store.config.backend, cpuShare: pageWorkerCpuShare() };
  },
  applyBatch: (updates) => useLabStore.getState().applyAxtrainProgressBatch(updates),
  failRun: (text, localized) => useLabStore.getState().failAxtrainRun(text, localized),
  runStatus: () => useLabStore.getState().axtrainRun?.status,
  hasBackend: () => Boolean(useLabStore.getState().axtrainRun?.backend),
  setStatus: (status) => useLabStore.getState().setAxtrainStatus(status),
  resume: {
    mark: () => {
      const run = useLabStore.getState().axtrainRun;
      return run ? markAxtrainRun(run) : { snapshots: [], trainingMs: 0 };
    },
    beginResume(from, backend) {
      const store = useLabStore.getState();
      const run = store.axtrainRun;
      if (!run) return null;
      const fresh = createAxtrainRun(run.config);
      store.rewindAxtrainRun(from?.marks ?? markAxtrainRun(fresh));
      // The run's own config: the checkpoint holds its methods.
      const resume = from ? { checkpoint: from.checkpoint, backend } : { backend };
      return { type: 'init', config: run.config, backend, cpuShare: pageWorkerCpuShare(), resume };
    },
    backendReport: () => useLabStore.getState().axtrainRun?.backendReport ?? [],
    // Every checkpoint is stored for a reload (runRestore.ts): the snapshots as they showed then, and every lane's state.
    stored: {
      kind: 'axtrain',
      link: () => {
        const store = useLabStore.getState();
        return formatHash(store.config, { axtrain: store.axtrain });
      },
      snapshot: (marks) => {
        const run = useLabStore.getState().axtrainRun;
        return run ? { ...rewindAxtrainRun(run, marks), status: 'paused' } : null;
      },
      check: checkStoredAxtrain,
      apply: (stored) => {
        const store = useLabStore.getState();
        if (store.axtrain === null || store.axtrainRun !== null) return null;
        const run = { ...(stored as AxtrainRun), status: 'paused' as const };
        useLabStore.setState({ axtrainRun: run });
        return markAxtrainRun(run);
      },
    },
  },
});

/** Play: goes on with a paused run; after a finished or interrupted run, or with other settings, starts a new one. */
export function playAxtrain(): void {
  const store = useLabStore.getState();
  const run = store.axtrainRun;
  if (!store.axtrain || run?.status === 'error') return; // after a failure: Reset first
  pauseRun(); // the lab's own run (single, compare or sweep) waits
  controller.play(!run || !sameAxtrainConfig(run.config, store.axtrain));
}

export const pauseAxtrain = controller.pause;

export function toggleAxtrain(): void {
  const status = useLabStore.getState().axtrainRun?.status;
  if ((status === 'running' || status === 'initializing') && controller.isRunning()) pauseAxtrain();
  else playAxtrain();
}

/** Ends the run's worker and clears its results (and the stored run). */
export function resetAxtrain(): void {
  controller.terminate();
  if (useLabStore.getState().axtrainRun) {
    useLabStore.getState().clearAxtrainRun();
    getRunStore().clear();
  }
}

/** On load: the stored run of this very link, if any, comes back paused at its last checkpoint; Play continues. */
export const restoreStoredAxtrain = controller.restoreStored;

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
    if (!run || !controller.isLive()) return;
    if (configChanged && sameAxtrainConfig(run.config, state.axtrain)) return;
    controller.terminate();
    state.interruptAxtrainRun();
  });
  return () => {
    unsubscribe?.();
    unsubscribe = null;
  };
}
