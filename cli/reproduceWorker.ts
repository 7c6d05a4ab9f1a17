/**
 * One worker thread of `axlab reproduce --jobs N`: trains the jobs it is sent, one at a time, on tfjs cpu.
 * Messages in: { type: 'run', job }. Out: { type: 'ready' } once, then { type: 'done', result } | { type: 'error', message } per job.
 */
import { parentPort } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import type { StudyJob } from '../src/core/study/plan';
import { runStudyJob } from '../src/ml/study/runJob';

export type ReproduceWorkerRequest = { type: 'run'; job: StudyJob };
export type ReproduceWorkerReply = { type: 'ready' } | { type: 'done'; result: Awaited<ReturnType<typeof runStudyJob>> } | { type: 'error'; message: string };

tf.env().set('PROD', true);
if (!parentPort) throw new Error('cli/reproduceWorker.ts must run in a worker thread');
const port = parentPort;
port.on('message', (message: ReproduceWorkerRequest) => {
  switch (message.type) {
    case 'run':
      runStudyJob(message.job).then(
        (result) => port.postMessage({ type: 'done', result } satisfies ReproduceWorkerReply),
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
