/**
 * The Paper view's study workers (workers/study.worker.ts, the 'study' role of workers/lab.worker.ts): a pool that
 * hands each piece of work to a free worker and resolves with its result. Both studies use it: the AXNet (§V)
 * study a group of jobs at a time (studyController.ts, two workers at once), the AxTrain study a unit at a time
 * (axtrainStudyController.ts). Abort = terminate the worker (squoosh style). A worker whose code cannot be fetched
 * (offline, a deploy in between) is reported as such, not as a crash (workerFailure.ts). A worker that stops answering
 * while it works (no heartbeat after a chunk of training within its limit: runWatchdog.ts, STUDY_WATCHDOG) is ended and
 * its work rejected with the reason in words; the studies record it per job and the cache keeps what was done, so
 * running the study again continues with what is missing.
 */
import type { AxtrainStudyRow, AxtrainStudyUnit } from '../core/axtrain/study';
import type { StudyJob } from '../core/study/plan';
import type { JobResult } from '../core/study/results';
import { StudyCancelledError } from '../core/study/runner';
import type { FromStudyWorkerMessage, ToStudyWorkerMessage } from '../../workers/studyProtocol';
import { WORKER_LOAD_FAILURE_TEXT, isCodeLoadFailure, isWorkerLoadFailure } from './workerFailure';
import { describeSilence, type WatchdogOptions } from '../core/watchdog';
import { watchRunWorker } from './runWatchdog';

/**
 * The study workers' watchdog: before a piece of work's first heartbeat (its data, and K models to their first
 * evaluation) the page's startup limit; after it the usual factor over its chunks, with a floor above the page's (a
 * study chunk is a whole evaluation interval of K models). Status 'estimate' (the quick study's chunks take 5–50 ms
 * here, 45 programs in 15 s on cpu).
 */
export const STUDY_WATCHDOG: WatchdogOptions = { floorMs: 10_000 };

interface PoolWorker {
  worker: Worker;
  busy: boolean;
  /** The worker has posted a message (so its code loaded). */
  heardFrom: boolean;
}

type FinalMessage = Exclude<FromStudyWorkerMessage, { type: 'axtrain-line' | 'heartbeat' | 'error' }>;

/** What the page shows for a worker's 'error' message: a failed chunk fetch says so; anything else as it is. */
export function describeStudyWorkerError(message: string): string {
  return isCodeLoadFailure(message) ? WORKER_LOAD_FAILURE_TEXT : message;
}

export class StudyWorkerPool {
  private workers: PoolWorker[] = [];

  /** One program of §V jobs (id = its first job's id); resolves with one result per job. */
  async runGroup(jobs: StudyJob[], signal?: AbortSignal): Promise<JobResult[]> {
    const reply = await this.request({ type: 'group', id: jobs[0].id, jobs }, signal);
    if (reply.type !== 'results') throw new Error(`The study worker answered ${reply.type} to a group`);
    return reply.results;
  }

  /** One unit of the AxTrain study; `onLine` gets the line the worker posts after each training. */
  async runAxtrainUnit(unit: AxtrainStudyUnit, onLine: (line: string) => void, signal?: AbortSignal): Promise<AxtrainStudyRow[]> {
    const reply = await this.request({ type: 'axtrain-unit', id: unit.key, unit }, signal, onLine);
    if (reply.type !== 'axtrain-rows') throw new Error(`The study worker answered ${reply.type} to an AxTrain unit`);
    return reply.rows;
  }

  terminate(): void {
    for (const entry of this.workers) entry.worker.terminate();
    this.workers = [];
  }

  /** Posts `message` to a free worker (a new one if none is free) and resolves with its final reply of the same id. */
  private request(message: ToStudyWorkerMessage, signal?: AbortSignal, onLine?: (line: string) => void): Promise<FinalMessage> {
    const { id } = message;
    if (signal?.aborted) return Promise.reject(new StudyCancelledError());
    const entry = this.workers.find((w) => !w.busy) ?? this.spawn();
    entry.busy = true;
    return new Promise<FinalMessage>((resolve, reject) => {
      // One watchdog per piece of work: its chunks set its limit (another piece may train other nets).
      const watchdog = watchRunWorker(
        {
          isWanted: () => entry.busy,
          onSilent: (silence) => {
            finish();
            this.remove(entry);
            reject(new Error(`${describeSilence('study worker', silence)} It was ended; run the study again to continue (what it finished is kept).`));
          },
        },
        undefined,
        STUDY_WATCHDOG,
      );
      const finish = () => {
        entry.busy = false;
        watchdog.dispose();
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        finish();
        this.remove(entry);
        reject(new StudyCancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      // A worker whose code has loaded is watched from the start (the startup limit covers loading the data and the
      // first chunk); a new one from its first message.
      if (entry.heardFrom) watchdog.heard({ type: 'start' });
      entry.worker.onmessage = (event: MessageEvent<FromStudyWorkerMessage>) => {
        const reply = event.data;
        entry.heardFrom = true;
        if (reply.id !== id) return;
        watchdog.heard(reply);
        if (reply.type === 'heartbeat') return;
        if (reply.type === 'axtrain-line') {
          onLine?.(reply.line);
          return;
        }
        finish();
        if (reply.type === 'error') reject(new Error(describeStudyWorkerError(reply.message)));
        else resolve(reply);
      };
      entry.worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        finish();
        this.remove(entry);
        reject(new Error(isWorkerLoadFailure(event, entry.heardFrom) ? WORKER_LOAD_FAILURE_TEXT : `The study worker crashed${event.message ? `: ${event.message}` : ''}.`));
      };
      entry.worker.postMessage(message satisfies ToStudyWorkerMessage);
    });
  }

  private spawn(): PoolWorker {
    const worker = new Worker(new URL('../../workers/lab.worker.ts', import.meta.url), { type: 'module', name: 'study' });
    const entry = { worker, busy: false, heardFrom: false };
    this.workers.push(entry);
    return entry;
  }

  private remove(entry: PoolWorker): void {
    entry.worker.terminate();
    this.workers = this.workers.filter((w) => w !== entry);
  }
}
