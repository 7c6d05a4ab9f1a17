/// <reference lib="webworker" />
/**
 * Study worker: trains one program of the §V study at a time (runStudyJobGroup: the group's jobs as
 * one K-model program of the engine, on the jobs' backend, cpu) and posts their results as plain data.
 * The page cancels by terminating the worker. It runs as the 'study' role of workers/lab.worker.ts.
 */
import { runStudyJobGroup } from '../src/ml/study/runJobGroup';
import type { FromStudyWorkerMessage, ToStudyWorkerMessage } from './studyProtocol';

declare const self: DedicatedWorkerGlobalScope;

function post(message: FromStudyWorkerMessage): void {
  self.postMessage(message);
}

async function handleMessage(message: ToStudyWorkerMessage): Promise<void> {
  switch (message.type) {
    case 'group': {
      const { id, jobs } = message;
      try {
        post({ type: 'results', id, results: await runStudyJobGroup(jobs) });
      } catch (error) {
        post({ type: 'error', id, message: error instanceof Error ? error.message || error.name : String(error) });
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
