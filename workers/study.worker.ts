/// <reference lib="webworker" />
/**
 * Study worker: trains the Paper view's studies one piece at a time and posts the results as plain data. It runs
 * as the 'study' role of workers/lab.worker.ts; the page cancels by terminating it. A heartbeat after each chunk of
 * training feeds the page's watchdog (src/state/studyWorkerPool.ts).
 * - 'group': one program of the §V study (runStudyJobGroup: the group's jobs as one K-model program of the engine,
 *   on the jobs' backend: wasm, as `axlab reproduce`, with the .wasm files Vite emitted);
 * - 'axtrain-unit': one unit of the AxTrain study (runAxtrainStudyUnit, on tfjs cpu as `axlab reproduce --paper
 *   axtrain`, so the numbers are the CLI's), with a line per finished training. Its code is a chunk of its own,
 *   fetched on the first unit, so the §V study does not load AxTrain's.
 */
import { selectBackend } from '../src/ml/backend';
import { runStudyJobGroup } from '../src/ml/study/runJobGroup';
import { prepareWasm } from './prepareWasm';
import type { FromStudyWorkerMessage, ToStudyWorkerMessage } from './studyProtocol';

declare const self: DedicatedWorkerGlobalScope;

function post(message: FromStudyWorkerMessage): void {
  self.postMessage(message);
}

const describeError = (error: unknown) => (error instanceof Error ? error.message || error.name : String(error));

async function runAxtrainUnit(id: string, unit: Extract<ToStudyWorkerMessage, { type: 'axtrain-unit' }>['unit']): Promise<void> {
  const { runAxtrainStudyUnit } = await import('../src/ml/axtrain/study');
  await selectBackend('cpu');
  const rows = await runAxtrainStudyUnit(
    unit,
    (line) => post({ type: 'axtrain-line', id, line }),
    (chunkMs, step) => post({ type: 'heartbeat', id, step, chunkMs }),
  );
  post({ type: 'axtrain-rows', id, rows });
}

async function handleMessage(message: ToStudyWorkerMessage): Promise<void> {
  switch (message.type) {
    case 'group': {
      const { id, jobs } = message;
      try {
        const onChunk = (chunkMs: number, step: number) => post({ type: 'heartbeat', id, step, chunkMs });
        post({ type: 'results', id, results: await runStudyJobGroup(jobs, { selectOptions: { prepareWasm }, onChunk }) });
      } catch (error) {
        post({ type: 'error', id, message: describeError(error) });
      }
      return;
    }
    case 'axtrain-unit': {
      try {
        await runAxtrainUnit(message.id, message.unit);
      } catch (error) {
        post({ type: 'error', id: message.id, message: describeError(error) });
      }
      return;
    }
    default: {
      const unknown: never = message;
      throw new Error(`Unsupported message: ${JSON.stringify(unknown)}`);
    }
  }
}

self.onmessage = (event: MessageEvent<ToStudyWorkerMessage>) => void handleMessage(event.data);
