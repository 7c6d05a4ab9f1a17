/**
 * The one routing of a run worker's messages, for every controller that owns such workers (compare lanes, the
 * sweep, the AxTrain view): `progress` goes to the controller's frame batcher; `done` marks the run finished
 * (paused, so Play starts a new one) and goes to the batcher too; `error` goes to the controller's fail().
 */
import { describeSilence } from '../core/watchdog';
import { watchRunWorker, type RunWatchdog } from './runWatchdog';
import { WORKER_LOAD_FAILURE_TEXT, isWorkerLoadFailure } from './workerFailure';

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
  handlers: { push: (item: { entry: E; message: Extract<M, { type: 'progress' | 'done' }> }) => void; fail: (entry: E, text: string, fatal: boolean) => void },
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
    case 'checkpoint':
      return; // a sign of life for the watchdog (runWatchdog.ts); a lane's checkpoint is not kept (only the lab's run resumes)
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
