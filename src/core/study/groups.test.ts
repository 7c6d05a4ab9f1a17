import { describe, expect, it } from 'vitest';
import { groupStudyJobs, studyGroupKey } from './groups';
import { buildStudyPlan, type StudyJob } from './plan';

const FULL = buildStudyPlan('full', { seeds: 1, protocols: ['perPhase'] });
const job = (id: string) => FULL.jobs.find((j) => j.id === id)!;
const withConfig = (base: StudyJob, change: Partial<StudyJob['config']>): StudyJob => ({ ...base, config: { ...base.config, ...change } });

describe('groupStudyJobs', () => {
  it('groups jobs that differ only in seed, learning rate and error bound', () => {
    const base = job('fig9/jpeg/axnet/h2-c2');
    const same = [withConfig(base, { seed: 7 }), withConfig(base, { learningRate: 0.5 }), withConfig(base, { errorBound: 0.3 })];
    for (const other of same) expect(studyGroupKey(other)).toBe(studyGroupKey(base));
  });

  it('keeps apart jobs of another method, target, width or depth, budget, data size or AXNet variant', () => {
    const base = job('fig9/jpeg/axnet/h2-c2');
    const apart: Partial<StudyJob['config']>[] = [
      { approximatorHidden: [9], predictorHidden: [3] },
      { approximatorHidden: [2, 2] },
      { predictorHidden: [2, 2] },
      { steps: 10 },
      { rounds: 3 },
      { batchSize: 64 },
      { trainSize: 100 },
      { testSize: 100 },
      { evalEvery: 7 },
      { fusion: 'first' },
      { predictionOutput: 'sigmoid' },
      { chooseType: 1 },
      { matchParameters: true },
      { target: 'sobel' },
    ];
    for (const change of apart) expect(studyGroupKey(withConfig(base, change)), JSON.stringify(change)).not.toBe(studyGroupKey(base));
    expect(studyGroupKey({ ...base, method: 'iterative' })).not.toBe(studyGroupKey(base));
  });

  it('groups the full plan: every job in exactly one group; seed copies of a job join its program', () => {
    const groups = groupStudyJobs(FULL.jobs);
    expect(groups.flatMap((g) => g.jobs.map((j) => j.id)).sort()).toEqual(FULL.jobs.map((j) => j.id).sort());
    for (const g of groups) expect(g.cost).toBe(g.jobs.reduce((s, j) => s + j.cost, 0));
    expect(groupStudyJobs(FULL.jobs)).toEqual(groups);
    // Seeds of a job (issue 11's study cells) share its program, in plan order.
    const base = job('fig6/jpeg/iterative');
    const seeded = [base, { ...withConfig(base, { seed: 2 }), id: `${base.id}/s2` }, { ...withConfig(base, { seed: 3 }), id: `${base.id}/s3` }];
    const program = groupStudyJobs([...FULL.jobs, ...seeded.slice(1)]).find((g) => g.jobs.some((j) => j.id === base.id))!;
    expect(program.jobs.map((j) => j.id).filter((id) => id === base.id || id.startsWith(`${base.id}/s`))).toEqual(seeded.map((j) => j.id));
    // …and so do the bounds of its sweep (errorBound may differ inside a program).
    expect(program.jobs.filter((j) => j.cell === base.cell).map((j) => j.bound)).toEqual(expect.arrayContaining([0.0005, 0.001, 0.002, 0.005, 0.01]));
  });
});
