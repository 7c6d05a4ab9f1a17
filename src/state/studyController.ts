/**
 * Runs the §V study for the Paper view: runStudy (src/core/study/runner.ts) on the main thread owns
 * the job order, the ETA and the IndexedDB cache; each program of jobs (src/core/study/groups.ts)
 * trains in one of STUDY_WORKERS study workers (two cores ⇒ two workers; studyWorkerPool.ts). Cancel aborts runStudy and terminates the workers (squoosh
 * style); finished jobs stay cached, so the next run picks up where this one stopped.
 */
import { buildStudyPlan, computeJobKey, type StudyPlan, type StudySize } from '../core/study/plan';
import type { JobResult } from '../core/study/results';
import { runStudy, type StudyProgress } from '../core/study/runner';
import { openStudyCache } from './studyCache';
import { StudyWorkerPool } from './studyWorkerPool';
import { useLabStore } from './store';

/** Study workers run at once (the lab's machines have two cores). */
export const STUDY_WORKERS = 2;

const plans = new Map<StudySize, StudyPlan>();

/**
 * The plan of a size (built once; pure and deterministic): every protocol, STUDY_DEFAULT_SEEDS seeds, on wasm as
 * `axlab reproduce` runs it (the same jobs and cache keys).
 */
export function getStudyPlan(size: StudySize): StudyPlan {
  let plan = plans.get(size);
  if (!plan) {
    plan = buildStudyPlan(size, { backend: 'wasm' });
    plans.set(size, plan);
  }
  return plan;
}

let activeRun: { controller: AbortController; pool: StudyWorkerPool } | null = null;
let loadToken = 0;

function toProgressView(progress: StudyProgress, plan: StudyPlan) {
  const labels = new Map(plan.jobs.map((job) => [job.id, job.label]));
  return {
    done: progress.done,
    total: progress.total,
    cachedCount: progress.cachedCount,
    failedCount: progress.failedCount,
    elapsedMs: progress.elapsedMs,
    etaMs: progress.etaMs,
    running: progress.running.map((id) => labels.get(id) ?? id),
  };
}

/** Reads the cached results of the selected size from IndexedDB (no training). */
export async function loadCachedStudy(): Promise<void> {
  if (activeRun) return;
  const token = ++loadToken;
  const store = useLabStore.getState();
  const size = store.studySize;
  const plan = getStudyPlan(size);
  store.setStudyState({ studyStatus: 'loading' });
  const cache = openStudyCache<JobResult>();
  const results: Record<string, JobResult> = {};
  for (const job of plan.jobs) {
    const hit = await cache.get(computeJobKey(job));
    if (hit) results[job.id] = { ...hit, id: job.id, cached: true };
  }
  if (token !== loadToken || activeRun || useLabStore.getState().studySize !== size) return;
  const cachedCount = Object.keys(results).length;
  useLabStore.getState().replaceStudyResults(results);
  useLabStore.getState().setStudyState({
    studyStatus: cachedCount === plan.jobs.length ? 'done' : 'idle',
    studyProgress: { done: cachedCount, total: plan.jobs.length, cachedCount, failedCount: 0, elapsedMs: 0, etaMs: null, running: [] },
  });
}

/** Runs every job of the selected size that is not cached yet. */
export async function startStudy(): Promise<void> {
  if (activeRun) return;
  loadToken++;
  const store = useLabStore.getState();
  const plan = getStudyPlan(store.studySize);
  const controller = new AbortController();
  const pool = new StudyWorkerPool();
  activeRun = { controller, pool };
  store.setStudyState({
    studyStatus: 'running',
    studyErrors: [],
    studyMessage: null,
    studyProgress: { done: 0, total: plan.jobs.length, cachedCount: 0, failedCount: 0, elapsedMs: 0, etaMs: null, running: [] },
  });
  try {
    const run = await runStudy(plan, {
      concurrency: STUDY_WORKERS,
      signal: controller.signal,
      cache: openStudyCache<JobResult>(),
      runJobGroup: async (jobs, context) => {
        for (let k = 0; k < jobs.length; k++) useLabStore.getState().countTrainedJob();
        return pool.runGroup(jobs, context.signal);
      },
      onProgress: (progress) => {
        if (activeRun?.controller !== controller) return;
        // A failed job is listed as it fails (a worker that stopped answering, a crash), not only at the end.
        const failed = progress.finished?.error ? { id: progress.finished.id, message: progress.finished.error } : null;
        const store = useLabStore.getState();
        store.setStudyState({ studyProgress: toProgressView(progress, plan), ...(failed ? { studyErrors: [...store.studyErrors, failed] } : {}) });
      },
      onResult: (result) => {
        if (activeRun?.controller === controller) useLabStore.getState().addStudyResult(result);
      },
    });
    if (activeRun?.controller !== controller) return;
    useLabStore.getState().setStudyState({
      studyStatus: run.cancelled ? 'cancelled' : 'done',
      studyErrors: run.errors,
      studyWallMs: run.wallMs,
      studyMessage: run.errors.length > 0 ? `${run.errors.length} job(s) failed; the figures mark what is missing.` : null,
    });
  } catch (error) {
    if (activeRun?.controller === controller) {
      useLabStore.getState().setStudyState({ studyStatus: 'error', studyMessage: error instanceof Error ? error.message : String(error) });
    }
  } finally {
    if (activeRun?.controller === controller) {
      pool.terminate();
      activeRun = null;
    }
  }
}

/** Stops the study: running jobs are dropped, finished ones stay cached. */
export function cancelStudy(): void {
  if (!activeRun) return;
  const { controller, pool } = activeRun;
  activeRun = null;
  controller.abort();
  pool.terminate();
  const progress = useLabStore.getState().studyProgress;
  useLabStore.getState().setStudyState({ studyStatus: 'cancelled', studyProgress: progress ? { ...progress, running: [], etaMs: null } : null });
}

/** Deletes every cached job result of the §V study (both sizes; the AxTrain study's stay) and clears the view. */
export async function clearStudyCache(): Promise<void> {
  cancelStudy();
  await openStudyCache<JobResult>().clear();
  useLabStore.getState().replaceStudyResults({});
  useLabStore.getState().setStudyState({ studyStatus: 'idle', studyProgress: null, studyErrors: [], studyMessage: 'Cache cleared.' });
}

export function isStudyRunning(): boolean {
  return activeRun !== null;
}
