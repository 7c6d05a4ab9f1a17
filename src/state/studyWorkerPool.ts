/**
 * The Paper view's study workers (workers/study.worker.ts, the 'study' role of workers/lab.worker.ts): a pool that
 * hands each piece of work to a free worker and resolves with its result. Both studies use it: the AXNet (§V)
 * study a group of jobs at a time (studyController.ts, two workers at once), the AxTrain study a unit at a time
 * (axtrainStudyController.ts). Abort = terminate the worker (squoosh style). A worker whose code cannot be fetched
 * (offline, a deploy in between) is reported as such, not as a crash (workerFailure.ts).
 */
import type { AxtrainStudyRow, AxtrainStudyUnit } from '../core/axtrain/study';
import type { StudyJob } from '../core/study/plan';
import type { JobResult } from '../core/study/results';
import { StudyCancelledError } from '../core/study/runner';
import type { FromStudyWorkerMessage, ToStudyWorkerMessage } from '../../workers/studyProtocol';
import { WORKER_LOAD_FAILURE_TEXT, isCodeLoadFailure, isWorkerLoadFailure } from './workerFailure';

interface PoolWorker {
  worker: Worker;
  busy: boolean;
  /** The worker has posted a message (so its code loaded). */
  heardFrom: boolean;
}

type FinalMessage = Exclude<FromStudyWorkerMessage, { type: 'axtrain-line' | 'error' }>;

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
      const finish = () => {
        entry.busy = false;
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        finish();
        this.remove(entry);
        reject(new StudyCancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      entry.worker.onmessage = (event: MessageEvent<FromStudyWorkerMessage>) => {
        const reply = event.data;
        entry.heardFrom = true;
        if (reply.id !== id) return;
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
