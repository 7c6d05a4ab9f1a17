/**
 * Sweep mode (a sweep spec in the store): one worker (the 'sweep' role) trains every variant as one
 * model group. Like the other controllers it never rewinds a worker: reset, a new spec or a config
 * change terminates it, and the next play starts a fresh one. The worker posts the group's checkpoint at evaluation
 * steps; after a fault (a silent or crashed worker) the notice's Continue goes on from the last one in a new worker, and
 * a lost GPU goes on by itself from it on the next backend. Progress reaches the store at most once
 * per animation frame (frameBatcher.ts); the run slice mirrors the sweep's state so that the header's
 * transport and status work unchanged.
 */
import { formatMessage, message } from '../core/messages';
import { formatHash, joinProblems } from '../core/link';
import { checkStoredSweep, getRunStore } from './runRestore';
import { planSweep } from '../core/sweep';
import type { FromSweepWorkerMessage, ToSweepWorkerMessage } from '../../workers/sweepProtocol';
import { createWorkerRunController, pageWorkerCpuShare } from './runMessages';
import { useLabStore, type LabState } from './store';
import { markSweepRun, rewindSweepRun, type SweepRun, type SweepRunMarks } from './sweepSlice';

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
    localizedMessage: run.localizedMessage,
  });
}

/** The link a stored sweep belongs to: the lab's config and the sweep spec (only the same link restores it). */
function sweepLink(state: Pick<LabState, 'config' | 'sweep'>): string {
  return formatHash(state.config, { sweep: state.sweep });
}

const controller = createWorkerRunController<FromSweepWorkerMessage, ToSweepWorkerMessage, SweepRunMarks>({
  role: 'sweep',
  worker: message('sweepWorker'),
  stopped: message('sweepStopped'),
  /** Plans the sweep; null (with a notice) when the sweep cannot run. */
  begin() {
    const store = useLabStore.getState();
    if (!store.sweep) return null;
    const { plan, problems, notes } = planSweep(store.sweep, store.config);
    if (!plan) {
      const shown = message('sweepCannotRun', { problems: joinProblems(problems) });
      store.showNotice({ kind: 'info', text: formatMessage(shown, 'en'), message: shown });
      return null;
    }
    store.resetRunState();
    store.startSweepRun(plan, notes);
    return { type: 'init', plan, config: store.config, cpuShare: pageWorkerCpuShare() };
  },
  applyBatch: (updates) => useLabStore.getState().applySweepProgressBatch(updates),
  failRun: (text, localized) => useLabStore.getState().failSweepRun(text, localized),
  runStatus: () => useLabStore.getState().sweepRun?.status,
  hasBackend: () => Boolean(useLabStore.getState().sweepRun?.backend),
  setStatus: (status) => useLabStore.getState().setSweepStatus(status),
  afterChange: syncHeader,
  resume: {
    mark: () => {
      const run = useLabStore.getState().sweepRun;
      return run ? markSweepRun(run) : { step: 0, trainingMs: 0, variants: [] };
    },
    beginResume(from, backend) {
      const store = useLabStore.getState();
      const run = store.sweepRun;
      if (!run) return null;
      store.rewindSweepRun(from?.marks ?? { step: 0, trainingMs: 0, variants: [] });
      // The run's own plan: the checkpoint holds its models.
      const resume = from ? { checkpoint: from.checkpoint, backend } : { backend };
      return { type: 'init', plan: run.plan, config: store.config, cpuShare: pageWorkerCpuShare(), resume };
    },
    backendReport: () => useLabStore.getState().sweepRun?.backendReport ?? [],
    // Every checkpoint is stored for a reload (runRestore.ts): the run as it showed then, and the group's state.
    stored: {
      kind: 'sweep',
      link: () => sweepLink(useLabStore.getState()),
      snapshot: (marks) => {
        const run = useLabStore.getState().sweepRun;
        return run ? { ...rewindSweepRun(run, marks), status: 'paused' } : null;
      },
      check: checkStoredSweep,
      apply: (stored) => {
        const store = useLabStore.getState();
        if (!isSweepMode(store) || store.sweepRun !== null) return null;
        const saved = stored as SweepRun;
        // Notes are Messages (a run stored before they were is shown without its notes, not with a broken line).
        const notes = Array.isArray(saved.notes) ? saved.notes.filter((note) => typeof note === 'object' && note !== null && typeof note.id === 'string') : [];
        const run = { ...saved, notes, status: 'paused' as const };
        useLabStore.setState({ sweepRun: run });
        return markSweepRun(run);
      },
    },
  },
});

export function playSweep(): void {
  if (useLabStore.getState().sweepRun?.status === 'error') return; // reset first
  controller.play();
}

export const pauseSweep = controller.pause;

/** Whether the sweep's worker holds a run that can go on (Play continues it; nothing is asked). */
export const isSweepLive = controller.isLive;

/** Ends the sweep's worker and clears its run (and the stored one). */
export function resetSweep(): void {
  controller.terminate();
  if (useLabStore.getState().sweepRun) {
    useLabStore.getState().clearSweepRun();
    getRunStore().clear();
  }
}

/** On load: the stored sweep of this very link, if any, comes back paused at its checkpoint; Play continues from there. */
export const restoreStoredSweep = controller.restoreStored;

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
