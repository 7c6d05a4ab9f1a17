/**
 * One worker thread of `axlab reproduce --jobs N`: trains the groups of jobs it is sent (one program
 * each, runStudyJobGroup), one group at a time, on tfjs cpu.
 * Messages in: { type: 'run', jobs }. Out: { type: 'ready' } once, then { type: 'done', results } | { type: 'error', message } per group.
 */
import { parentPort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import type { StudyJob } from '../src/core/study/plan';
import type { JobResult } from '../src/core/study/results';
import { runStudyJobGroup } from '../src/ml/study/runJobGroup';

export type ReproduceWorkerRequest = { type: 'run'; jobs: StudyJob[] };
export type ReproduceWorkerReply = { type: 'ready' } | { type: 'done'; results: JobResult[] } | { type: 'error'; message: string };

tf.env().set('PROD', true);
if (!parentPort) throw new Error('cli/reproduceWorker.ts must run in a worker thread');
const port = parentPort;
port.on('message', (message: ReproduceWorkerRequest) => {
  switch (message.type) {
    case 'run':
      runStudyJobGroup(message.jobs).then(
        (results) => port.postMessage({ type: 'done', results } satisfies ReproduceWorkerReply),
        (error: unknown) => port.postMessage({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ReproduceWorkerReply),
      );
      return;
    default: {
      const unknown: never = message.type;
      throw new Error(`Unsupported message type: ${String(unknown)}`);
    }
  }
});
port.postMessage({ type: 'ready' } satisfies ReproduceWorkerReply);
