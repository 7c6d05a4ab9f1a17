import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { groupStudyJobs } from '../../core/study/groups';
import { buildStudyPlan, computeJobKey, type StudyJob } from '../../core/study/plan';
import { runStudy } from '../../core/study/runner';
import { withoutJobTiming } from '../../core/study/shard';
import { runStudyJobGroup } from './runJobGroup';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const QUICK = buildStudyPlan('quick');
const byId = (id: string) => QUICK.jobs.find((job) => job.id === id)!;

/** A tiny variant of a plan job: what may differ inside a group (seed, lr, bound), at a small budget. */
function variant(base: StudyJob, suffix: string, change: Partial<StudyJob['config']>): StudyJob {
  const config = { ...base.config, steps: 40, evalEvery: 15, rounds: 2, trainSize: 256, testSize: 128, ...change };
  return { ...base, id: `${base.id}/${suffix}`, config };
}

const AXNET_SMALL = byId('fig10a/bessel_Jnu/axnet-small');
const AXNET_MATCHED = byId('fig6/bessel_Jnu/axnet');
const ITERATIVE = byId('fig6/bessel_Jnu/iterative');

const GROUPS: StudyJob[][] = [
  [variant(AXNET_SMALL, 'a', {}), variant(AXNET_SMALL, 'b', { seed: 2, learningRate: 0.02 }), variant(AXNET_SMALL, 'c', { seed: 3, errorBound: 0.1 })],
  [variant(AXNET_MATCHED, 'a', {}), variant(AXNET_MATCHED, 'b', { seed: 4, errorBound: 0.05 })],
  [variant(ITERATIVE, 'a', { steps: 10 }), variant(ITERATIVE, 'b', { steps: 10, seed: 5, learningRate: 0.03 })],
];

describe('runStudyJobGroup', () => {
  it('the tiny jobs of each case form one group', () => {
    for (const jobs of GROUPS) expect(groupStudyJobs(jobs).map((g) => g.jobs.length)).toEqual([jobs.length]);
  });

  for (const jobs of GROUPS) {
    it(`gives each job of a ${jobs[0].method} group the result it gets as a program of one (${jobs.length} models)`, async () => {
      const grouped = await runStudyJobGroup(jobs);
      expect(grouped.map((r) => r.id)).toEqual(jobs.map((j) => j.id));
      for (const [k, job] of jobs.entries()) {
        const [alone] = await runStudyJobGroup([job]);
        // The validation split is evaluated at every evaluation step, beside the test set.
        expect(grouped[k].validation!.map((p) => p.step)).toEqual(grouped[k].history.map((p) => p.step));
        for (const p of grouped[k].validation!) expect(p.trueInvocation).toBeGreaterThanOrEqual(0);
        expect(withoutJobTiming(grouped[k])).toEqual(withoutJobTiming(alone));
        // The schedule of runToCompletion: every multiple of evalEvery, and the last step.
        expect(grouped[k].history.map((p) => p.step).slice(0, 2)).toEqual([15, 30]);
        expect(grouped[k].trainingMs).toBeGreaterThan(0);
      }
      if (jobs[0].config.matchParameters) expect(grouped[0].notes.join(' ')).toMatch(/Parameters matched/);
    });
  }

  it('refuses jobs that cannot share a program', async () => {
    await expect(runStudyJobGroup([GROUPS[0][0], GROUPS[2][0]])).rejects.toThrow(/cannot train in one program/);
  });

  it('runs a plan group by group through runStudy, with per-job cache entries', async () => {
    const jobs = [...GROUPS[0], GROUPS[2][0]];
    const plan = { ...QUICK, jobs };
    const store = new Map();
    const calls: string[][] = [];
    const run = await runStudy(plan, {
      runJobGroup: (group, context) => (calls.push(group.map((j) => j.id)), runStudyJobGroup(group, context)),
      cache: { get: (key) => store.get(key), set: (key, value) => void store.set(key, value) },
    });
    expect(run.errors).toEqual([]);
    expect(calls).toEqual([GROUPS[0].map((j) => j.id), [GROUPS[2][0].id]]);
    expect([...store.keys()].sort()).toEqual(jobs.map(computeJobKey).sort());
  });
});
