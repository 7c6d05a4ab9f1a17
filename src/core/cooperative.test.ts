import { describe, expect, it } from 'vitest';
import { runCooperatively, runToCompletion } from './cooperative';

/** Ten steps yielding 1…10, returning their sum; `log` records each step and `clock.t` advances 4 ms per step. */
function* countSteps(log: string[], clock: { t: number }): Generator<number, number> {
  let sum = 0;
  for (let i = 1; i <= 10; i++) {
    log.push(`step ${i}`);
    clock.t += 4;
    sum += i;
    yield i;
  }
  return sum;
}

describe('cooperative scheduler', () => {
  it('runToCompletion returns the result at once', () => {
    expect(runToCompletion(countSteps([], { t: 0 }))).toBe(55);
  });

  it('runs steps in slices of sliceMs, yielding to the event loop between them, with the same result', async () => {
    const log: string[] = [];
    const clock = { t: 0 };
    const progress: number[] = [];
    const result = await runCooperatively(countSteps(log, clock), {
      sliceMs: 10,
      now: () => clock.t,
      pause: async () => {
        log.push('pause');
      },
      onProgress: (value) => progress.push(value),
    });
    expect(result).toBe(55);
    // 4 ms per step: a slice ends once 10 ms have passed, i.e. after 3 steps.
    expect(log.join(',')).toBe('step 1,step 2,step 3,pause,step 4,step 5,step 6,pause,step 7,step 8,step 9,pause,step 10');
    expect(progress).toEqual([3, 6, 9]);
  });

  it('stops and closes the generator when aborted, resolving to null', async () => {
    const signal = { aborted: false };
    let closed = false;
    function* steps(): Generator<number, string> {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        closed = true;
      }
    }
    let slices = 0;
    const run = runCooperatively(steps(), {
      sliceMs: 0,
      pause: async () => {
        slices++;
        if (slices === 3) signal.aborted = true;
      },
      signal,
    });
    expect(await run).toBeNull();
    expect(slices).toBe(3);
    expect(closed).toBe(true);
  });

  it('rejects when a step throws, and yields to the real event loop by default', async () => {
    function* failing(): Generator<number, number> {
      yield 1;
      throw new RangeError('boom');
    }
    await expect(runCooperatively(failing(), { sliceMs: 0 })).rejects.toThrow('boom');
    let timerRan = false;
    setTimeout(() => {
      timerRan = true;
    }, 0);
    const clock = { t: 0 };
    await runCooperatively(countSteps([], clock), { sliceMs: 1, now: () => clock.t });
    expect(timerRan).toBe(true); // a timer queued before the run got its turn between slices
  });
});
