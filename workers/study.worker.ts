/// <reference lib="webworker" />
/**
 * Study worker: trains one job of the §V study at a time (runStudyJob: createMethodTrainer +
 * runToCompletion on the job's backend, cpu) and posts its result as plain data. The page cancels
 * a job by terminating the worker. It runs as the 'study' role of workers/lab.worker.ts.
 */
import { runStudyJob } from '../src/ml/study/runJob';
import type { FromStudyWorkerMessage, ToStudyWorkerMessage } from './studyProtocol';

declare const self: DedicatedWorkerGlobalScope;

function post(message: FromStudyWorkerMessage): void {
  self.postMessage(message);
}

async function handleMessage(message: ToStudyWorkerMessage): Promise<void> {
  switch (message.type) {
    case 'job': {
      const { job } = message;
      try {
        const result = await runStudyJob(job);
        post({ type: 'result', id: job.id, result });
      } catch (error) {
        post({ type: 'error', id: job.id, message: error instanceof Error ? error.message || error.name : String(error) });
      }
      return;
    }
    default: {
      const unknown: never = message.type;
      throw new Error(`Unsupported message: ${String(unknown)}`);
    }
  }
}

self.onmessage = (event: MessageEvent<ToStudyWorkerMessage>) => void handleMessage(event.data);
