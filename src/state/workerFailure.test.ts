import { describe, expect, it } from 'vitest';
import { formatMessage } from '../core/messages';
import { describeWorkerFailure } from './trainingController';
import { WORKER_LOAD_FAILURE_TEXT, isCodeLoadFailure, isWorkerLoadFailure } from './workerFailure';

/** Node has Event but no ErrorEvent: an Event with a `message`, as a Worker's ErrorEvent carries. */
function errorEvent(message: string): Event {
  return Object.assign(new Event('error'), { message });
}

describe('worker load failures', () => {
  it('an error event before the first message with no script error is a load failure', () => {
    expect(isWorkerLoadFailure(new Event('error'), false)).toBe(true);
    expect(isWorkerLoadFailure(errorEvent(''), false)).toBe(true);
    expect(isWorkerLoadFailure(errorEvent('Failed to fetch dynamically imported module: http://x/assets/a.js'), false)).toBe(true);
  });

  it('a script error, or any error once the worker has spoken, is a crash', () => {
    expect(isWorkerLoadFailure(errorEvent('Uncaught ReferenceError: e is not defined'), false)).toBe(false);
    expect(isWorkerLoadFailure(new Event('error'), true)).toBe(false);
  });

  it('recognises the browsers’ failed-import messages', () => {
    for (const text of [
      'Failed to fetch dynamically imported module: http://127.0.0.1/assets/photos-1.js',
      'error loading dynamically imported module: http://127.0.0.1/assets/photos-1.js',
      'Importing a module script failed.',
      'Failed to load module script: Expected a JavaScript module script',
    ])
      expect(isCodeLoadFailure(text)).toBe(true);
    expect(isCodeLoadFailure('Loss is NaN at step 40')).toBe(false);
  });

  it('the notice says the code could not be loaded, not that the worker crashed', () => {
    expect(describeWorkerFailure('Failed to fetch dynamically imported module: http://x/a.js')).toEqual({ kind: 'crash', text: WORKER_LOAD_FAILURE_TEXT });
    expect(describeWorkerFailure(WORKER_LOAD_FAILURE_TEXT).text).toBe(WORKER_LOAD_FAILURE_TEXT);
    expect(describeWorkerFailure('boom').text).toBe('Training stopped: boom Press Reset to start again.');
    expect(formatMessage(describeWorkerFailure('boom').message!, 'zh')).toBe('训练已停止：boom按“重置”重新开始。');
  });
});
