import { describe, expect, it } from 'vitest';
import { groupStudyJobs } from './groups';
import { buildStudyPlan, type StudyPlan } from './plan';
import {
  assignStudyShards,
  hashStudyPlan,
  mergeStudyResults,
  parseShardSpec,
  shardOfJobs,
  shardStudyPlan,
  StudyMergeError,
  withoutStudyTiming,
  type StudyResultsFile,
} from './shard';
import { makeFakeResult } from './testing';

const QUICK = buildStudyPlan('quick');
const FULL = buildStudyPlan('full');

function fileOf(plan: StudyPlan, jobIds: readonly string[], shard?: { index: number; count: number }, wallMs = 1000): StudyResultsFile {
  const results = Object.fromEntries(
    plan.jobs.filter((j) => jobIds.includes(j.id)).map((j) => [j.id, makeFakeResult(j, { trueInvocation: 0.25 + (j.cost % 7) / 10, trainingMs: wallMs })]),
  );
  return {
    version: plan.version,
    size: plan.size,
    budgetStatement: plan.budgetStatement,
    finishedAt: new Date(wallMs).toISOString(),
    wallMs,
    environment: `machine ${wallMs}`,
    plan,
    results,
    errors: [],
    cancelled: false,
    ...(shard ? { shard: { ...shard, planHash: hashStudyPlan(plan) } } : {}),
  };
}

function shardFiles(plan: StudyPlan, count: number): { source: string; file: StudyResultsFile }[] {
  return Array.from({ length: count }, (_, k) => ({
    source: `shard-${k + 1}`,
    file: fileOf(
      plan,
      shardStudyPlan(plan, k + 1, count).jobs.map((j) => j.id),
      { index: k + 1, count },
      1000 * (k + 1),
    ),
  }));
}

describe('parseShardSpec', () => {
  it('reads i/n (1-based) and refuses the rest with a clear message', () => {
    expect(parseShardSpec('1/2')).toEqual({ index: 1, count: 2 });
    expect(parseShardSpec('8/8')).toEqual({ index: 8, count: 8 });
    expect(() => parseShardSpec('0/8')).toThrow(/numbered from 1/);
    expect(() => parseShardSpec('9/8')).toThrow(/between 1 and 8/);
    expect(() => parseShardSpec('1/0')).toThrow(/out of range/);
    expect(() => parseShardSpec('2')).toThrow(/i\/n/);
    expect(() => parseShardSpec('a/b')).toThrow(/i\/n/);
    expect(() => parseShardSpec('1.5/3')).toThrow(/i\/n/);
  });
});

describe('assignStudyShards', () => {
  it('puts every group in exactly one shard, whole, and does it the same way every time', () => {
    for (const count of [1, 2, 3, 8, 60]) {
      const shards = assignStudyShards(FULL, count);
      expect(shards).toHaveLength(count);
      const ids = shards.flatMap((groups) => groups.flatMap((g) => g.jobs.map((j) => j.id)));
      expect(ids.sort()).toEqual(FULL.jobs.map((j) => j.id).sort());
      expect(assignStudyShards(FULL, count)).toEqual(shards);
      const owner = shardOfJobs(FULL, count);
      for (const group of groupStudyJobs(FULL.jobs)) expect(new Set(group.jobs.map((j) => owner.get(j.id))).size).toBe(1);
    }
  });

  it('balances cost: no shard is above the ideal share by more than the largest group', () => {
    for (const count of [2, 4, 8]) {
      const loads = assignStudyShards(FULL, count).map((groups) => groups.reduce((s, g) => s + g.cost, 0));
      const total = loads.reduce((a, b) => a + b, 0);
      const largest = Math.max(...groupStudyJobs(FULL.jobs).map((g) => g.cost));
      expect(Math.max(...loads)).toBeLessThanOrEqual(total / count + largest);
      expect(Math.min(...loads)).toBeGreaterThan(0);
    }
  });

  it('does not depend on the order of the jobs in the plan', () => {
    const reversed = { ...FULL, jobs: [...FULL.jobs].reverse() };
    const owner = shardOfJobs(FULL, 4);
    const ownerReversed = shardOfJobs(reversed, 4);
    for (const job of FULL.jobs) expect(ownerReversed.get(job.id)).toBe(owner.get(job.id));
  });

  it('shardStudyPlan keeps plan order', () => {
    const jobs = shardStudyPlan(QUICK, 2, 3).jobs.map((j) => j.id);
    expect(jobs).toEqual(QUICK.jobs.map((j) => j.id).filter((id) => jobs.includes(id)));
  });
});

describe('mergeStudyResults', () => {
  it('merges shards into what a single run holds (timing aside); the wall time is the slowest shard', () => {
    const single = fileOf(
      QUICK,
      QUICK.jobs.map((j) => j.id),
    );
    const merged = mergeStudyResults(shardFiles(QUICK, 3));
    expect(withoutStudyTiming(merged)).toEqual(withoutStudyTiming(single));
    expect(JSON.stringify(withoutStudyTiming(merged))).toBe(JSON.stringify(withoutStudyTiming(single)));
    expect(merged.wallMs).toBe(3000);
    expect(merged.mergedFrom!.map((m) => m.shard!.index)).toEqual([1, 2, 3]);
  });

  it('accepts a job that two inputs hold with the same numbers', () => {
    const inputs = shardFiles(QUICK, 2);
    inputs.push({ source: 'again', file: inputs[0].file });
    expect(Object.keys(mergeStudyResults(inputs).results)).toHaveLength(QUICK.jobs.length);
  });

  it('refuses shards of different plans, naming them', () => {
    const inputs = [shardFiles(QUICK, 2)[0], { ...shardFiles(FULL, 2)[1], source: 'full-2' }];
    expect(() => mergeStudyResults(inputs)).toThrow(StudyMergeError);
    expect(() => mergeStudyResults(inputs)).toThrow(/different plans[\s\S]*shard-1: plan [0-9a-f]{16} \(quick[\s\S]*full-2: plan [0-9a-f]{16} \(full/);
  });

  it('refuses a job whose numbers differ between two inputs, saying which and where', () => {
    const inputs = shardFiles(QUICK, 2);
    const id = Object.keys(inputs[0].file.results)[0];
    const copy = structuredClone(inputs[0].file);
    copy.results[id].metrics.metrics.trueInvocation = 0.123;
    inputs.push({ source: 'edited', file: copy });
    expect(() => mergeStudyResults(inputs)).toThrow(new RegExp(`${id}: shard-1 and edited differ \\([a-z0-9.]*\\.metrics\\.trueInvocation: [0-9.]+ vs 0\\.123\\)`));
  });

  it('refuses missing jobs and names them with their shard', () => {
    const inputs = shardFiles(QUICK, 3).filter((s) => s.source !== 'shard-2');
    const missing = shardStudyPlan(QUICK, 2, 3).jobs.map((j) => j.id);
    let message = '';
    try {
      mergeStudyResults(inputs);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(new RegExp(`^${missing.length} of ${QUICK.jobs.length} jobs are missing`));
    for (const id of missing) expect(message).toContain(`${id} (shard 2/3)`);
  });

  it('refuses a file whose plan does not hash to its shard field', () => {
    const inputs = shardFiles(QUICK, 2);
    inputs[1].file = { ...inputs[1].file, plan: { ...QUICK, jobs: QUICK.jobs.slice(1) } };
    expect(() => mergeStudyResults(inputs)).toThrow(/shard-2: its shard field names plan/);
  });
});
