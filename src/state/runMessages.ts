/**
 * The one routing of a run worker's messages, for every controller that owns such workers (compare lanes, the
 * sweep, the AxTrain and NAS views): `progress` goes to the controller's frame batcher; `done` marks the run finished
 * (paused, so Play starts a new one) and goes to the batcher too; `error` goes to the controller's fail().
 */
import type { TrainerCheckpoint } from '../core/checkpoint';
import { describeSilence } from '../core/watchdog';
import { createFrameBatcher } from './frameBatcher';
import { watchRunWorker, type RunWatchdog } from './runWatchdog';
import { statusAfterMessage, useLabStore, type NoticeKind, type RunStatus } from './store';
import { formatMessage, type Message } from '../core/messages';

/** Shows a notice of the state layer in the current language (its English text kept for tests and logs). */
export function showMessage(kind: NoticeKind, shown: Message, action?: 'continue'): void {
  useLabStore.getState().showNotice({ kind, text: formatMessage(shown, 'en'), message: shown, ...(action ? { action } : {}) });
}
import { WORKER_LOAD_FAILURE_TEXT, isCodeLoadFailure, isWorkerLoadFailure } from './workerFailure';

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
  | { type: 'error'; message: string; fatal: boolean }
  | { type: 'checkpoint' }
  | { type: 'gpu-lost'; backend: string; reason: string };

/** The sentence of a lost GPU, e.g. "The GPU stopped responding on webgl (the WebGL context was lost)." */
export function describeGpuLoss(loss: { backend: string; reason: string }): string {
  return `The GPU stopped responding on ${loss.backend} (${loss.reason}).`;
}

export function routeRunMessage<E extends RunWorkerEntry, M extends RunWorkerMessage>(
  entry: E,
  message: M,
  handlers: {
    push: (item: { entry: E; message: Extract<M, { type: 'progress' | 'done' }> }) => void;
    fail: (entry: E, text: string, fatal: boolean) => void;
    /** A train worker's checkpoint (the compare lanes keep theirs; roles without one never post it). */
    checkpoint?: (entry: E, checkpoint: TrainerCheckpoint) => void;
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
      handlers.checkpoint?.(entry, (message as unknown as { checkpoint: TrainerCheckpoint }).checkpoint);
      return;
    case 'gpu-lost': {
      const loss = message as Extract<RunWorkerMessage, { type: 'gpu-lost' }>;
      handlers.fail(entry, describeGpuLoss(loss), true);
      return;
    }
    case 'error': {
      const error = message as Extract<RunWorkerMessage, { type: 'error' }>;
      handlers.fail(entry, error.message, error.fatal);
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

/** The roles of workers/lab.worker.ts that run a training loop under a controller. */
export type RunWorkerRole = 'sweep' | 'axtrain' | 'nas';

/**
 * Starts workers/lab.worker.ts in `role` (paused, not yet initialised) with the one wiring every run controller
 * shares: messages are routed by routeRunMessage while the entry is the controller's current one; a crash, a chunk
 * that cannot load (workerFailure.ts) and an unreadable message go to `fail` with a sentence naming the worker, and
 * so does a worker that stops answering while it should run (the watchdog, runWatchdog.ts): `fail(…, true)` ends it.
 */
export function spawnRunWorker<M extends RunWorkerMessage>(
  role: RunWorkerRole,
  workerName: string,
  handlers: {
    isCurrent: (entry: RunWorker) => boolean;
    push: (item: { entry: RunWorker; message: Extract<M, { type: 'progress' | 'done' }> }) => void;
    fail: (entry: RunWorker, text: string, fatal: boolean) => void;
  },
): RunWorker {
  const worker = new Worker(new URL('../../workers/lab.worker.ts', import.meta.url), { type: 'module', name: role });
  const watchdog = watchRunWorker({
    isWanted: () => handlers.isCurrent(entry) && entry.intent === 'running' && !entry.finished,
    onSilent: (silence) => handlers.fail(entry, `${describeSilence(workerName, silence)} It was ended at step ${silence.step}.`, true),
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
    else handlers.fail(entry, `the ${workerName} crashed${event.message ? `: ${event.message}` : ''}.`, true);
  };
  worker.onmessageerror = () => handlers.fail(entry, `a message from the ${workerName} could not be read.`, true);
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

/** The parts in which the sweep, AxTrain and NAS controllers differ; everything else is createWorkerRunController's. */
export interface WorkerRunSpec<M extends RunWorkerMessage, Init> {
  role: RunWorkerRole;
  /** In messages: "the NAS worker crashed". */
  workerName: string;
  /** The failure line's opening: "NAS stopped:". */
  stoppedText: string;
  /** Prepares the store's run and returns the worker's init message; null when nothing can start (the spec said why). */
  begin(): Init | null;
  /** One frame's progress and done messages of the current worker, with the status each leaves. */
  applyBatch(updates: { payload: Extract<M, { type: 'progress' | 'done' }>; status: RunStatus }[]): void;
  failRun(text: string): void;
  runStatus(): RunStatus | undefined;
  /** Whether the run has reported its backend (its worker is initialised). */
  hasBackend(): boolean;
  setStatus(status: RunStatus): void;
  /** After every change of the run's state (the sweep mirrors its run into the header). */
  afterChange?(): void;
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
}

/**
 * One run under one worker of `role`, the controller the sweep, the AxTrain view and the NAS view share. It never
 * rewinds a worker: a fresh Play after a finished run (or other settings) starts a new one. Progress reaches the store
 * at most once per animation frame (frameBatcher.ts); messages of a replaced worker are dropped. A failure flushes the
 * points before it, marks the run failed with one sentence and shows it as a crash notice.
 */
export function createWorkerRunController<M extends RunWorkerMessage, Init>(spec: WorkerRunSpec<M, Init>): WorkerRunController {
  let active: RunWorker | null = null;
  type Item = { entry: RunWorker; message: Extract<M, { type: 'progress' | 'done' }> };
  const batcher = createFrameBatcher<Item>((queued) => {
    spec.applyBatch(queued.filter(({ entry }) => entry === active).map(({ entry, message }) => ({ payload: message, status: statusAfterMessage(message, entry.intent) })));
    spec.afterChange?.();
  });

  const terminate = () => {
    batcher.cancel();
    const old = active;
    active = null;
    stopRunWorker(old);
  };

  const fail = (entry: RunWorker, text: string, fatal: boolean) => {
    if (entry !== active) return;
    batcher.flush(); // the points before the failure still count
    entry.finished = true;
    const shown = isCodeLoadFailure(text) ? WORKER_LOAD_FAILURE_TEXT : `${spec.stoppedText} ${text} Press Reset to start again.`;
    spec.failRun(shown);
    useLabStore.getState().showNotice({ kind: 'crash', text: shown });
    if (fatal) terminate();
    spec.afterChange?.();
  };

  const start = (): boolean => {
    terminate();
    const init = spec.begin();
    if (init === null) return false;
    const entry = spawnRunWorker<M>(spec.role, spec.workerName, { isCurrent: (e) => e === active, push: (item) => batcher.push(item), fail });
    active = entry;
    entry.worker.postMessage(init);
    spec.afterChange?.();
    return true;
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
  };
}
