import { describe, expect, it } from 'vitest';
import { type StudyJob, buildStudyPlan, computeJobKey, type StudyPlan } from './plan';
import type { JobResult } from './results';
import { makeFakeResult } from './testing';
import { groupStudyJobs } from './groups';
import { runStudy, StudyCancelledError, type RunJob, type StudyCache, type StudyProgress } from './runner';

function smallPlan(count = 4): StudyPlan {
  const plan = buildStudyPlan('quick');
  return { ...plan, jobs: plan.jobs.slice(0, count).map((job) => ({ ...job, cost: 10 })) };
}

/** A fake clock advanced by the fake jobs: each job takes 100 ms. */
function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('runStudy', () => {
  it('runs every job in order and reports progress with an ETA', async () => {
    const plan = smallPlan(4);
    const clock = fakeClock();
    const seen: string[] = [];
    const runJob: RunJob = async (job) => {
      seen.push(job.id);
      clock.advance(100);
      return makeFakeResult(job);
    };
    const progress: StudyProgress[] = [];
    const run = await runStudy(plan, { runJob, now: clock.now, onProgress: (p) => progress.push(p) });
    expect(seen).toEqual(plan.jobs.map((j) => j.id));
    expect(Object.keys(run.results)).toEqual(plan.jobs.map((j) => j.id));
    expect(run.cancelled).toBe(false);
    expect(run.errors).toEqual([]);
    expect(run.wallMs).toBe(400);
    const finished = progress.filter((p) => p.finished);
    expect(finished.map((p) => p.done)).toEqual([1, 2, 3, 4]);
    expect(finished.map((p) => p.etaMs)).toEqual([300, 200, 100, 0]);
    expect(progress[0]).toMatchObject({ done: 0, total: 4, etaMs: null });
    const started = progress.find((p) => p.currentJob !== null)!;
    expect(started.currentJob!.id).toBe(plan.jobs[0].id);
  });

  it('skips cached jobs and stores fresh ones under the job key', async () => {
    const plan = smallPlan(3);
    const store = new Map<string, JobResult>();
    store.set(computeJobKey(plan.jobs[1]), makeFakeResult(plan.jobs[1], { trueInvocation: 0.77 }));
    const cache: StudyCache = { get: (key) => store.get(key), set: (key, result) => void store.set(key, result) };
    const ran: string[] = [];
    const runJob: RunJob = async (job) => {
      ran.push(job.id);
      return makeFakeResult(job);
    };
    const run = await runStudy(plan, { runJob, cache });
    expect(ran).toEqual([plan.jobs[0].id, plan.jobs[2].id]);
    expect(run.results[plan.jobs[1].id].cached).toBe(true);
    expect(run.results[plan.jobs[1].id].metrics.metrics.trueInvocation).toBe(0.77);
    expect(store.size).toBe(3);
    const again: string[] = [];
    await runStudy(plan, { runJob: async (job) => (again.push(job.id), makeFakeResult(job)), cache });
    expect(again).toEqual([]);
  });

  it('stops on abort and resolves with the finished results', async () => {
    const plan = smallPlan(4);
    const controller = new AbortController();
    const runJob: RunJob = async (job, { signal }) => {
      if (job.id === plan.jobs[1].id) {
        controller.abort();
        if (signal?.aborted) throw new StudyCancelledError();
      }
      return makeFakeResult(job);
    };
    const run = await runStudy(plan, { runJob, signal: controller.signal });
    expect(run.cancelled).toBe(true);
    expect(Object.keys(run.results)).toEqual([plan.jobs[0].id]);
    expect(run.errors).toEqual([]);
  });

  it('records a failing job and goes on', async () => {
    const plan = smallPlan(3);
    const run = await runStudy(plan, {
      runJob: async (job) => {
        if (job.id === plan.jobs[0].id) throw new Error('boom');
        return makeFakeResult(job);
      },
    });
    expect(run.errors).toEqual([{ id: plan.jobs[0].id, message: 'boom' }]);
    expect(Object.keys(run.results)).toHaveLength(2);
  });

  it('runs up to `concurrency` jobs at a time', async () => {
    const plan = smallPlan(5);
    let active = 0;
    let peak = 0;
    const runJob: RunJob = async (job) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      return makeFakeResult(job);
    };
    const run = await runStudy(plan, { runJob, concurrency: 2 });
    expect(peak).toBe(2);
    expect(Object.keys(run.results)).toHaveLength(5);
  });
});

/** Jobs of distinct cache keys, first of each: what a group trains (equal configs train once). */
const uniqueByKey = (jobs: readonly StudyJob[]) => jobs.filter((job, k) => jobs.findIndex((other) => computeJobKey(other) === computeJobKey(job)) === k);

describe('runStudy with runJobGroup', () => {
  /** The quick plan plus two seed copies of its first job, which share that job's program; the rest are singletons. */
  const quick = buildStudyPlan('quick');
  const first = quick.jobs[0];
  const plan = {
    ...quick,
    jobs: [...quick.jobs, ...[2, 3].map((seed) => ({ ...first, id: `${first.id}/seed${seed}`, config: { ...first.config, seed: first.config.seed + seed } }))],
  };

  it('runs each group of groupStudyJobs once, in plan order, and counts jobs', async () => {
    const calls: string[][] = [];
    const progress: StudyProgress[] = [];
    const run = await runStudy(plan, {
      runJobGroup: async (jobs) => (calls.push(jobs.map((j) => j.id)), jobs.map((job) => makeFakeResult(job))),
      onProgress: (p) => progress.push(p),
    });
    expect(calls).toEqual(groupStudyJobs(plan.jobs).map((g) => uniqueByKey(g.jobs).map((j) => j.id)));
    expect(calls.some((ids) => ids.length > 1)).toBe(true);
    expect(Object.keys(run.results).sort()).toEqual(plan.jobs.map((j) => j.id).sort());
    expect(progress.filter((p) => p.finished).map((p) => p.done)).toEqual(plan.jobs.map((_, k) => k + 1));
    const multi = calls.find((ids) => ids.length > 1)!;
    expect(progress.some((p) => multi.every((id) => p.running.includes(id)))).toBe(true);
  });

  it('takes cached jobs out of a group before it runs and caches the rest per job', async () => {
    const group = groupStudyJobs(plan.jobs).find((g) => g.jobs.length > 1)!;
    const store = new Map<string, JobResult>();
    store.set(computeJobKey(group.jobs[0]), makeFakeResult(group.jobs[0], { trueInvocation: 0.77 }));
    const cache: StudyCache = { get: (key) => store.get(key), set: (key, result) => void store.set(key, result) };
    const calls: string[][] = [];
    const run = await runStudy(plan, { runJobGroup: async (jobs) => (calls.push(jobs.map((j) => j.id)), jobs.map((job) => makeFakeResult(job))), cache });
    // Every job of the group whose key is cached (jobs of equal configs share a key) is taken out.
    const cachedKey = computeJobKey(group.jobs[0]);
    expect(calls).toContainEqual(uniqueByKey(group.jobs.filter((j) => computeJobKey(j) !== cachedKey)).map((j) => j.id));
    expect(calls.flat()).not.toContain(group.jobs[0].id);
    expect(run.results[group.jobs[0].id]).toMatchObject({ cached: true });
    // One entry per cache key (jobs with equal configs, e.g. Fig. 2 under both schedules, share one).
    expect(store.size).toBe(new Set(plan.jobs.map(computeJobKey)).size);
  });

  it('records every job of a failing group and goes on', async () => {
    const group = groupStudyJobs(plan.jobs).find((g) => g.jobs.length > 1)!;
    const run = await runStudy(plan, {
      runJobGroup: async (jobs) => {
        if (jobs[0].id === group.jobs[0].id) throw new Error('boom');
        return jobs.map((job) => makeFakeResult(job));
      },
    });
    expect(run.errors).toEqual(group.jobs.map((j) => ({ id: j.id, message: 'boom' })));
    expect(Object.keys(run.results)).toHaveLength(plan.jobs.length - group.jobs.length);
  });

  it('needs a way to train', async () => {
    await expect(runStudy(plan, {} as never)).rejects.toThrow(/runJob or runJobGroup/);
  });
});
