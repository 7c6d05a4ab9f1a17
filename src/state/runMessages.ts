/**
 * The one routing of a run worker's messages, for every controller that owns such workers (compare lanes, the
 * sweep, the AxTrain and NAS views): `progress` goes to the controller's frame batcher; `done` marks the run finished
 * (paused, so Play starts a new one) and goes to the batcher too; `error` goes to the controller's fail().
 */
import { computeWorkerCpuShare } from '../core/cpuShare';
import type { WorkerErrorMessage } from '../../workers/protocol';
import type { BackendName } from '../core/config';
import { chooseFallbackBackend, type MeasuredBackend } from '../core/backendFallback';
import { describeSilence, type Silence } from '../core/watchdog';
import { createFrameBatcher } from './frameBatcher';
import { watchRunWorker, type RunWatchdog } from './runWatchdog';
import { statusAfterMessage, useLabStore, type NoticeKind, type RunStatus } from './store';
import { formatMessage, message as message_, type Message } from '../core/messages';

import { WORKER_LOAD_FAILURE_TEXT, isCodeLoadFailure, isWorkerLoadFailure } from './workerFailure';
import { getRunStore, type StoredRunCheck, type StoredWorkerRunKind } from './runRestore';

/** The Continue of the notice on screen: what the controller that showed it offered (see showMessage). */
let offeredContinue: (() => void) | null = null;

/**
 * Shows a notice of the state layer in the current language (its English text kept for tests and logs). With
 * `onContinue` the notice has a Continue button that calls it (trainingController.ts continueRun): each controller
 * offers its own (the lab's run, a compare lane, the sweep, NAS), so Continue goes on with the run that stopped.
 */
export function showMessage(kind: NoticeKind, shown: Message, onContinue?: () => void): void {
  offeredContinue = onContinue ?? null;
  useLabStore.getState().showNotice({ kind, text: formatMessage(shown, 'en'), message: shown, ...(onContinue ? { action: 'continue' as const } : {}) });
}

/** The Continue the notice on screen offers, taken (once), or null. */
export function takeOfferedContinue(): (() => void) | null {
  const offered = offeredContinue;
  offeredContinue = null;
  return offered;
}

/** A checkpoint's position in words: "step N" (a search gives its own, e.g. NAS's round). */
export const atStep = (step: number): Message => message_('atStep', { step });

/** What a controller keeps of each of its workers' runs. */
export interface RunWorkerEntry {
  intent: 'running' | 'paused';
  finished: boolean;
}

/**
 * A run worker's messages: every run protocol (workers/*Protocol.ts) has the first four tags; the train worker also
 * posts its checkpoints and a GPU loss (workers/protocol.ts).
 */
export type RunWorkerMessage =
  | { type: 'progress' }
  | { type: 'done' }
  | { type: 'heartbeat' }
  | WorkerErrorMessage
  | { type: 'checkpoint' }
  | { type: 'gpu-lost'; backend: BackendName; reason: string };

/** A worker's report of its lost GPU (workers/gpuGuard.ts). */
export type GpuLoss = Extract<RunWorkerMessage, { type: 'gpu-lost' }>;

/** The checkpoint a worker protocol posts (`{ type: 'checkpoint'; checkpoint }`), or never. */
export type CheckpointOf<M> = M extends { type: 'checkpoint'; checkpoint: infer C } ? C : never;

/**
 * The continue notice of a worker that stopped answering: Continue resumes from the last checkpoint (taken at the last
 * evaluation) on the same backend, which gives the numbers of an uninterrupted run; before the first checkpoint it
 * trains again from step 0 with the same settings (the same seed on the same backend gives the same numbers).
 */
export function describeStalledRun(
  silence: Pick<Silence, 'silentMs' | 'step'>,
  backend: string | null,
  checkpointStep: number | null,
  worker: Message = message_('trainingWorker'),
  /** The checkpoint's position where it is not a training step (NAS: its round); no lost steps are counted then. */
  at?: Message,
): Message {
  const where = backend ? message_('onBackend', { backend }) : '';
  const silent = message_('workerSilent', { worker, seconds: Math.round(silence.silentMs / 1000) });
  if (checkpointStep !== null) {
    const lost = !at && silence.step > checkpointStep ? message_('stepsAfterCheckpoint', { steps: silence.step - checkpointStep }) : '';
    return message_('stalledResume', { silent, at: at ?? atStep(checkpointStep), where, lost });
  }
  const lost = silence.step > 0 ? message_('stepsWithoutCheckpoint', { steps: silence.step }) : '';
  return message_('stalledRestart', { silent, where, lost });
}

/** The notice of a lost GPU: what happened, and where the run goes on from where. */
export function describeGpuFallback(loss: { backend: string; reason: string }, next: BackendName, checkpointStep: number | null, at?: Message): Message {
  const from = checkpointStep !== null ? message_('fromCheckpoint', { at: at ?? atStep(checkpointStep) }) : message_('fromStart');
  return message_('gpuFallback', { lost: message_('gpuLost', { backend: loss.backend, reason: loss.reason }), next, from });
}

/** The sentence of a lost GPU, e.g. "The GPU stopped responding on webgl (the WebGL context was lost)." */
export function describeGpuLoss(loss: { backend: string; reason: string }): string {
  return `The GPU stopped responding on ${loss.backend} (${loss.reason}).`;
}

export function routeRunMessage<E extends RunWorkerEntry, M extends RunWorkerMessage>(
  entry: E,
  message: M,
  handlers: {
    push: (item: { entry: E; message: Extract<M, { type: 'progress' | 'done' }> }) => void;
    /** A failure: the worker's English text, or its message where it worded the failure itself (a divergence). */
    fail: (entry: E, reason: string | Message, fatal: boolean) => void;
    /** A worker's checkpoint (the compare lanes and the sweep keep theirs; roles without one never post it). */
    checkpoint?: (entry: E, checkpoint: CheckpointOf<M>) => void;
    /** A lost GPU where the controller goes on elsewhere by itself; without it the loss is a failure. */
    gpuLost?: (entry: E, loss: GpuLoss) => void;
  },
  workerName: string,
): void {
  type Progress = Extract<M, { type: 'progress' | 'done' }>;
  switch (message.type) {
    case 'progress':
      handlers.push({ entry, message: message as Progress });
      return;
    case 'done':
      entry.intent = 'paused';
      entry.finished = true;
      handlers.push({ entry, message: message as Progress });
      return;
    case 'heartbeat':
      return; // a sign of life for the watchdog (runWatchdog.ts)
    case 'checkpoint':
      handlers.checkpoint?.(entry, (message as unknown as { checkpoint: CheckpointOf<M> }).checkpoint);
      return;
    case 'gpu-lost': {
      const loss = message as GpuLoss;
      if (handlers.gpuLost) handlers.gpuLost(entry, loss);
      else handlers.fail(entry, describeGpuLoss(loss), true);
      return;
    }
    case 'error': {
      const error = message as Extract<RunWorkerMessage, { type: 'error' }>;
      handlers.fail(entry, error.localized ?? error.message, error.fatal);
      return;
    }
    default:
      throw new Error(`Unsupported ${workerName} message: ${JSON.stringify(message)}`);
  }
}

/** A controller's worker: the entry routeRunMessage updates, the Worker, and whether it has spoken yet. */
export interface RunWorker extends RunWorkerEntry {
  worker: Worker;
  heardFrom: boolean;
  /** Ends the worker when it falls silent while it should run (runWatchdog.ts). */
  watchdog: RunWatchdog;
}

/** The share of a core each of the page's `workers` training workers may use on this device (src/core/cpuShare.ts). */
export function pageWorkerCpuShare(workers = 1): number {
  return computeWorkerCpuShare(globalThis.navigator?.hardwareConcurrency ?? Number.NaN, workers);
}

/** The roles of workers/lab.worker.ts that run a training loop under a controller. */
export type RunWorkerRole = 'sweep' | 'axtrain' | 'nas';

/**
 * Starts workers/lab.worker.ts in `role` (paused, not yet initialised) with the one wiring every run controller
 * shares: messages are routed by routeRunMessage while the entry is the controller's current one; a crash, a chunk
 * that cannot load (workerFailure.ts) and an unreadable message go to `fail` with a sentence naming the worker, and
 * so does a worker that stops answering while it should run (the watchdog, runWatchdog.ts): `fail(…, true)` ends it,
 * or `silent` where the controller has its own answer (a Continue from its checkpoint).
 */
export function spawnRunWorker<M extends RunWorkerMessage>(
  role: RunWorkerRole,
  workerLabel: Message,
  handlers: {
    isCurrent: (entry: RunWorker) => boolean;
    push: (item: { entry: RunWorker; message: Extract<M, { type: 'progress' | 'done' }> }) => void;
    /** `reason`: the worker's own words (a string) or the page's (a message, in the language on screen). */
    fail: (entry: RunWorker, reason: string | Message, fatal: boolean) => void;
    checkpoint?: (entry: RunWorker, checkpoint: CheckpointOf<M>) => void;
    silent?: (entry: RunWorker, silence: Silence) => void;
    gpuLost?: (entry: RunWorker, loss: GpuLoss) => void;
  },
): RunWorker {
  const workerName = formatMessage(workerLabel, 'en');
  const worker = new Worker(new URL('../../workers/lab.worker.ts', import.meta.url), { type: 'module', name: role });
  const watchdog = watchRunWorker({
    isWanted: () => handlers.isCurrent(entry) && entry.intent === 'running' && !entry.finished,
    onSilent: (silence) =>
      handlers.silent ? handlers.silent(entry, silence) : handlers.fail(entry, `${describeSilence(workerName, silence)} It was ended at step ${silence.step}.`, true),
  });
  const entry: RunWorker = { worker, intent: 'paused', heardFrom: false, finished: false, watchdog };
  worker.onmessage = (event: MessageEvent<M>) => {
    entry.heardFrom = true;
    watchdog.heard(event.data);
    if (handlers.isCurrent(entry)) routeRunMessage(entry, event.data, handlers, workerName);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    if (isWorkerLoadFailure(event, entry.heardFrom)) handlers.fail(entry, WORKER_LOAD_FAILURE_TEXT, true);
    else handlers.fail(entry, message_('workerCrashed', { worker: workerLabel, detail: event.message ? `: ${event.message}` : '' }), true);
  };
  worker.onmessageerror = () => handlers.fail(entry, message_('workerUnreadable', { worker: workerLabel }), true);
  return entry;
}

/** Asks a run worker to stop (it frees its models) and terminates it. */
export function stopRunWorker(entry: RunWorker | null): void {
  if (!entry) return;
  entry.watchdog.dispose();
  try {
    entry.worker.postMessage({ type: 'stop' });
  } finally {
    entry.worker.terminate();
  }
}

/**
 * A run whose worker posts checkpoints (the sweep): after a fault (a silent or crashed worker) Continue goes on from the
 * last one in a new worker, on the checkpoint's backend, with the store put back to what it showed at that checkpoint;
 * a lost GPU continues by itself on the next backend of the measured chain (src/core/backendFallback.ts), from the last
 * checkpoint or, before the first, from step 0.
 */
export interface WorkerRunResume<M extends RunWorkerMessage, Init, Marks> {
  /** What the store shows at a checkpoint, read when it arrives (after the progress that precedes it). */
  mark(): Marks;
  /**
   * Puts the store back to `from.marks` (null: to step 0) and returns the init message that continues from
   * `from.checkpoint` (null: trains from the start) on `backend`; null when it cannot.
   */
  beginResume(from: { checkpoint: CheckpointOf<M>; marks: Marks } | null, backend: BackendName): Init | null;
  /** The run's backend report (the measured chain a lost GPU falls back along). */
  backendReport(): readonly MeasuredBackend[];
  /** A checkpoint's position in words where it is not a training step (NAS: its round); default atStep. */
  at?(checkpoint: CheckpointOf<M>): Message;
  /** Set where the run survives a reload (runRestore.ts): each checkpoint is stored with the run as it showed then. */
  stored?: StoredRunSpec<Marks>;
}

/** How a controller's run is stored for a reload and put back (runRestore.ts StoredWorkerRun). */
export interface StoredRunSpec<Marks> {
  kind: StoredWorkerRunKind;
  /** The canonical link of the run's settings now (only the same link restores it). */
  link(): string;
  /** The run as the store showed it at `marks`, paused (null: there is no run any more). */
  snapshot(marks: Marks): unknown;
  /** The kind's check of a stored run and checkpoint. */
  check: StoredRunCheck;
  /** Puts a stored run (checked) into the store and returns its marks; null when a run is there already. */
  apply(run: unknown): Marks | null;
}

/** What a checkpoint must say of itself for a Continue. */
interface CheckpointLike {
  step: number;
  backend: BackendName;
}

/** The parts in which the sweep, AxTrain and NAS controllers differ; everything else is createWorkerRunController's. */
export interface WorkerRunSpec<M extends RunWorkerMessage, Init, Marks = unknown> {
  role: RunWorkerRole;
  /** The worker in messages: "the NAS worker crashed". */
  worker: Message;
  /** The failure line's opening: "NAS stopped:". */
  stopped: Message;
  /** Prepares the store's run and returns the worker's init message; null when nothing can start (the spec said why). */
  begin(): Init | null;
  /** One frame's progress and done messages of the current worker, with the status each leaves. */
  applyBatch(updates: { payload: Extract<M, { type: 'progress' | 'done' }>; status: RunStatus }[]): void;
  /** The failure line: its English text (logs, tests) and its message (shown in the language on screen). */
  failRun(text: string, localized: Message | null): void;
  runStatus(): RunStatus | undefined;
  /** Whether the run has reported its backend (its worker is initialised). */
  hasBackend(): boolean;
  setStatus(status: RunStatus): void;
  /** After every change of the run's state (the sweep mirrors its run into the header). */
  afterChange?(): void;
  /** Set where the worker posts checkpoints: a fault offers Continue from the last one. */
  resume?: WorkerRunResume<M, Init, Marks>;
}

export interface WorkerRunController {
  /** Whether a current, unfinished worker exists. */
  isLive(): boolean;
  /** Play: starts a worker when there is none, it finished, or `fresh`; then sets it running. False when none could start. */
  play(fresh?: boolean): boolean;
  pause(): void;
  /** Whether the current worker was last told to run. */
  isRunning(): boolean;
  /** Ends the current worker (its run's state stays). */
  terminate(): void;
  /**
   * On load: the stored run of this very link (spec.resume.stored), if any, comes back paused at its checkpoint with a
   * "Restored from …" notice, and the next Play continues from there. False when there is none or a run started.
   */
  restoreStored(): Promise<boolean>;
}

/**
 * One run under one worker of `role`, the controller the sweep, the AxTrain view and the NAS view share. It never
 * rewinds a worker: a fresh Play after a finished run (or other settings) starts a new one. Progress reaches the store
 * at most once per animation frame (frameBatcher.ts); messages of a replaced worker are dropped. A failure flushes the
 * points before it, marks the run failed with one sentence and shows it as a crash notice.
 */
export function createWorkerRunController<M extends RunWorkerMessage, Init, Marks = unknown>(spec: WorkerRunSpec<M, Init, Marks>): WorkerRunController {
  let active: RunWorker | null = null;
  /** The current run's last checkpoint and what the store showed with it (spec.resume); null at step 0. */
  let saved: { checkpoint: CheckpointOf<M>; marks: Marks } | null = null;
  /** Set by restoreStored(): the next Play continues from `saved` (a run restored after a reload). */
  let restored = false;
  const savedStep = (): number | null => (saved ? (saved.checkpoint as CheckpointLike).step : null);
  /** The position of a checkpoint in words (the spec's, or its step). */
  const positionOf = (checkpoint: CheckpointOf<M>): Message => spec.resume?.at?.(checkpoint) ?? atStep((checkpoint as CheckpointLike).step);
  const savedAt = (): Message | undefined => (saved ? positionOf(saved.checkpoint) : undefined);
  type Item = { entry: RunWorker; message: Extract<M, { type: 'progress' | 'done' }> };
  const batcher = createFrameBatcher<Item>((queued) => {
    spec.applyBatch(queued.filter(({ entry }) => entry === active).map(({ entry, message }) => ({ payload: message, status: statusAfterMessage(message, entry.intent) })));
    spec.afterChange?.();
  });

  /** Stores a checkpoint with the run as it showed then, for a reload (throttled by the run store). */
  const keep = (from: { checkpoint: CheckpointOf<M>; marks: Marks }) => {
    const stored = spec.resume?.stored;
    if (!stored) return;
    getRunStore().save(() => {
      const run = stored.snapshot(from.marks);
      return run === null ? null : { version: 1, kind: stored.kind, link: stored.link(), savedAt: Date.now(), run, checkpoint: from.checkpoint };
    });
  };

  const terminate = () => {
    batcher.cancel();
    const old = active;
    active = null;
    stopRunWorker(old);
  };

  const fail = (entry: RunWorker, reason: string | Message, fatal: boolean) => {
    if (entry !== active) return;
    batcher.flush(); // the points before the failure still count
    entry.finished = true;
    const text = typeof reason === 'string' ? reason : formatMessage(reason, 'en');
    if (fatal && spec.resume && saved && !isCodeLoadFailure(text)) {
      // A crashed worker of a resumable run: its checkpoint is still good.
      const offered = message_('crashResume', { stopped: spec.stopped, reason, at: positionOf(saved.checkpoint), backend: (saved.checkpoint as CheckpointLike).backend });
      spec.failRun(formatMessage(offered, 'en'), offered);
      showMessage('crash', offered, offerContinue);
    } else if (isCodeLoadFailure(text)) {
      spec.failRun(WORKER_LOAD_FAILURE_TEXT, null); // the views word it themselves (workerCodeFailure)
      useLabStore.getState().showNotice({ kind: 'crash', text: WORKER_LOAD_FAILURE_TEXT });
    } else {
      const shown = message_('runStoppedReset', { stopped: spec.stopped, reason });
      spec.failRun(formatMessage(shown, 'en'), shown);
      showMessage('crash', shown);
    }
    if (fatal) terminate();
    spec.afterChange?.();
  };

  /** A silent worker of a resumable run: ended, with the notice whose Continue goes on from the last checkpoint. */
  const silent = (entry: RunWorker, silence: Silence) => {
    if (entry !== active || !spec.resume) return;
    batcher.flush();
    entry.finished = true;
    const backend = saved ? (saved.checkpoint as CheckpointLike).backend : null;
    const stalled = describeStalledRun(silence, backend, savedStep(), spec.worker, savedAt());
    spec.failRun(formatMessage(stalled, 'en'), stalled);
    showMessage('crash', stalled, offerContinue);
    terminate();
    spec.afterChange?.();
  };

  /** A lost GPU of a resumable run: no question to ask; it goes on by itself on the next backend, and says so. */
  const gpuLost = (entry: RunWorker, loss: GpuLoss) => {
    if (entry !== active || !spec.resume) return;
    batcher.flush(); // the points before the loss still count
    entry.finished = true;
    const next = chooseFallbackBackend(loss.backend, spec.resume.backendReport());
    showMessage('device', describeGpuFallback(loss, next, savedStep(), savedAt()));
    if (!resumeFrom(saved, next, entry.intent)) {
      const shown = message_('runStoppedReset', { stopped: spec.stopped, reason: message_('gpuLost', { backend: loss.backend, reason: loss.reason }) });
      spec.failRun(formatMessage(shown, 'en'), shown);
      showMessage('crash', shown);
      terminate();
    }
    spec.afterChange?.();
  };

  const spawn = (init: Init): RunWorker => {
    const entry = spawnRunWorker<M>(spec.role, spec.worker, {
      isCurrent: (e) => e === active,
      push: (item) => batcher.push(item),
      fail,
      ...(spec.resume
        ? {
            silent,
            gpuLost,
            checkpoint: (e: RunWorker, checkpoint: CheckpointOf<M>) => {
              if (e !== active || !spec.resume) return;
              batcher.flush(); // the points of the checkpoint's step arrived just before it
              saved = { checkpoint, marks: spec.resume.mark() };
              keep(saved);
            },
          }
        : {}),
    });
    active = entry;
    entry.worker.postMessage(init);
    return entry;
  };

  const start = (): boolean => {
    terminate();
    saved = null;
    restored = false;
    if (spec.resume?.stored) getRunStore().clear(); // a new run: the stored one is gone
    const init = spec.begin();
    if (init === null) return false;
    spawn(init);
    spec.afterChange?.();
    return true;
  };

  /** A new worker that goes on from `from` (null: from step 0) on `backend`, told to run when `intent` says so. */
  const resumeFrom = (from: typeof saved, backend: BackendName, intent: RunWorkerEntry['intent']): boolean => {
    if (!spec.resume) return false;
    terminate();
    const init = spec.resume.beginResume(from, backend);
    if (init === null) return false;
    saved = from;
    const entry = spawn(init);
    entry.intent = intent;
    if (intent === 'running') entry.worker.postMessage({ type: 'run' });
    return true;
  };

  const continueFromCheckpoint = (): boolean => {
    const from = saved;
    if (!from) return false;
    const { backend } = from.checkpoint as CheckpointLike;
    if (!resumeFrom(from, backend, 'running')) return false;
    showMessage('info', message_('continued', { at: positionOf(from.checkpoint), backend }));
    spec.afterChange?.();
    return true;
  };

  /** The notice's Continue after a fault: from the last checkpoint, or (none yet) a fresh run with the same settings. */
  const offerContinue = () => {
    if (!continueFromCheckpoint()) play(true);
  };

  const pause = () => {
    if (!active || active.finished) return;
    active.intent = 'paused';
    active.worker.postMessage({ type: 'pause' });
    const status = spec.runStatus();
    if (status === 'running' || status === 'initializing') spec.setStatus('paused');
    spec.afterChange?.();
  };

  const play = (fresh = false): boolean => {
    if (!active && restored && saved && !fresh) {
      // A run restored after a reload: it goes on from its stored checkpoint.
      restored = false;
      if (!resumeFrom(saved, (saved.checkpoint as CheckpointLike).backend, 'running')) return false;
      spec.afterChange?.();
      return true;
    }
    if (!active || active.finished || fresh) {
      if (!start()) return false;
    }
    const entry = active as RunWorker;
    entry.intent = 'running';
    entry.worker.postMessage({ type: 'run' });
    if (spec.hasBackend()) spec.setStatus('running');
    spec.afterChange?.();
    return true;
  };

  return {
    isLive: () => active !== null && !active.finished,
    play,
    pause,
    isRunning: () => active?.intent === 'running',
    terminate,
    async restoreStored() {
      const stored = spec.resume?.stored;
      if (!stored || active) return false;
      const link = stored.link();
      const record = await getRunStore().loadWorkerRun<unknown, CheckpointOf<M>>(stored.kind, link, stored.check);
      if (!record || active || stored.link() !== link) return false;
      const marks = stored.apply(record.run);
      if (marks === null) return false;
      saved = { checkpoint: record.checkpoint, marks };
      restored = true;
      spec.afterChange?.();
      const time = new Date(record.savedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      showMessage('info', message_('restored', { at: positionOf(record.checkpoint), time, backend: (record.checkpoint as CheckpointLike).backend }));
      return true;
    },
  };
}
