import { describe, expect, it } from 'vitest';
import { buildStudyPlan, computeJobKey, type StudyPlan } from '../../core/study/plan';
import type { JobResult } from '../../core/study/results';
import { makeFakeResult } from '../../core/study/testing';
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
