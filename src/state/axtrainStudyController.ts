/**
 * Runs the AxTrain study for the Paper view: runAxtrainStudy (src/core/axtrain/studyRunner.ts, the runner of `axlab
 * reproduce --paper axtrain` too) on the main thread owns the unit order, the ETA and the IndexedDB cache (the study
 * cache's 'axtrain' namespace); each unit trains in a study worker (studyWorkerPool.ts), one unit at a time, as the
 * CLI does. Cancel aborts the runner and terminates the worker; finished units stay cached, so the next run picks
 * up where this one stopped.
 */
import { buildAxtrainStudyPlan, isAxtrainUnitRecord, type AxtrainStudyPlan, type AxtrainUnitRecord } from '../core/axtrain/study';
import { runAxtrainStudy } from '../core/axtrain/studyRunner';
import type { AxtrainBudget } from './axtrainStudySlice';
import { openStudyCache } from './studyCache';
import { StudyWorkerPool } from './studyWorkerPool';
import { useLabStore } from './store';
import { WORKER_LOAD_FAILURE_TEXT } from './workerFailure';

const plans = new Map<AxtrainBudget, AxtrainStudyPlan>();

/** The plan of a budget (built once; pure and deterministic): quick = 1 seed at CI size, full = 3 seeds. */
export function getAxtrainStudyPlan(budget: AxtrainBudget): AxtrainStudyPlan {
  let plan = plans.get(budget);
  if (!plan) {
    plan = buildAxtrainStudyPlan({ quick: budget === 'quick' });
    plans.set(budget, plan);
  }
  return plan;
}

const openCache = () => openStudyCache<AxtrainUnitRecord>('axtrain');

let activeRun: { controller: AbortController; pool: StudyWorkerPool } | null = null;
let loadToken = 0;

/** Reads the cached units of `budget` (default: the selected one) from IndexedDB (no training); dropped if the budget changes meanwhile. */
export async function loadCachedAxtrainStudy(budget: AxtrainBudget = useLabStore.getState().axtrainBudget): Promise<void> {
  if (activeRun) return;
  const token = ++loadToken;
  const plan = getAxtrainStudyPlan(budget);
  useLabStore.getState().setAxtrainState({ axtrainStatus: 'loading' });
  const cache = openCache();
  const records: Record<string, AxtrainUnitRecord> = {};
  for (const unit of plan.units) {
    const hit = await cache.get(unit.key);
    if (isAxtrainUnitRecord(hit, unit.key)) records[unit.key] = hit;
  }
  const store = useLabStore.getState();
  if (token !== loadToken || activeRun || store.axtrainBudget !== budget) return;
  const count = Object.keys(records).length;
  store.replaceAxtrainRecords(records);
  store.setAxtrainState({
    axtrainStatus: count === plan.units.length ? 'done' : 'idle',
    axtrainProgress: { done: count, total: plan.units.length, cachedCount: count, trainedCount: 0, elapsedMs: 0, etaMs: null, running: null, line: null },
  });
}

/** Trains every unit of the selected budget that is not cached yet. */
export async function startAxtrainStudy(): Promise<void> {
  if (activeRun) return;
  loadToken++;
  const plan = getAxtrainStudyPlan(useLabStore.getState().axtrainBudget);
  const controller = new AbortController();
  const pool = new StudyWorkerPool();
  activeRun = { controller, pool };
  const mine = () => activeRun?.controller === controller;
  useLabStore.getState().setAxtrainState({ axtrainStatus: 'running', axtrainMessage: null });
  try {
    const run = await runAxtrainStudy(plan, {
      cache: openCache(),
      signal: controller.signal,
      runUnit: (unit, { signal, log }) => pool.runAxtrainUnit(unit, log, signal),
      onProgress: (axtrainProgress) => {
        if (mine()) useLabStore.getState().setAxtrainState({ axtrainProgress });
      },
      onUnit: (record, cached) => {
        if (mine()) useLabStore.getState().addAxtrainRecord(record, cached);
      },
    });
    if (mine()) useLabStore.getState().setAxtrainState({ axtrainStatus: run.cancelled ? 'cancelled' : 'done' });
  } catch (error) {
    if (mine()) {
      const text = error instanceof Error ? error.message : String(error);
      const axtrainMessage = text === WORKER_LOAD_FAILURE_TEXT ? text : `The AxTrain study stopped: ${text} Finished units stay cached; Run goes on from them.`;
      useLabStore.getState().setAxtrainState({ axtrainStatus: 'error', axtrainMessage });
    }
  } finally {
    if (mine()) {
      pool.terminate();
      activeRun = null;
    }
  }
}

/** Stops the study: the running unit is dropped, finished ones stay cached. */
export function cancelAxtrainStudy(): void {
  if (!activeRun) return;
  const { controller, pool } = activeRun;
  activeRun = null;
  controller.abort();
  pool.terminate();
  const progress = useLabStore.getState().axtrainProgress;
  useLabStore.getState().setAxtrainState({ axtrainStatus: 'cancelled', axtrainProgress: progress ? { ...progress, running: null, line: null, etaMs: null } : null });
}

/** Deletes every cached AxTrain unit (both budgets; the §V study's jobs stay) and clears the section. */
export async function clearAxtrainStudyCache(): Promise<void> {
  cancelAxtrainStudy();
  await openCache().clear();
  useLabStore.getState().replaceAxtrainRecords({});
  useLabStore.getState().setAxtrainState({ axtrainStatus: 'idle', axtrainProgress: null, axtrainMessage: 'Cache cleared.' });
}
