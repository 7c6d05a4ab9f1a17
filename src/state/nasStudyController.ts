/**
 * Runs the NAS study for the Paper view: the units of buildNasStudyPlan (src/core/nas/study.ts, the plan of `axlab
 * reproduce --paper nas` too), one at a time, each in a fresh NAS worker (the 'nas' role the NAS view uses): init
 * with the unit's config, run, collect its records until 'done'. Finished units are cached in IndexedDB (the study
 * cache's 'nas' namespace), so a reload shows them and Run goes on from them. Cancel terminates the worker.
 */
import { describeSilence } from '../core/watchdog';
import { watchRunWorker } from './runWatchdog';
import { buildNasStudyPlan, isNasUnitRecord, type NasStudyPlan, type NasUnitRecord } from '../core/nas/study';
import type { NasRecord } from '../core/nas/run';
import type { FromNasWorkerMessage, ToNasWorkerMessage } from '../../workers/nasProtocol';
import type { NasStudyBudget } from './nasStudySlice';
import { openStudyCache } from './studyCache';
import { useLabStore } from './store';
import { WORKER_LOAD_FAILURE_TEXT, isWorkerLoadFailure } from './workerFailure';

const plans = new Map<NasStudyBudget, NasStudyPlan>();

export function getNasStudyPlan(budget: NasStudyBudget): NasStudyPlan {
  let plan = plans.get(budget);
  if (!plan) {
    plan = buildNasStudyPlan({ quick: budget === 'quick' });
    plans.set(budget, plan);
  }
  return plan;
}

const openCache = () => openStudyCache<NasUnitRecord>('nas');

let active: { worker: Worker | null; cancelled: boolean } | null = null;

export async function loadCachedNasStudy(budget: NasStudyBudget = useLabStore.getState().nasStudyBudget): Promise<void> {
  if (active) return;
  const plan = getNasStudyPlan(budget);
  useLabStore.getState().setNasStudyState({ nasStudyStatus: 'loading' });
  const cache = openCache();
  const records: Record<string, NasUnitRecord> = {};
  for (const unit of plan.units) {
    const hit = await cache.get(unit.key);
    if (isNasUnitRecord(hit) && hit.key === unit.key) records[unit.key] = hit;
  }
  const store = useLabStore.getState();
  if (active || store.nasStudyBudget !== budget) return;
  const count = Object.keys(records).length;
  store.replaceNasStudyRecords(records);
  store.setNasStudyState({
    nasStudyStatus: count === plan.units.length ? 'done' : 'idle',
    nasStudyProgress: { done: count, total: plan.units.length, running: null, evaluations: 0 },
  });
}

/** One unit in a fresh NAS worker; resolves with its record, rejects on a worker error. */
function runUnit(key: string, config: NasStudyPlan['units'][number]['config'], run: NonNullable<typeof active>, onEvaluations: (count: number) => void): Promise<NasUnitRecord> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../../workers/lab.worker.ts', import.meta.url), { type: 'module', name: 'nas' });
    run.worker = worker;
    const records: NasRecord[] = [];
    let backend = '';
    let heard = false;
    const started = performance.now();
    // The NAS worker's heartbeats (workers/runControl.ts) feed the one watchdog of run workers (runWatchdog.ts).
    const watchdog = watchRunWorker({
      isWanted: () => run.worker === worker,
      onSilent: (silence) => {
        end();
        reject(new Error(`${describeSilence('NAS worker', silence)} It was ended; run the study again to continue (the finished units are kept).`));
      },
    });
    const end = () => {
      watchdog.dispose();
      worker.terminate();
      if (run.worker === worker) run.worker = null;
    };
    worker.onmessage = (event: MessageEvent<FromNasWorkerMessage>) => {
      heard = true;
      const message = event.data;
      watchdog.heard(message as { type: string });
      if (message.type === 'error') {
        end();
        reject(new Error(message.message));
        return;
      }
      if (message.type !== 'progress' && message.type !== 'done') return;
      backend = message.backend ?? backend;
      records.push(...message.records);
      onEvaluations(records.length);
      if (message.type === 'done') {
        end();
        resolve({ key, records, wallMs: Math.round(performance.now() - started), backend });
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      end();
      reject(new Error(isWorkerLoadFailure(event, heard) ? WORKER_LOAD_FAILURE_TEXT : `the NAS worker crashed${event.message ? `: ${event.message}` : ''}.`));
    };
    worker.postMessage({ type: 'init', config, backend: useLabStore.getState().config.backend } satisfies ToNasWorkerMessage);
    worker.postMessage({ type: 'run' } satisfies ToNasWorkerMessage);
  });
}

export async function startNasStudy(): Promise<void> {
  if (active) return;
  const plan = getNasStudyPlan(useLabStore.getState().nasStudyBudget);
  const run = { worker: null as Worker | null, cancelled: false };
  active = run;
  const store = () => useLabStore.getState();
  store().setNasStudyState({ nasStudyStatus: 'running', nasStudyMessage: null });
  const cache = openCache();
  try {
    for (const unit of plan.units) {
      if (run.cancelled) return;
      if (Object.hasOwn(store().nasStudyRecords, unit.key)) continue;
      const done = plan.units.filter((u) => Object.hasOwn(store().nasStudyRecords, u.key)).length;
      store().setNasStudyState({ nasStudyProgress: { done, total: plan.units.length, running: unit.key, evaluations: 0 } });
      const record = await runUnit(unit.key, unit.config, run, (evaluations) => {
        if (!run.cancelled) store().setNasStudyState({ nasStudyProgress: { done, total: plan.units.length, running: unit.key, evaluations } });
      });
      if (run.cancelled) return;
      await cache.set(unit.key, record);
      store().addNasStudyRecord(record);
    }
    store().setNasStudyState({ nasStudyStatus: 'done', nasStudyProgress: { done: plan.units.length, total: plan.units.length, running: null, evaluations: 0 } });
  } catch (error) {
    if (!run.cancelled) {
      const text = error instanceof Error ? error.message : String(error);
      store().setNasStudyState({
        nasStudyStatus: 'error',
        nasStudyMessage: text === WORKER_LOAD_FAILURE_TEXT ? text : `The NAS study stopped: ${text} Finished runs stay cached; Run goes on from them.`,
      });
    }
  } finally {
    if (active === run) active = null;
  }
}

export function cancelNasStudy(): void {
  if (!active) return;
  active.cancelled = true;
  active.worker?.terminate();
  active = null;
  const progress = useLabStore.getState().nasStudyProgress;
  useLabStore.getState().setNasStudyState({ nasStudyStatus: 'cancelled', nasStudyProgress: progress ? { ...progress, running: null } : null });
}

export async function clearNasStudyCache(): Promise<void> {
  cancelNasStudy();
  await openCache().clear();
  useLabStore.getState().replaceNasStudyRecords({});
  useLabStore.getState().setNasStudyState({ nasStudyStatus: 'idle', nasStudyProgress: null, nasStudyMessage: 'Cache cleared.' });
}
