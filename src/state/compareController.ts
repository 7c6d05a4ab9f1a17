/**
 * Compare mode: one training worker per chosen method, all started together (the browser spreads
 * them over the cores). Each worker is the lab's train.worker.ts with `method` set and surfaces off.
 * Like the lab view's controller, it never rewinds a worker: reset or a config change terminates all
 * of them. A crash ends only that method's run; the others go on.
 */
import type { LabConfig, MethodId } from '../core/config';
import type { FromWorkerMessage, ToWorkerMessage } from '../../workers/protocol';
import { summarizeCompareRuns, type CompareProgressUpdate } from './compareSlice';
import { computeWorkerCpuShare } from '../core/cpuShare';
import { routeRunMessage } from './runMessages';
import { createFrameBatcher } from './frameBatcher';
import { statusAfterMessage, useLabStore } from './store';
import { WORKER_LOAD_FAILURE_TEXT, isCodeLoadFailure, isWorkerLoadFailure } from './workerFailure';
import { describeSilence } from '../core/watchdog';
import { watchRunWorker, type RunWatchdog } from './runWatchdog';

interface CompareWorker {
  method: MethodId;
  worker: Worker;
  intent: 'running' | 'paused';
  finished: boolean;
  /** The worker posted at least one message (so its code loaded). */
  heardFrom: boolean;
  /** Ends the worker when it falls silent while it should train (runWatchdog.ts). */
  watchdog: RunWatchdog;
}

let active: CompareWorker[] = [];

/** Several methods chosen ⇒ compare mode. */
export function isCompareMode(config: Pick<LabConfig, 'methods'>): boolean {
  return config.methods.length > 1;
}

/** Mirrors the comparison's overall state into the run slice, so the header's transport works unchanged. */
function syncHeader(): void {
  useLabStore.setState(summarizeCompareRuns(useLabStore.getState().compareRuns));
}

type ProgressMessage = Extract<FromWorkerMessage, { type: 'progress' | 'done' }>;

/** Compare mode updates the store at most every 100 ms (10/s): its workers post every PROGRESS_INTERVAL_MS each. */
const COMPARE_MIN_UPDATE_MS = 100;

/**
 * Progress of all compare workers reaches the store at most once per animation frame (frameBatcher.ts),
 * runs and header summary in one `set`. Statuses are decided when the frame is applied, from the intents then.
 */
const progressBatcher = createFrameBatcher<{ entry: CompareWorker; message: ProgressMessage }>(
  (queued) => {
    const updates: CompareProgressUpdate[] = queued
      .filter(({ entry }) => active.includes(entry)) // messages of replaced workers are dropped
      .map(({ entry, message }) => ({
        method: entry.method,
        payload: message,
        status: statusAfterMessage(message, entry.intent),
      }));
    useLabStore.getState().applyCompareProgressBatch(updates);
  },
  undefined,
  COMPARE_MIN_UPDATE_MS,
);

function handleMessage(entry: CompareWorker, message: FromWorkerMessage): void {
  if (!active.includes(entry)) return; // a worker we already replaced
  routeRunMessage(entry, message, { push: (item) => progressBatcher.push(item), fail }, 'worker');
}

function fail(entry: CompareWorker, text: string, terminate: boolean): void {
  progressBatcher.flush(); // the points before the failure still count
  entry.finished = true;
  if (isCodeLoadFailure(text)) {
    // Every method's worker needs the same code: one notice says what to do.
    text = WORKER_LOAD_FAILURE_TEXT;
    useLabStore.getState().showNotice({ kind: 'crash', text });
  }
  useLabStore.getState().failCompareRun(entry.method, text);
  if (terminate) {
    entry.watchdog.dispose();
    entry.worker.terminate();
  }
  syncHeader();
}

function startWorkers(): void {
  terminateAll();
  const { config } = useLabStore.getState();
  const store = useLabStore.getState();
  store.startCompareRuns(config.methods);
  // Every method's worker trains at once; together they leave the page a core (src/core/cpuShare.ts).
  const cpuShare = computeWorkerCpuShare(globalThis.navigator?.hardwareConcurrency ?? Number.NaN, config.methods.length);
  active = config.methods.map((method) => {
    const worker = new Worker(new URL('../../workers/lab.worker.ts', import.meta.url), { type: 'module', name: 'train' });
    const watchdog = watchRunWorker({
      isWanted: () => active.includes(entry) && entry.intent === 'running' && !entry.finished,
      onSilent: (silence) => {
        // The other lanes go on; Continue starts the whole comparison again with the same settings.
        const text = `${describeSilence(`${method} worker`, silence)} It was ended at step ${silence.step}; the other methods go on. Continue starts the comparison again from step 0 with the same settings.`;
        fail(entry, text, true);
        useLabStore.getState().showNotice({ kind: 'crash', text, action: 'continue' });
      },
    });
    const entry: CompareWorker = { method, worker, intent: 'paused', finished: false, heardFrom: false, watchdog };
    worker.onmessage = (event: MessageEvent<FromWorkerMessage>) => {
      entry.heardFrom = true;
      watchdog.heard(event.data);
      handleMessage(entry, event.data);
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      if (!active.includes(entry)) return;
      if (isWorkerLoadFailure(event, entry.heardFrom)) fail(entry, WORKER_LOAD_FAILURE_TEXT, true);
      else fail(entry, `The ${method} worker crashed${event.message ? `: ${event.message}` : ''}.`, true);
    };
    worker.onmessageerror = () => {
      if (active.includes(entry)) fail(entry, `A message from the ${method} worker could not be read.`, true);
    };
    worker.postMessage({ type: 'init', config, method, surfaces: false, cpuShare } satisfies ToWorkerMessage);
    return entry;
  });
  syncHeader();
}

function terminateAll(): void {
  const old = active;
  active = [];
  for (const entry of old) {
    entry.watchdog.dispose();
    try {
      entry.worker.postMessage({ type: 'stop' } satisfies ToWorkerMessage);
    } finally {
      entry.worker.terminate();
    }
  }
}

function hasLiveRuns(): boolean {
  return active.some((entry) => !entry.finished);
}

export function playCompare(): void {
  if (!hasLiveRuns()) startWorkers();
  for (const entry of active) {
    if (entry.finished) continue;
    entry.intent = 'running';
    entry.worker.postMessage({ type: 'run' } satisfies ToWorkerMessage);
    const run = useLabStore.getState().compareRuns.find((r) => r.method === entry.method);
    if (run && run.backend !== null) useLabStore.getState().setCompareStatus(entry.method, 'running');
  }
  syncHeader();
}

export function pauseCompare(): void {
  for (const entry of active) {
    if (entry.finished) continue;
    entry.intent = 'paused';
    entry.worker.postMessage({ type: 'pause' } satisfies ToWorkerMessage);
    const run = useLabStore.getState().compareRuns.find((r) => r.method === entry.method);
    if (run?.status === 'running') useLabStore.getState().setCompareStatus(entry.method, 'paused');
  }
  syncHeader();
}

export function stepCompare(count: number): void {
  if (useLabStore.getState().compareRuns.some((run) => run.status === 'running')) return;
  if (!hasLiveRuns()) startWorkers();
  for (const entry of active) {
    if (entry.finished) continue;
    entry.intent = 'paused';
    entry.worker.postMessage({ type: 'step', count } satisfies ToWorkerMessage);
  }
}

/** Terminates every compare worker and clears the runs. */
export function resetCompare(): void {
  terminateAll();
  useLabStore.getState().clearCompareRuns();
}

/** Number of compare workers alive (for tests and the panel's status line). */
export function countCompareWorkers(): number {
  return active.length;
}
