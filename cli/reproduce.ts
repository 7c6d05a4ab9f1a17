/**
 * `axlab reproduce [--quick] [--init ID] [--out DIR] [--jobs N] [--cache DIR] [--shard i/n]`: runs the §V study
 * (src/core/study/plan.ts) in Node on tfjs cpu and writes DIR/report.md, DIR/results.json and DIR/fig-*.svg.
 * Jobs that can train as one program (src/core/study/groups.ts) train as one ModelGroupTrainer
 * (src/ml/study/runJobGroup.ts); --jobs N > 1 trains N groups at once in worker threads (one tfjs cpu
 * instance each). --shard i/n trains only shard i's groups (src/core/study/shard.ts) and writes its
 * partial results; `axlab merge DIR…` combines the shards into the report of a single run.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { buildStudyFigures, formatSeconds } from '../src/core/study/figures';
import { groupStudyJobs } from '../src/core/study/groups';
import { INITIALIZATIONS, type Initialization } from '../src/core/config';
import { buildStudyPlan, STUDY_BOUND_CHOICES, STUDY_DEFAULT_SEEDS, STUDY_INITIALIZATION, type StudyBoundChoice, type StudyJob } from '../src/core/study/plan';
import { listStudyResultRows, planProtocols } from '../src/core/study/protocolView';
import { STUDY_PROTOCOLS, type StudyProtocol } from '../src/core/study/protocols';
import { figureFileName, renderStudyReport } from '../src/core/study/report';
import type { JobResult } from '../src/core/study/results';
import { runStudy, StudyCancelledError, type RunJobGroup, type StudyProgress } from '../src/core/study/runner';
import { hashStudyPlan, mergeStudyResults, orderResults, parseShardSpec, shardStudyPlan, StudyMergeError, type StudyResultsFile } from '../src/core/study/shard';
import { renderChart } from '../src/core/study/svg';
import type { ReproduceWorkerReply, ReproduceWorkerRequest } from './reproduceWorker';

export const REPRODUCE_USAGE = `axlab reproduce [--paper axnet|axtrain|nas] [--quick] [--protocol P|all] [--seeds N] [--bounds sweep|study] [--init ID] [--out DIR] [--jobs N] [--cache DIR] [--shard i/n]
                                                  train the §V study (Fig. 2, 6–9, 10a, 10c) and write DIR/report.md,
                                                  DIR/results.json, DIR/fig-*.svg (default DIR ./reproduce-out; --jobs default 2);
                                                  --protocol ${STUDY_PROTOCOLS.join('|')}|all: budget protocols (default all);
                                                  --seeds N: seeds per cell (default ${STUDY_DEFAULT_SEEDS}); --backend wasm|cpu (default wasm);
                                                  --bounds study: Fig. 6–8 at each benchmark's study bound only, not the
                                                  sweep (with --seeds 1 --protocol perPhase: the plan of docs/reproduce-full/);
                                                  --init ${INITIALIZATIONS.join('|')}: initial biases (default ${STUDY_INITIALIZATION}, the authors' code);
                                                  --shard i/n: only shard i of n (1-based), partial results for axlab merge;
                                                  --paper axtrain: the AxTrain study (Figs. 6, 7, 9 on breast cancer and digits,
                                                  --seeds N, default 3; --quick: 1 seed, CI-sized) → DIR/report.md, results.json
                                                  --paper nas: the NAS study (Figs. 3, 4a/4b, 5 of DATE'20; SMAC vs random
                                                  vs enumeration; --seeds N for Fig. 3/4, default 3; --quick: 1 seed, 3
                                                  benchmarks, budget 16) → DIR/report.md, results.json, fig-nas-*.svg
  axlab merge DIR… [--out DIR]                     combine the results.json of the shards of one plan into the report of a
                                                  single run (refuses different plans, conflicting or missing jobs)`;

export interface ReproduceOptions {
  /** Which paper's study: AXNet's §V (default), AxTrain's (cli/reproduceAxtrain.ts) or the NAS paper's (cli/reproduceNas.ts). */
  paper: 'axnet' | 'axtrain' | 'nas';
  /** Seeds per cell (null: the plan's default; §V: STUDY_DEFAULT_SEEDS; AxTrain 3 full / 1 quick). */
  seeds: number | null;
  /** §V budget protocols to cover (default all). */
  protocols: StudyProtocol[];
  /** §V Fig. 6–8 bounds: the sweep (default) or each benchmark's study bound only. */
  bounds: StudyBoundChoice;
  /** §V tfjs backend of every job (default wasm: 2.7–4.3× faster than cpu in Node). */
  backend: 'cpu' | 'wasm';
  quick: boolean;
  /** Initial biases of every job (default STUDY_INITIALIZATION: the authors' zeros). */
  initialization: Initialization;
  out: string;
  jobs: number;
  cacheDir: string | null;
  /** Shard index (1-based) and count, or null for the whole plan. */
  shard: { index: number; count: number } | null;
}

const HERE = dirname(fileURLToPath(import.meta.url));

function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '?';
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** A directory of JSON files keyed by the job hash (the §V study's jobs, the AxTrain study's units). */
export function createDirectoryCache<T = JobResult>(dir: string): { get(key: string): Promise<T | undefined>; set(key: string, result: T): Promise<void> } {
  const file = (key: string) => join(dir, `${createHash('sha1').update(key).digest('hex').slice(0, 16)}-${key.replace(/[^a-z0-9-]/gi, '_')}.json`);
  return {
    async get(key) {
      const path = file(key);
      if (!existsSync(path)) return undefined;
      return JSON.parse(await readFile(path, 'utf8')) as T;
    },
    async set(key, result) {
      await mkdir(dir, { recursive: true });
      await writeFile(file(key), JSON.stringify(result));
    },
  };
}

/** N worker threads; runJobGroup hands each group of jobs to a free one. close() terminates them. */
function createWorkerPool(size: number): { runJobGroup: RunJobGroup; close: () => Promise<void> } {
  interface Slot {
    worker: Worker;
    ready: Promise<void>;
    busy: boolean;
  }
  const slots: Slot[] = [];
  const spawn = (): Slot => {
    const worker = new Worker(join(HERE, 'reproduceWorker.js'));
    const ready = new Promise<void>((resolveReady, rejectReady) => {
      const onMessage = (message: ReproduceWorkerReply) => {
        if (message.type === 'ready') {
          worker.off('error', rejectReady);
          resolveReady();
        }
      };
      worker.once('message', onMessage);
      worker.once('error', rejectReady);
    });
    return { worker, ready, busy: false };
  };
  for (let k = 0; k < size; k++) slots.push(spawn());
  const runJobGroup: RunJobGroup = async (jobs: StudyJob[], { signal }) => {
    const index = slots.findIndex((s) => !s.busy);
    if (index < 0) throw new Error('No free worker (concurrency above the pool size)');
    const slot = slots[index];
    slot.busy = true;
    try {
      await slot.ready;
      return await new Promise<JobResult[]>((resolveJob, rejectJob) => {
        const cleanup = () => {
          slot.worker.off('message', onMessage);
          slot.worker.off('error', onError);
          slot.worker.off('exit', onExit);
          signal?.removeEventListener('abort', onAbort);
        };
        const onMessage = (message: ReproduceWorkerReply) => {
          if (message.type === 'ready') return;
          cleanup();
          if (message.type === 'done') resolveJob(message.results);
          else rejectJob(new Error(message.message));
        };
        const onError = (error: Error) => {
          cleanup();
          rejectJob(error);
        };
        const onExit = (code: number) => {
          cleanup();
          rejectJob(new Error(`worker exited with code ${code} during ${jobs.map((j) => j.id).join(', ')}`));
        };
        const onAbort = () => {
          cleanup();
          void slot.worker.terminate();
          rejectJob(new StudyCancelledError());
        };
        slot.worker.on('message', onMessage);
        slot.worker.on('error', onError);
        slot.worker.on('exit', onExit);
        signal?.addEventListener('abort', onAbort, { once: true });
        slot.worker.postMessage({ type: 'run', jobs } satisfies ReproduceWorkerRequest);
      });
    } catch (error) {
      // A worker that failed or was stopped is replaced, so that the next group gets a fresh one.
      void slot.worker.terminate();
      slots[index] = spawn();
      throw error;
    } finally {
      slots[index].busy = false;
      slot.busy = false;
    }
  };
  return {
    runJobGroup,
    close: async () => {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

export function parseReproduceArgs(argsIn: readonly string[], fail: (message: string) => never): ReproduceOptions {
  const args = [...argsIn];
  const options: ReproduceOptions = {
    paper: 'axnet',
    seeds: null,
    protocols: [...STUDY_PROTOCOLS],
    bounds: 'sweep',
    backend: 'wasm',
    quick: false,
    initialization: STUDY_INITIALIZATION,
    out: 'reproduce-out',
    jobs: Math.max(1, Math.min(2, availableParallelism())),
    cacheDir: null,
    shard: null,
  };
  /** `text` if it is one of `choices`, else a usage error naming them. */
  const oneOf = <T extends string>(flag: string, choices: readonly T[], text: string): T => {
    const known = choices.find((choice) => choice === text);
    if (!known) fail(`${flag} must be one of ${choices.join(', ')}, not ${JSON.stringify(text)}`);
    return known;
  };
  while (args.length) {
    const arg = args.shift()!;
    const value = () => {
      const v = args.shift();
      if (v === undefined || v.startsWith('--')) fail(`${arg} needs a value`);
      return v;
    };
    switch (arg) {
      case '--quick':
        options.quick = true;
        break;
      case '--paper': {
        const text = value();
        if (text !== 'axnet' && text !== 'axtrain' && text !== 'nas') fail(`--paper must be axnet, axtrain or nas, not ${JSON.stringify(text)}`);
        options.paper = text as ReproduceOptions['paper'];
        break;
      }
      case '--seeds': {
        const text = value();
        const seeds = Number(text);
        if (!/^\d+$/.test(text) || seeds < 1 || seeds > 20) fail(`--seeds must be a whole number from 1 to 20, not ${JSON.stringify(text)}`);
        options.seeds = seeds;
        break;
      }
      case '--out':
        options.out = value();
        break;
      case '--backend': {
        const text = value();
        if (text !== 'cpu' && text !== 'wasm') fail(`--backend must be wasm or cpu, not ${JSON.stringify(text)}`);
        options.backend = text as 'cpu' | 'wasm';
        break;
      }
      case '--protocol': {
        const text = value();
        if (text === 'all') options.protocols = [...STUDY_PROTOCOLS];
        else {
          const known = STUDY_PROTOCOLS.find((p) => p === text);
          if (!known) fail(`--protocol must be one of ${STUDY_PROTOCOLS.join(', ')} or all, not ${JSON.stringify(text)}`);
          options.protocols = [known];
        }
        break;
      }
      case '--bounds':
        options.bounds = oneOf(arg, STUDY_BOUND_CHOICES, value());
        break;
      case '--init':
        options.initialization = oneOf(arg, INITIALIZATIONS, value());
        break;
      case '--cache':
        options.cacheDir = value();
        break;
      case '--jobs': {
        const text = value();
        const jobs = Number(text);
        if (!/^\d+$/.test(text) || jobs < 1 || jobs > 16) fail(`--jobs must be a whole number from 1 to 16, not ${JSON.stringify(text)}`);
        options.jobs = jobs;
        break;
      }
      case '--shard': {
        const text = value();
        try {
          options.shard = parseShardSpec(text);
        } catch (error) {
          fail((error as Error).message);
        }
        break;
      }
      default:
        fail(`Unknown option ${arg} for reproduce`);
    }
  }
  return options;
}

function progressLine(progress: StudyProgress): string | null {
  const { finished } = progress;
  if (!finished) return null;
  const head = `[${progress.done}/${progress.total}] ${finished.error ? 'FAILED' : finished.cached ? 'cached' : 'done  '} ${finished.id}`;
  const tail = `elapsed ${formatDuration(progress.elapsedMs)} · ETA ${formatDuration(progress.etaMs)}${progress.running.length ? ` · running ${progress.running.join(', ')}` : ''}`;
  return `${head}${finished.error ? ` (${finished.error.split('\n')[0]})` : ''} · ${tail}`;
}

/** Writes results.json (results in plan order), fig-*.svg and report.md of `file` to `out`. */
async function writeStudyOutputs(out: string, file: StudyResultsFile): Promise<void> {
  await mkdir(out, { recursive: true });
  const ordered: StudyResultsFile = { ...file, results: orderResults(file.plan, file.results) };
  // rows: one line per job and protocol (target, method, bound, seed, protocol and the metrics as that protocol reads them).
  await writeFile(join(out, 'results.json'), `${JSON.stringify({ ...ordered, rows: listStudyResultRows(file.plan, file.results) }, null, 1)}\n`);
  for (const protocol of planProtocols(file.plan)) {
    for (const figure of buildStudyFigures(file.plan, file.results, protocol)) {
      await writeFile(join(out, figureFileName(figure, protocol, file.plan)), `${renderChart(figure.chart, { quick: figure.quick })}\n`);
    }
  }
  let markdown = renderStudyReport(ordered);
  if (file.errors.length) markdown += `\n## Failed jobs\n\n${file.errors.map((e) => `- ${e.id}: ${e.message.split('\n')[0]}`).join('\n')}\n`;
  const ran = Object.keys(file.results).length;
  if (file.cancelled) markdown = `> **Cancelled**: only ${ran}/${file.plan.jobs.length} jobs finished.\n\n${markdown}`;
  if (file.shard) {
    markdown = `> **Shard ${file.shard.index}/${file.shard.count}** of plan ${file.shard.planHash}: ${ran} of the plan's ${file.plan.jobs.length} jobs. Combine the shards with \`axlab merge\`.\n\n${markdown}`;
  }
  await writeFile(join(out, 'report.md'), markdown);
}

/** Runs the study (or one shard of it) and writes the report; resolves with the exit code. */
export async function runReproduce(options: ReproduceOptions): Promise<number> {
  tf.env().set('PROD', true);
  if (options.paper === 'axtrain') {
    const { runAxtrainReproduce } = await import('./reproduceAxtrain');
    return runAxtrainReproduce(options);
  }
  if (options.paper === 'nas') {
    const { runNasReproduce } = await import('./reproduceNas');
    return runNasReproduce(options);
  }
  const plan = buildStudyPlan(options.quick ? 'quick' : 'full', {
    initialization: options.initialization,
    protocols: options.protocols,
    seeds: options.seeds ?? STUDY_DEFAULT_SEEDS,
    backend: options.backend,
    bounds: options.bounds,
  });
  const planHash = hashStudyPlan(plan);
  const runPlan = options.shard ? shardStudyPlan(plan, options.shard.index, options.shard.count) : plan;
  const out = resolve(options.out);
  await mkdir(out, { recursive: true });
  const controller = new AbortController();
  const onSignal = () => {
    process.stderr.write('\naxlab reproduce: stopping (finished jobs are kept)…\n');
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  const pool = options.jobs > 1 ? createWorkerPool(options.jobs) : null;
  let runJobGroup: RunJobGroup | undefined = pool?.runJobGroup;
  if (!pool) {
    const { runStudyJobGroup } = await import('../src/ml/study/runJobGroup');
    runJobGroup = (jobs, context) => runStudyJobGroup(jobs, context);
  }
  const groups = groupStudyJobs(runPlan.jobs).length;
  const scope = options.shard
    ? `shard ${options.shard.index}/${options.shard.count} of plan ${planHash}: ${runPlan.jobs.length} of ${plan.jobs.length} jobs`
    : `${plan.jobs.length} jobs`;
  process.stderr.write(`axlab reproduce: ${scope} in ${groups} program(s), ${plan.size} budget, ${options.jobs} at a time → ${out}\n${plan.budgetStatement}\n`);
  const started = performance.now();
  let run: Awaited<ReturnType<typeof runStudy>>;
  try {
    run = await runStudy(runPlan, {
      runJobGroup: runJobGroup!,
      concurrency: options.jobs,
      signal: controller.signal,
      cache: options.cacheDir ? createDirectoryCache(resolve(options.cacheDir)) : undefined,
      onProgress: (progress) => {
        const line = progressLine(progress);
        if (line) process.stderr.write(`${line}\n`);
      },
    });
  } finally {
    process.off('SIGINT', onSignal);
    await pool?.close();
  }
  const wallMs = performance.now() - started;
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const file: StudyResultsFile = {
    version: plan.version,
    size: plan.size,
    budgetStatement: plan.budgetStatement,
    finishedAt: new Date().toISOString(),
    wallMs,
    environment: `Node ${process.version}, tfjs ${tf.version_core} ${options.backend} backend, ${availableParallelism()} × ${cpu}, ${options.jobs} job(s) at a time`,
    plan,
    results: run.results,
    errors: run.errors,
    cancelled: run.cancelled,
    ...(options.shard ? { shard: { ...options.shard, planHash } } : {}),
  };
  await writeStudyOutputs(out, file);
  const trainingMs = Object.values(run.results).reduce((sum, r) => sum + r.trainingMs, 0);
  process.stderr.write(
    `axlab reproduce: ${Object.keys(run.results).length}/${runPlan.jobs.length} jobs${options.shard ? ` of shard ${options.shard.index}/${options.shard.count}` : ''} ` +
      `in ${formatSeconds(wallMs)} wall time (Σ training ${formatSeconds(trainingMs)}) → ${join(out, 'report.md')}\n`,
  );
  return run.errors.length || run.cancelled ? 1 : 0;
}

/** Options of `axlab merge DIR… [--out DIR]`. */
export interface MergeOptions {
  inputs: string[];
  out: string;
}

export function parseMergeArgs(argsIn: readonly string[], fail: (message: string) => never): MergeOptions {
  const args = [...argsIn];
  const options: MergeOptions = { inputs: [], out: 'reproduce-out' };
  while (args.length) {
    const arg = args.shift()!;
    if (arg === '--out') {
      const v = args.shift();
      if (v === undefined || v.startsWith('--')) fail('--out needs a value');
      options.out = v;
    } else if (arg.startsWith('--')) fail(`Unknown option ${arg} for merge`);
    else options.inputs.push(arg);
  }
  if (!options.inputs.length) fail('merge needs the result directories of the shards, e.g. axlab merge results/shard-* --out results/merged');
  return options;
}

/** Merges shard results (DIR/results.json each) into one report; resolves with the exit code (1: refused). */
export async function runMerge(options: MergeOptions, fail: (message: string) => never): Promise<number> {
  const inputs: { source: string; file: StudyResultsFile }[] = [];
  for (const input of options.inputs) {
    const path = input.endsWith('.json') ? resolve(input) : join(resolve(input), 'results.json');
    if (!existsSync(path)) fail(`${input}: no results.json there (give the --out directory of each axlab reproduce --shard run)`);
    let file: StudyResultsFile;
    try {
      file = JSON.parse(await readFile(path, 'utf8')) as StudyResultsFile;
    } catch (error) {
      fail(`${path}: not valid JSON (${(error as Error).message})`);
    }
    inputs.push({ source: input, file });
  }
  let merged: StudyResultsFile;
  try {
    merged = mergeStudyResults(inputs);
  } catch (error) {
    if (!(error instanceof StudyMergeError)) throw error;
    process.stderr.write(`axlab merge: refused. ${error.message}\n`);
    return 1;
  }
  const out = resolve(options.out);
  await writeStudyOutputs(out, merged);
  process.stderr.write(
    `axlab merge: ${Object.keys(merged.results).length}/${merged.plan.jobs.length} jobs from ${inputs.length} input(s); ` +
      `wall time ${formatSeconds(merged.wallMs)} (slowest shard) → ${join(out, 'report.md')}\n`,
  );
  return 0;
}
