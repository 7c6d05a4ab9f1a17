/**
 * A study split over machines (issue 8 §6): shard i of n trains a deterministic share of the plan's
 * program groups, and merging the shards' results.json gives the report a single run gives.
 *
 * Assignment: the groups of ./groups.ts (a group never spans two shards, so that it still trains as
 * one program) are dealt greedily by cost — largest first, ties by group key — each to the shard with
 * the least cost so far (ties: the lowest index). It depends on the plan only, never on timing or on
 * what is cached, so every machine computes the same split.
 */
import type { StudyResultRow } from './protocolView';
import { groupStudyJobs, type StudyJobGroup } from './groups';
import { computeJobKey, hashText, stableStringify, type StudyJob, type StudyPlan } from './plan';
import type { JobResult, StudyReport } from './results';

/** Which part of which plan a results.json holds. index is 1-based. */
export interface StudyShard {
  index: number;
  count: number;
  planHash: string;
}

/** Where a merged result came from (one entry per input). */
export interface StudyShardOrigin {
  source: string;
  shard: StudyShard | null;
  wallMs: number;
  finishedAt: string;
  environment: string;
}

/** Everything results.json holds: the report, failed jobs, and (shard runs, merges) where it came from. */
export interface StudyResultsFile extends StudyReport {
  errors: { id: string; message: string }[];
  cancelled: boolean;
  /** Set by `axlab reproduce --shard i/n`: the file holds that shard's jobs only. */
  shard?: StudyShard;
  /** Set by `axlab merge`: the inputs. */
  mergedFrom?: StudyShardOrigin[];
  /** Written to results.json: every job once per protocol (listStudyResultRows), derived from `results`. */
  rows?: StudyResultRow[];
}

export const MAX_SHARD_COUNT = 1024;

/** A stable hash of what a plan trains: its version, size, and every job's id and cache key. */
export function hashStudyPlan(plan: Pick<StudyPlan, 'version' | 'size' | 'jobs'>): string {
  return hashText(stableStringify({ version: plan.version, size: plan.size, jobs: plan.jobs.map((job) => [job.id, computeJobKey(job)]) }));
}

/** Parses 'i/n' (1 ≤ i ≤ n ≤ MAX_SHARD_COUNT, integers); throws a message that says what is wrong. */
export function parseShardSpec(text: string): { index: number; count: number } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const usage = `--shard must be i/n with integers 1 ≤ i ≤ n ≤ ${MAX_SHARD_COUNT} (e.g. --shard 2/8), not ${JSON.stringify(text)}`;
  if (!match) throw new Error(usage);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARD_COUNT) throw new Error(`${usage}: n is out of range`);
  if (index < 1 || index > count) throw new Error(`${usage}: i must be between 1 and ${count} (shards are numbered from 1)`);
  return { index, count };
}

/** The groups of `plan` dealt over `count` shards (element s: shard s + 1), each shard's groups in plan order. */
export function assignStudyShards(plan: Pick<StudyPlan, 'jobs'>, count: number): StudyJobGroup[][] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`A study needs at least one shard, not ${count}`);
  const groups = groupStudyJobs(plan.jobs);
  const order = new Map(groups.map((g, k) => [g, k]));
  const byCost = [...groups].sort((a, b) => b.cost - a.cost || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const shards: StudyJobGroup[][] = Array.from({ length: count }, () => []);
  const load = new Array<number>(count).fill(0);
  for (const group of byCost) {
    let target = 0;
    for (let s = 1; s < count; s++) if (load[s] < load[target]) target = s;
    shards[target].push(group);
    load[target] += group.cost;
  }
  for (const shard of shards) shard.sort((a, b) => order.get(a)! - order.get(b)!);
  return shards;
}

/** The plan restricted to shard `index` of `count` (1-based), jobs in plan order. */
export function shardStudyPlan(plan: StudyPlan, index: number, count: number): StudyPlan {
  if (!Number.isInteger(index) || index < 1 || index > count) throw new Error(`Shard ${index}/${count} does not exist`);
  const ids = new Set(assignStudyShards(plan, count)[index - 1].flatMap((g) => g.jobs.map((job) => job.id)));
  return { ...plan, jobs: plan.jobs.filter((job) => ids.has(job.id)) };
}

/** The 1-based shard of `count` that trains each job of `plan`. */
export function shardOfJobs(plan: Pick<StudyPlan, 'jobs'>, count: number): Map<string, number> {
  const owner = new Map<string, number>();
  assignStudyShards(plan, count).forEach((groups, s) => groups.forEach((g) => g.jobs.forEach((job: StudyJob) => owner.set(job.id, s + 1))));
  return owner;
}

/** A job's result without what depends on the run rather than on the config: training time, cache provenance. */
export function withoutJobTiming(result: JobResult): JobResult {
  const { cached: _cached, ...rest } = result;
  return { ...rest, trainingMs: 0 };
}

/**
 * results.json without its timing and provenance fields (wall time, finish time, environment, each
 * job's training time and cache flag, shard, mergedFrom): what a single run and a merge of its shards
 * must agree on exactly. Results are listed in plan order.
 */
export function withoutStudyTiming(file: StudyResultsFile): StudyResultsFile {
  // rows are derived from results (listStudyResultRows) and carry training times: equal results ⇒ equal rows.
  const { shard: _shard, mergedFrom: _mergedFrom, rows: _rows, ...rest } = file;
  return { ...rest, finishedAt: '', wallMs: 0, environment: '', results: orderResults(file.plan, file.results, withoutJobTiming) };
}

/** `results` keyed in plan order (JSON output is then the same whatever order the jobs finished in). */
export function orderResults(plan: Pick<StudyPlan, 'jobs'>, results: Readonly<Record<string, JobResult>>, map: (r: JobResult) => JobResult = (r) => r): Record<string, JobResult> {
  const out: Record<string, JobResult> = {};
  for (const job of plan.jobs) if (results[job.id]) out[job.id] = map(results[job.id]);
  for (const id of Object.keys(results)) if (!(id in out)) out[id] = map(results[id]);
  return out;
}

/** Why a merge was refused; the message lists what is wrong (with the inputs' names). */
export class StudyMergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StudyMergeError';
  }
}

/** First field where two results differ, for the refusal message. */
function firstDifference(a: unknown, b: unknown, path = ''): string {
  if (stableStringify(a) === stableStringify(b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of [...new Set([...Object.keys(a as object), ...Object.keys(b as object)])].sort()) {
      const inner = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
      if (inner) return inner;
    }
  }
  return `${path || 'value'}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

/**
 * Merges the results of shards of one plan into the results.json a single run gives. Refuses (throws
 * StudyMergeError) inputs of different plans, a job whose numbers differ between two inputs, jobs of
 * no input, and missing jobs (naming them, with the shard that trains each).
 */
export function mergeStudyResults(inputs: readonly { source: string; file: StudyResultsFile }[]): StudyResultsFile {
  if (inputs.length === 0) throw new StudyMergeError('Nothing to merge: give at least one results directory');
  for (const { source, file } of inputs) {
    if (!file || typeof file !== 'object' || !file.plan || !Array.isArray(file.plan.jobs) || !file.results || typeof file.results !== 'object') {
      throw new StudyMergeError(`${source}: not a study results.json (no plan or results)`);
    }
  }
  const hashes = inputs.map(({ source, file }) => {
    const hash = hashStudyPlan(file.plan);
    if (file.shard && file.shard.planHash !== hash)
      throw new StudyMergeError(`${source}: its shard field names plan ${file.shard.planHash}, but its plan hashes to ${hash} (was the file edited?)`);
    return hash;
  });
  const distinct = [...new Set(hashes)];
  if (distinct.length > 1) {
    const lines = inputs.map(
      ({ source, file }, k) =>
        `  ${source}: plan ${hashes[k]} (${file.plan.size}, ${file.plan.jobs.length} jobs${file.shard ? `, shard ${file.shard.index}/${file.shard.count}` : ''})`,
    );
    throw new StudyMergeError(`These are results of different plans; merge only shards of one plan:\n${lines.join('\n')}`);
  }
  const plan = inputs[0].file.plan;
  const known = new Set(plan.jobs.map((job) => job.id));
  const results: Record<string, JobResult> = {};
  const from = new Map<string, string>();
  const conflicts: string[] = [];
  const unknown: string[] = [];
  for (const { source, file } of inputs) {
    for (const [id, result] of Object.entries(file.results)) {
      if (!known.has(id)) {
        unknown.push(`${id} (${source})`);
        continue;
      }
      const seen = results[id];
      if (!seen) {
        results[id] = result;
        from.set(id, source);
        continue;
      }
      const difference = firstDifference(withoutJobTiming(seen), withoutJobTiming(result));
      if (difference) conflicts.push(`  ${id}: ${from.get(id)} and ${source} differ (${difference})`);
    }
  }
  if (conflicts.length) throw new StudyMergeError(`${conflicts.length} job(s) appear twice with different numbers:\n${conflicts.join('\n')}`);
  if (unknown.length) throw new StudyMergeError(`Results of jobs that are not in the plan: ${unknown.join(', ')}`);
  const missing = plan.jobs.filter((job) => !results[job.id]);
  if (missing.length) {
    const counts = [...new Set(inputs.map(({ file }) => file.shard?.count).filter((c): c is number => c !== undefined))];
    const owner = counts.length === 1 ? shardOfJobs(plan, counts[0]) : null;
    const failed = new Map(inputs.flatMap(({ source, file }) => (file.errors ?? []).map((e) => [e.id, `failed in ${source}: ${e.message.split('\n')[0]}`] as const)));
    const lines = missing.map((job) => `  ${job.id}${owner ? ` (shard ${owner.get(job.id)}/${counts[0]})` : ''}${failed.has(job.id) ? ` — ${failed.get(job.id)}` : ''}`);
    throw new StudyMergeError(`${missing.length} of ${plan.jobs.length} jobs are missing; run (or rerun) their shards and merge again:\n${lines.join('\n')}`);
  }
  const finishedAt = inputs
    .map(({ file }) => file.finishedAt)
    .sort()
    .at(-1)!;
  const environments = [...new Set(inputs.map(({ file }) => file.environment))];
  return {
    version: plan.version,
    size: plan.size,
    budgetStatement: plan.budgetStatement,
    finishedAt,
    // Shards run side by side: the study took as long as its slowest shard.
    wallMs: Math.max(...inputs.map(({ file }) => file.wallMs)),
    environment: `${inputs.length} shard(s) merged; ${environments.join(' | ')}`,
    plan,
    results: orderResults(plan, results),
    errors: [],
    cancelled: false,
    mergedFrom: inputs.map(({ source, file }) => ({ source, shard: file.shard ?? null, wallMs: file.wallMs, finishedAt: file.finishedAt, environment: file.environment })),
  };
}
