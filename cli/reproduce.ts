/**
 * `axlab reproduce [--quick] [--out DIR] [--jobs N] [--cache DIR]`: runs the §V study (src/core/study/plan.ts)
 * in Node on tfjs cpu and writes DIR/report.md, DIR/results.json and DIR/fig-*.svg.
 * --jobs N > 1 trains N jobs at once in worker threads (one tfjs cpu instance each).
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
import { buildStudyPlan, type StudyJob } from '../src/core/study/plan';
import { figureFileName, renderStudyReport } from '../src/core/study/report';
import type { JobResult, StudyReport } from '../src/core/study/results';
import { renderChart } from '../src/core/study/svg';
import { runStudy, StudyCancelledError, type RunJob, type StudyCache, type StudyProgress } from '../src/ml/study/runner';
import type { ReproduceWorkerReply } from './reproduceWorker';

export const REPRODUCE_USAGE = `axlab reproduce [--quick] [--out DIR] [--jobs N] [--cache DIR]
                                                  train the §V study (Fig. 2, 6–9, 10a, 10c) and write DIR/report.md,
                                                  DIR/results.json, DIR/fig-*.svg (default DIR ./reproduce-out; --jobs default 2)`;

export interface ReproduceOptions {
  quick: boolean;
  out: string;
  jobs: number;
  cacheDir: string | null;
}

const HERE = dirname(fileURLToPath(import.meta.url));

function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '?';
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** A directory of JSON files keyed by the job hash. */
export function createDirectoryCache(dir: string): StudyCache {
  const file = (key: string) => join(dir, `${createHash('sha1').update(key).digest('hex').slice(0, 16)}-${key.replace(/[^a-z0-9-]/gi, '_')}.json`);
  return {
    async get(key) {
      const path = file(key);
      if (!existsSync(path)) return undefined;
      return JSON.parse(await readFile(path, 'utf8')) as JobResult;
    },
    async set(key, result) {
      await mkdir(dir, { recursive: true });
      await writeFile(file(key), JSON.stringify(result));
    },
  };
}

/** N worker threads; runJob hands each job to a free one. close() terminates them. */
function createWorkerPool(size: number): { runJob: RunJob; close: () => Promise<void> } {
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
  const runJob: RunJob = async (job: StudyJob, { signal }) => {
    const index = slots.findIndex((s) => !s.busy);
    if (index < 0) throw new Error('No free worker (concurrency above the pool size)');
    const slot = slots[index];
    slot.busy = true;
    try {
      await slot.ready;
      return await new Promise<JobResult>((resolveJob, rejectJob) => {
        const cleanup = () => {
          slot.worker.off('message', onMessage);
          slot.worker.off('error', onError);
          slot.worker.off('exit', onExit);
          signal?.removeEventListener('abort', onAbort);
        };
        const onMessage = (message: ReproduceWorkerReply) => {
          if (message.type === 'ready') return;
          cleanup();
          if (message.type === 'done') resolveJob(message.result);
          else rejectJob(new Error(message.message));
        };
        const onError = (error: Error) => {
          cleanup();
          rejectJob(error);
        };
        const onExit = (code: number) => {
          cleanup();
          rejectJob(new Error(`worker exited with code ${code} during ${job.id}`));
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
        slot.worker.postMessage({ type: 'run', job });
      });
    } catch (error) {
      // A worker that failed or was stopped is replaced, so that the next job gets a fresh one.
      void slot.worker.terminate();
      slots[index] = spawn();
      throw error;
    } finally {
      slots[index].busy = false;
      slot.busy = false;
    }
  };
  return {
    runJob,
    close: async () => {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

export function parseReproduceArgs(argsIn: readonly string[], fail: (message: string) => never): ReproduceOptions {
  const args = [...argsIn];
  const options: ReproduceOptions = { quick: false, out: 'reproduce-out', jobs: Math.max(1, Math.min(2, availableParallelism())), cacheDir: null };
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
      case '--out':
        options.out = value();
        break;
      case '--cache':
        options.cacheDir = value();
        break;
      case '--jobs': {
        const jobs = Number(value());
        if (!Number.isInteger(jobs) || jobs < 1 || jobs > 16) fail('--jobs must be an integer from 1 to 16');
        options.jobs = jobs;
        break;
      }
      default:
        fail(`Unknown option for reproduce: ${arg}`);
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

/** Runs the study and writes the report; resolves with the exit code. */
export async function runReproduce(options: ReproduceOptions): Promise<number> {
  tf.env().set('PROD', true);
  const plan = buildStudyPlan(options.quick ? 'quick' : 'full');
  const out = resolve(options.out);
  await mkdir(out, { recursive: true });
  const controller = new AbortController();
  const onSignal = () => {
    process.stderr.write('\naxlab reproduce: stopping (finished jobs are kept)…\n');
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  const pool = options.jobs > 1 ? createWorkerPool(options.jobs) : null;
  let runJob: RunJob | undefined = pool?.runJob;
  if (!pool) {
    const { runStudyJob } = await import('../src/ml/study/runJob');
    runJob = (job, context) => runStudyJob(job, context);
  }
  process.stderr.write(`axlab reproduce: ${plan.jobs.length} jobs, ${plan.size} budget, ${options.jobs} at a time → ${out}\n${plan.budgetStatement}\n`);
  const started = performance.now();
  let run: Awaited<ReturnType<typeof runStudy>>;
  try {
    run = await runStudy(plan, {
      runJob,
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
  const report: StudyReport = {
    version: plan.version,
    size: plan.size,
    budgetStatement: plan.budgetStatement,
    finishedAt: new Date().toISOString(),
    wallMs,
    environment: `Node ${process.version}, tfjs ${tf.version_core} cpu backend, ${availableParallelism()} × ${cpu}, ${options.jobs} job(s) at a time`,
    plan,
    results: run.results,
  };
  await writeFile(join(out, 'results.json'), `${JSON.stringify({ ...report, errors: run.errors, cancelled: run.cancelled }, null, 1)}\n`);
  for (const figure of buildStudyFigures(plan, run.results)) {
    await writeFile(join(out, figureFileName(figure)), `${renderChart(figure.chart, { quick: figure.quick })}\n`);
  }
  let markdown = renderStudyReport(report);
  if (run.errors.length) markdown += `\n## Failed jobs\n\n${run.errors.map((e) => `- ${e.id}: ${e.message.split('\n')[0]}`).join('\n')}\n`;
  if (run.cancelled) markdown = `> **Cancelled**: only ${Object.keys(run.results).length}/${plan.jobs.length} jobs finished.\n\n${markdown}`;
  await writeFile(join(out, 'report.md'), markdown);
  process.stderr.write(`axlab reproduce: ${Object.keys(run.results).length}/${plan.jobs.length} jobs in ${formatSeconds(wallMs)} → ${join(out, 'report.md')}\n`);
  return run.errors.length || run.cancelled ? 1 : 0;
}
