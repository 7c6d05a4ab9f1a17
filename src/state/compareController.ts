/**
 * Compare mode: one training worker per chosen method, all started together (the browser spreads
 * them over the cores). Each worker is the lab's train.worker.ts with `method` set and surfaces off.
 * Like the lab view's controller, it never rewinds a worker: reset or a config change terminates all
 * of them. A crash ends only that method's run; the others go on.
 */
import type { LabConfig, MethodId } from '../core/config';
import type { FromWorkerMessage, ToWorkerMessage } from '../../workers/protocol';
import { aggregateCompareStatus } from './compareSlice';
import { useLabStore, type RunStatus } from './store';
import { WORKER_LOAD_FAILURE_TEXT, isCodeLoadFailure, isWorkerLoadFailure } from './workerFailure';

interface CompareWorker {
  method: MethodId;
  worker: Worker;
  intent: 'running' | 'paused';
  finished: boolean;
  /** The worker posted at least one message (so its code loaded). */
  heardFrom: boolean;
}

let active: CompareWorker[] = [];

/** Several methods chosen ⇒ compare mode. */
export function isCompareMode(config: Pick<LabConfig, 'methods'>): boolean {
  return config.methods.length > 1;
}

/** Mirrors the comparison's overall state into the run slice, so the header's transport works unchanged. */
function syncHeader(): void {
  const { compareRuns } = useLabStore.getState();
  const status = aggregateCompareStatus(compareRuns);
  const step = compareRuns.reduce((lowest, run) => Math.min(lowest, run.step), compareRuns.length > 0 ? Infinity : 0);
  const trainingMs = compareRuns.reduce((sum, run) => sum + run.trainingMs, 0);
  const backend = compareRuns.find((run) => run.backend !== null)?.backend ?? null;
  useLabStore.setState({ status, step: Number.isFinite(step) ? step : 0, trainingMs, backend });
}

function handleMessage(entry: CompareWorker, message: FromWorkerMessage): void {
  if (!active.includes(entry)) return; // a worker we already replaced
  const store = useLabStore.getState();
  switch (message.type) {
    case 'progress': {
      const status: RunStatus = message.running && entry.intent === 'running' ? 'running' : entry.intent;
      store.applyCompareProgress(entry.method, message, status);
      break;
    }
    case 'done':
      entry.intent = 'paused';
      entry.finished = true;
      store.applyCompareProgress(entry.method, message, 'done');
      break;
    case 'error':
      fail(entry, message.message, message.fatal);
      break;
    default: {
      const unknown: never = message;
      throw new Error(`Unsupported worker message: ${JSON.stringify(unknown)}`);
    }
  }
  syncHeader();
}

function fail(entry: CompareWorker, text: string, terminate: boolean): void {
  entry.finished = true;
  if (isCodeLoadFailure(text)) {
    // Every method's worker needs the same code: one notice says what to do.
    text = WORKER_LOAD_FAILURE_TEXT;
    useLabStore.getState().showNotice({ kind: 'crash', text });
  }
  useLabStore.getState().failCompareRun(entry.method, text);
  if (terminate) {
    entry.worker.terminate();
  }
  syncHeader();
}

function startWorkers(): void {
  terminateAll();
  const { config } = useLabStore.getState();
  const store = useLabStore.getState();
  store.startCompareRuns(config.methods);
  active = config.methods.map((method) => {
    const worker = new Worker(new URL('../../workers/lab.worker.ts', import.meta.url), { type: 'module', name: 'train' });
    const entry: CompareWorker = { method, worker, intent: 'paused', finished: false, heardFrom: false };
    worker.onmessage = (event: MessageEvent<FromWorkerMessage>) => {
      entry.heardFrom = true;
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
    worker.postMessage({ type: 'init', config, method, surfaces: false } satisfies ToWorkerMessage);
    return entry;
  });
  syncHeader();
}

function terminateAll(): void {
  const old = active;
  active = [];
  for (const entry of old) {
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
