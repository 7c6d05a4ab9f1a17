import { describe, expect, it, vi } from 'vitest';
import { HEARTBEAT_INTERVAL_MS, type Heartbeat } from '../src/core/watchdog';
import { createRunControl, type RunControlMessage } from './runControl';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('run control: the one message switch of the run roles', () => {
  it('init starts the role, run its loop, step its steps; pause and stop stop wanting the loop; anything else fails', async () => {
    const calls: string[] = [];
    const errors: [string, boolean][] = [];
    let disposed = 0;
    const control = createRunControl({
      name: 'test worker',
      postError: (message, fatal) => errors.push([message, fatal]),
      postHeartbeat: () => {},
      currentStep: () => 0,
      dispose: () => disposed++,
    });
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

  it('rest posts a heartbeat between chunks, at most every HEARTBEAT_INTERVAL_MS, with the step and the slowest chunk since the last one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    try {
      const beats: Heartbeat[] = [];
      let step = 0;
      const control = createRunControl({ name: 'test worker', postError: () => {}, postHeartbeat: (beat) => beats.push(beat), currentStep: () => step, dispose: () => {} });
      const rest = async (chunkMs: number) => {
        const done = control.rest(chunkMs);
        await vi.runAllTimersAsync();
        await done;
      };
      step = 10;
      await rest(30);
      expect(beats.map(({ step, chunkMs }) => [step, chunkMs])).toEqual([[10, 30]]);
      step = 20;
      await rest(80); // within the interval: no heartbeat, but its chunk time is remembered
      step = 30;
      await rest(5);
      expect(beats).toHaveLength(1);
      vi.advanceTimersByTime(HEARTBEAT_INTERVAL_MS);
      step = 40;
      await rest(10);
      expect(beats.map(({ step, chunkMs }) => [step, chunkMs])).toEqual([
        [10, 30],
        [40, 80],
      ]);
      expect(beats[1]!.at - beats[0]!.at).toBeGreaterThanOrEqual(HEARTBEAT_INTERVAL_MS);
    } finally {
      vi.useRealTimers();
    }
  });

  it('Pause and Stop end a long rest at once (a slow chunk on a small cpuShare rests for seconds)', async () => {
    const control = createRunControl({ name: 'test worker', postError: () => {}, postHeartbeat: () => {}, currentStep: () => 0, dispose: () => {} });
    control.init({ cpuShare: 0.1 }, async () => {});
    const started = performance.now();
    const resting = control.rest(5000); // a share of 0.1 after a 5 s chunk: a rest of many seconds
    setTimeout(() => control.pause(), 20);
    await resting;
    expect(performance.now() - started).toBeLessThan(1000);
    const again = control.rest(5000);
    setTimeout(() => control.stop(), 20);
    await again;
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('the slice interrupt yields to messages, beats with the slice time, and says stop after Pause or Stop', async () => {
    const beats: Heartbeat[] = [];
    const control = createRunControl({ name: 'test worker', postError: () => {}, postHeartbeat: (beat) => beats.push(beat), currentStep: () => 7, dispose: () => {} });
    control.init({}, async () => {});
    control.run(async () => {});
    let ending = false;
    const interrupt = control.sliceInterrupt(() => ending);
    expect(await interrupt()).toBe(false);
    expect(beats.map((b) => b.step)).toEqual([7]);
    // A pause that arrives as a message while the slice runs is seen at the next yield.
    setTimeout(() => control.pause(), 0);
    expect(await interrupt()).toBe(false); // the role's own test (here: ending) decides for a pause
    ending = true;
    expect(await interrupt()).toBe(true);
    ending = false;
    control.stop();
    expect(await interrupt()).toBe(true); // stop always ends the slices
  });
});

describe('run control: jobs that come while one runs', () => {
  const make = () => createRunControl({ name: 'test worker', postError: () => {}, postHeartbeat: () => {}, currentStep: () => 0, dispose: () => {} });

  it('Play pressed while a paused loop still settles starts the loop after it; a second Play or a step meanwhile does not', async () => {
    const control = make();
    control.init({}, async () => {});
    const ran: string[] = [];
    let release: () => void = () => {};
    const settling = new Promise<void>((resolve) => (release = resolve));
    const first = control.exclusive(async () => {
      ran.push('pause views');
      await settling;
    });
    control.run(async () => {}); // the page's Play: the loop is wanted again
    void control.exclusive(async () => void ran.push('loop'));
    release();
    await first;
    expect(ran).toEqual(['pause views', 'loop']);

    control.pause();
    let releaseAgain: () => void = () => {};
    const again = control.exclusive(() => new Promise<void>((resolve) => (releaseAgain = resolve)));
    void control.exclusive(async () => void ran.push('not wanted')); // came while paused: dropped, as a step job is
    releaseAgain();
    await again;
    expect(ran).toEqual(['pause views', 'loop']);
  });
});
