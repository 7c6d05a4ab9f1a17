import { describe, expect, it } from 'vitest';
import { groupStudyJobs, studyGroupKey } from './groups';
import { buildStudyPlan, type StudyJob } from './plan';

const FULL = buildStudyPlan('full');
const job = (id: string) => FULL.jobs.find((j) => j.id === id)!;
const withConfig = (base: StudyJob, change: Partial<StudyJob['config']>): StudyJob => ({ ...base, config: { ...base.config, ...change } });

describe('groupStudyJobs', () => {
  it('groups jobs that differ only in seed, learning rate, error bound and widths', () => {
    const base = job('fig9/jpeg/axnet/h2-c2');
    const same = [
      withConfig(base, { seed: 7 }),
      withConfig(base, { learningRate: 0.5 }),
      withConfig(base, { errorBound: 0.3 }),
      withConfig(base, { approximatorHidden: [9], predictorHidden: [3] }),
    ];
    for (const other of same) expect(studyGroupKey(other)).toBe(studyGroupKey(base));
  });

  it('keeps apart jobs of another method, target, depth, budget, data size or AXNet variant', () => {
    const base = job('fig9/jpeg/axnet/h2-c2');
    const apart: Partial<StudyJob['config']>[] = [
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

  it('groups the full plan: the Fig. 9 AXNet sweep and the jpeg iterative runs share programs; every job in exactly one group', () => {
    const groups = groupStudyJobs(FULL.jobs);
    expect(groups.flatMap((g) => g.jobs.map((j) => j.id)).sort()).toEqual(FULL.jobs.map((j) => j.id).sort());
    const ids = groups.map((g) => g.jobs.map((j) => j.id));
    expect(ids).toContainEqual(['fig9/jpeg/axnet/h2-c2', 'fig9/jpeg/axnet/h4-c4', 'fig9/jpeg/axnet/h6-c4', 'fig9/jpeg/axnet/h8-c8']);
    expect(ids).toContainEqual(['fig6/jpeg/iterative', 'fig9/jpeg/iterative/h4-c16', 'fig9/jpeg/iterative/h8-c16']);
    for (const g of groups) expect(g.cost).toBe(g.jobs.reduce((s, j) => s + j.cost, 0));
    expect(groupStudyJobs(FULL.jobs)).toEqual(groups);
  });
});
