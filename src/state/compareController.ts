/**
 * Compare mode: one training worker per chosen method, all started together (the browser spreads
 * them over the cores). Each worker is the lab's train.worker.ts with `method` set and surfaces off.
 * Like the lab view's controller, it never rewinds a worker: reset or a config change terminates all
 * of them. A crash ends only that method's run; the others go on. Each lane keeps the last checkpoint its worker posted
 * (issue 12): a lost GPU continues that lane by itself on the next backend from it, and a lane that fell silent
 * continues from it on Continue; the lane's curve up to the checkpoint stays. The comparison survives a reload too
 * (runRestore.ts, kind 'compare'): at each lane's checkpoint the page stores every lane's curve up to its own last
 * checkpoint; the same link comes back paused, and Play continues each lane from there.
 */
import type { BackendName, LabConfig, MethodId } from '../core/config';
import type { TrainerCheckpoint } from '../core/checkpoint';
import { chooseFallbackBackend } from '../core/backendFallback';
import type { FromWorkerMessage, ResumeRequest, ToWorkerMessage } from '../../workers/protocol';
import { createCompareRun, rewindCompareRun, summarizeCompareRuns, type CompareProgressUpdate, type CompareRun } from './compareSlice';
import { formatHash } from '../core/link';
import { checkStoredCompare, getRunStore } from './runRestore';
import { atStep, pageWorkerCpuShare, routeRunMessage, showMessage } from './runMessages';
import { formatMessage, message as message_, type Message } from '../core/messages';
import { createFrameBatcher } from './frameBatcher';
import { statusAfterMessage, useLabStore } from './store';
import { WORKER_LOAD_FAILURE_TEXT, isCodeLoadFailure, isWorkerLoadFailure } from './workerFailure';
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
  /** The last checkpoint the lane's worker posted (at an evaluation step), or null before the first. */
  lastCheckpoint: TrainerCheckpoint | null;
  /** The lane fell silent and was ended: Continue resumes it. */
  stalled: boolean;
}

let active: CompareWorker[] = [];

/** A comparison as stored for a reload: every lane's run rewound to its own last checkpoint, paused (or done). */
interface StoredCompare {
  runs: CompareRun[];
}

/** The stored comparison's checkpoints: one per lane (null: it had none, step 0); step and backend name the lowest lane. */
interface StoredCompareCheckpoint {
  step: number;
  backend: string;
  lanes: (TrainerCheckpoint | null)[];
}

/** Set by restoreStoredCompare: the checkpoint each lane continues from at the next Play or Step (null: step 0). */
let restoredLanes: Map<MethodId, TrainerCheckpoint | null> | null = null;

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
  if (message.type === 'gpu-lost') {
    // No question to ask: the lane goes on by itself on the next backend, from its checkpoint (the others go on).
    const next = chooseFallbackBackend(message.backend, []);
    const lost = message_('gpuLost', { backend: message.backend, reason: message.reason });
    showMessage('device', message_('laneGpuFallback', { lost, method: entry.method, next, from: checkpointFrom(entry) }));
    resumeLane(entry, next);
    return;
  }
  const checkpoint = (lane: CompareWorker, at: TrainerCheckpoint) => {
    lane.lastCheckpoint = at;
    storeCompare();
  };
  routeRunMessage(entry, message, { push: (item) => progressBatcher.push(item), fail, checkpoint }, 'worker');
}

/** The comparison as it stands, each lane at its last checkpoint, for a reload (throttled by the run store). */
function storeCompare(): void {
  getRunStore().save(() => {
    progressBatcher.flush(); // the evaluations at the checkpoints' steps arrived just before them
    const { config, compareRuns } = useLabStore.getState();
    if (active.length === 0 || compareRuns.length !== config.methods.length) return null;
    const lanes = compareRuns.map((run) => active.find((entry) => entry.method === run.method)?.lastCheckpoint ?? null);
    const runs = compareRuns.map((run, i): CompareRun => {
      const step = lanes[i]?.step ?? 0;
      const done = run.status === 'done' && lanes[i] !== null && step >= run.totalSteps;
      return { ...rewindCompareRun(run, step), status: done ? 'done' : 'paused' };
    });
    const lowest = lanes.reduce((min, lane) => Math.min(min, lane?.step ?? 0), Number.POSITIVE_INFINITY);
    const checkpoint: StoredCompareCheckpoint = { step: lowest, backend: lanes.find((lane) => lane !== null)?.backend ?? config.backend, lanes };
    return { version: 1, kind: 'compare', link: formatHash(config), savedAt: Date.now(), run: { runs } satisfies StoredCompare, checkpoint };
  });
}

/** A stored lane's run as the slice holds it, from plain data whose shape checkStoredCompare has checked. */
function restoreLaneRun(stored: CompareRun): CompareRun {
  const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
  return {
    ...createCompareRun(stored.method),
    status: stored.status,
    step: stored.step,
    totalSteps: stored.totalSteps,
    phase: typeof stored.phase === 'string' ? stored.phase : '',
    phaseMessage: isObject(stored.phaseMessage) && typeof stored.phaseMessage.id === 'string' ? stored.phaseMessage : null,
    trainingMs: stored.historyMs.at(-1) ?? 0,
    backend: typeof stored.backend === 'string' ? stored.backend : null,
    history: stored.history,
    historyMs: stored.historyMs,
    parameterCounts: isObject(stored.parameterCounts) ? stored.parameterCounts : null,
    topology: isObject(stored.topology) ? stored.topology : null,
    notes: Array.isArray(stored.notes) ? stored.notes.filter((note) => typeof note === 'string') : [],
  };
}

/**
 * On load: the stored comparison of this very link, if any, comes back paused with every lane's curve up to its own
 * last checkpoint and a notice; Play (or Step) continues each lane from there. False when there is none, the page is not
 * comparing, or a comparison started meanwhile.
 */
export async function restoreStoredCompare(): Promise<boolean> {
  const link = formatHash(useLabStore.getState().config);
  if (!isCompareMode(useLabStore.getState().config)) return false;
  const record = await getRunStore().loadWorkerRun<StoredCompare, StoredCompareCheckpoint>('compare', link, checkStoredCompare);
  const { config, compareRuns } = useLabStore.getState();
  if (!record || active.length > 0 || compareRuns.length > 0 || formatHash(config) !== link) return false;
  const runs = record.run.runs.map(restoreLaneRun);
  if (runs.map((run) => run.method).join() !== config.methods.join()) return false;
  restoredLanes = new Map(runs.map((run, i) => [run.method, record.checkpoint.lanes[i]]));
  useLabStore.setState({ compareRuns: runs });
  syncHeader();
  const lanes = runs.map((run, i) => {
    const lane = record.checkpoint.lanes[i];
    return lane ? message_('laneAt', { method: run.method, step: lane.step, backend: lane.backend }) : message_('laneAtStart', { method: run.method });
  });
  const time = new Date(record.savedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  showMessage('info', message_('restoredCompare', { lanes: lanes.reduce((first, second) => message_('alsoList', { first, second })), time }));
  return true;
}

/** The lanes a Play or Step drives: the live ones, else the restored comparison's (from its checkpoints), else new ones. */
function ensureLanes(): void {
  if (hasLiveCompareRuns()) return;
  if (restoredLanes) continueRestoredLanes();
  else startWorkers();
}

/** Every lane of the restored comparison continues from its stored checkpoint (its curve up to it stays). */
function continueRestoredLanes(): void {
  const lanes = restoredLanes ?? new Map<MethodId, TrainerCheckpoint | null>();
  restoredLanes = null;
  terminateAll();
  const { config } = useLabStore.getState();
  active = config.methods.map((method) => {
    const checkpoint = lanes.get(method) ?? null;
    useLabStore.getState().resumeCompareRun(method, checkpoint?.step ?? 0);
    return startLane(method, config, checkpoint ? { checkpoint, backend: checkpoint.backend } : undefined);
  });
  syncHeader();
}

/** A lane's failure: its English text, or a message shown in the language on screen (a divergence, a silent lane). */
function fail(entry: CompareWorker, reason: string | Message, terminate: boolean): void {
  progressBatcher.flush(); // the points before the failure still count
  entry.finished = true;
  let text = typeof reason === 'string' ? reason : formatMessage(reason, 'en');
  if (isCodeLoadFailure(text)) {
    // Every method's worker needs the same code: one notice says what to do.
    text = WORKER_LOAD_FAILURE_TEXT;
    useLabStore.getState().showNotice({ kind: 'crash', text });
  }
  useLabStore.getState().failCompareRun(entry.method, text, typeof reason === 'string' ? undefined : reason);
  if (terminate) {
    entry.watchdog.dispose();
    entry.worker.terminate();
  }
  syncHeader();
}

function startWorkers(): void {
  terminateAll();
  restoredLanes = null;
  getRunStore().clear(); // a new comparison: the stored run is gone
  const { config } = useLabStore.getState();
  const store = useLabStore.getState();
  store.startCompareRuns(config.methods);
  active = config.methods.map((method) => startLane(method, config));
  syncHeader();
}

/** One lane's worker for `method`, from step 0 or from `resume`. */
function startLane(method: MethodId, config: Readonly<LabConfig>, resume?: ResumeRequest): CompareWorker {
  const worker = new Worker(new URL('../../workers/lab.worker.ts', import.meta.url), { type: 'module', name: 'train' });
  const watchdog = watchRunWorker({
    isWanted: () => active.includes(entry) && entry.intent === 'running' && !entry.finished,
    onSilent: (silence) => {
      // The other lanes go on; Continue resumes this one from its last checkpoint.
      const silent = message_('workerSilent', { worker: message_('laneWorker', { method }), seconds: Math.round(silence.silentMs / 1000) });
      const stalled = message_('laneStalled', { silent, step: silence.step, from: checkpointFrom(entry) });
      fail(entry, stalled, true);
      entry.stalled = true;
      showMessage('crash', stalled, continueCompare);
    },
  });
  const entry: CompareWorker = { method, worker, intent: 'paused', finished: false, heardFrom: false, watchdog, lastCheckpoint: resume?.checkpoint ?? null, stalled: false };
  worker.onmessage = (event: MessageEvent<FromWorkerMessage>) => {
    entry.heardFrom = true;
    watchdog.heard(event.data);
    handleMessage(entry, event.data);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    if (!active.includes(entry)) return;
    if (isWorkerLoadFailure(event, entry.heardFrom)) fail(entry, WORKER_LOAD_FAILURE_TEXT, true);
    else
      fail(
        entry,
        message_('laneStopped', { reason: message_('workerCrashed', { worker: message_('laneWorker', { method }), detail: event.message ? `: ${event.message}` : '' }) }),
        true,
      );
  };
  worker.onmessageerror = () => {
    if (active.includes(entry)) fail(entry, message_('laneStopped', { reason: message_('workerUnreadable', { worker: message_('laneWorker', { method }) }) }), true);
  };
  worker.postMessage({
    type: 'init',
    config,
    method,
    surfaces: false,
    cpuShare: pageWorkerCpuShare(config.methods.length) /* every method's worker trains at once */,
    ...(resume ? { resume } : {}),
  } satisfies ToWorkerMessage);
  return entry;
}

/**
 * Replaces a lane's worker by one that continues from the lane's last checkpoint on `backend` (default: the checkpoint's
 * own; from step 0 without a checkpoint); its curve up to the checkpoint stays. It trains on if the lane was running (a
 * stalled lane: it was).
 */
function resumeLane(entry: CompareWorker, backend?: BackendName): void {
  const index = active.indexOf(entry);
  if (index < 0) return;
  progressBatcher.flush(); // the points before the fault still count
  const intent = entry.intent === 'running' || entry.stalled ? 'running' : 'paused';
  entry.watchdog.dispose();
  entry.worker.terminate();
  const { config } = useLabStore.getState();
  const checkpoint = entry.lastCheckpoint;
  useLabStore.getState().resumeCompareRun(entry.method, checkpoint?.step ?? 0);
  const lane = startLane(entry.method, config, checkpoint ? { checkpoint, backend: backend ?? checkpoint.backend } : undefined);
  active[index] = lane;
  lane.intent = intent;
  if (intent === 'running') lane.worker.postMessage({ type: 'run' } satisfies ToWorkerMessage);
  syncHeader();
}

/** Where a lane goes on from: its last checkpoint, or step 0. */
function checkpointFrom(entry: CompareWorker): Message {
  return entry.lastCheckpoint ? message_('fromCheckpoint', { at: atStep(entry.lastCheckpoint.step) }) : message_('fromStart');
}

/** The notice's Continue: every lane that fell silent resumes from its last checkpoint. False when none had. */
export function continueCompare(): boolean {
  const stalled = active.filter((entry) => entry.stalled);
  if (stalled.length === 0) return false;
  const lines = stalled.map((entry) => {
    const checkpoint = entry.lastCheckpoint;
    resumeLane(entry); // on the checkpoint's own backend: the numbers of an uninterrupted run
    return checkpoint
      ? message_('laneContinued', { method: entry.method, step: checkpoint.step, backend: checkpoint.backend })
      : message_('laneRestarted', { method: entry.method });
  });
  showMessage(
    'info',
    lines.reduce((first, second) => message_('twoSentences', { first, second })),
  );
  return true;
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

/** True while some lane's worker holds a run that can go on (Play continues it; nothing is asked). */
export function hasLiveCompareRuns(): boolean {
  return active.some((entry) => !entry.finished);
}

export function playCompare(): void {
  ensureLanes();
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
  ensureLanes();
  for (const entry of active) {
    if (entry.finished) continue;
    entry.intent = 'paused';
    entry.worker.postMessage({ type: 'step', count } satisfies ToWorkerMessage);
  }
}

/** Terminates every compare worker and clears the runs. */
export function resetCompare(): void {
  terminateAll();
  restoredLanes = null;
  useLabStore.getState().clearCompareRuns();
}

/** Number of compare workers alive (for tests and the panel's status line). */
export function countCompareWorkers(): number {
  return active.length;
}
