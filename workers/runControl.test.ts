import { describe, expect, it } from 'vitest';
import { createRunControl, type RunControlMessage } from './runControl';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('run control: the one message switch of the run roles', () => {
  it('init starts the role, run its loop, step its steps; pause and stop stop wanting the loop; anything else fails', async () => {
    const calls: string[] = [];
    const errors: [string, boolean][] = [];
    let disposed = 0;
    const control = createRunControl({ name: 'test worker', postError: (message, fatal) => errors.push([message, fatal]), dispose: () => disposed++ });
    const jobs = {
      start: async (message: { type: 'init'; cpuShare?: unknown }) => void calls.push(`start ${String(message.cpuShare)}`),
      loop: async () => void calls.push('loop'),
      steps: async (count: number) => void calls.push(`steps ${count}`),
    };
    control.dispatch({ type: 'init', cpuShare: 0.5 }, jobs);
    expect(control.cpuShare).toBe(0.5);
    control.dispatch({ type: 'run' }, jobs);
    expect(control.wantRunning).toBe(true);
    await settle();
    control.dispatch({ type: 'step', count: 3 }, jobs);
    expect(control.wantRunning).toBe(false);
    await settle();
    control.dispatch({ type: 'pause' }, jobs);
    expect(calls).toEqual(['start 0.5', 'loop', 'steps 3']);
    // A role that does not step fails on a step message, as on any unknown message.
    control.dispatch({ type: 'step', count: 1 }, { start: jobs.start, loop: jobs.loop });
    control.dispatch({ type: 'ping' } as unknown as RunControlMessage, jobs);
    expect(errors.map(([message]) => message)).toEqual(['Unsupported message: {"type":"step","count":1}', 'Unsupported message: {"type":"ping"}']);
    control.dispatch({ type: 'stop' }, jobs);
    expect(control.stopped).toBe(true);
    expect(disposed).toBeGreaterThan(0);
  });
});
