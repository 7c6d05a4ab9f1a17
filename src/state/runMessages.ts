/**
 * The one routing of a run worker's messages, for every controller that owns such workers (compare lanes, the
 * sweep, the AxTrain view): `progress` goes to the controller's frame batcher; `done` marks the run finished
 * (paused, so Play starts a new one) and goes to the batcher too; `error` goes to the controller's fail().
 */

/** What a controller keeps of each of its workers' runs. */
export interface RunWorkerEntry {
  intent: 'running' | 'paused';
  finished: boolean;
}

/** A run worker's messages: the union of every run protocol (workers/*Protocol.ts) has exactly these tags. */
export type RunWorkerMessage = { type: 'progress' } | { type: 'done' } | { type: 'error'; message: string; fatal: boolean };

export function routeRunMessage<E extends RunWorkerEntry, M extends RunWorkerMessage>(
  entry: E,
  message: M,
  handlers: { push: (item: { entry: E; message: Extract<M, { type: 'progress' | 'done' }> }) => void; fail: (entry: E, text: string, fatal: boolean) => void },
  workerName: string,
): void {
  type Progress = Extract<M, { type: 'progress' | 'done' }>;
  switch (message.type) {
    case 'progress':
      handlers.push({ entry, message: message as Progress });
      return;
    case 'done':
      entry.intent = 'paused';
      entry.finished = true;
      handlers.push({ entry, message: message as Progress });
      return;
    case 'error': {
      const error = message as Extract<RunWorkerMessage, { type: 'error' }>;
      handlers.fail(entry, error.message, error.fatal);
      return;
    }
    default:
      throw new Error(`Unsupported ${workerName} message: ${JSON.stringify(message)}`);
  }
}
