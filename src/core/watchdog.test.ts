import { describe, expect, it } from 'vitest';
import { WATCHDOG_CHUNK_WINDOW, WATCHDOG_FLOOR_MS, WATCHDOG_STARTUP_MS, computeReadbackLimitMs, computeSilenceLimitMs, createWatchdog, describeSilence } from './watchdog';

/** Drives a watchdog with a fake clock: ticks every `tick` ms from `from` to `to`, returns the first silence. */
function tickUntil(dog: ReturnType<typeof createWatchdog>, from: number, to: number, tick = 500) {
  for (let now = from; now <= to; now += tick) {
    const silence = dog.check(now);
    if (silence) return { now, silence };
  }
  return null;
}

describe('computeSilenceLimitMs', () => {
  it('is the floor for fast chunks and k × the chunk time for slow ones', () => {
    expect(computeSilenceLimitMs(20)).toBe(WATCHDOG_FLOOR_MS);
    expect(computeSilenceLimitMs(1000, { chunkFactor: 10 })).toBe(10_000);
    expect(computeSilenceLimitMs(0)).toBe(WATCHDOG_FLOOR_MS);
  });
  it('allows the start-up grace before any chunk was measured, and for NaN/Inf', () => {
    expect(computeSilenceLimitMs(null)).toBe(WATCHDOG_STARTUP_MS);
    expect(computeSilenceLimitMs(Number.NaN)).toBe(WATCHDOG_STARTUP_MS);
    expect(computeSilenceLimitMs(Number.POSITIVE_INFINITY)).toBe(WATCHDOG_STARTUP_MS);
  });
});

describe('computeReadbackLimitMs', () => {
  it('tells a hung GPU readback before the page watchdog would call the worker silent, for every chunk time', () => {
    for (const chunkMs of [null, 0, 5, 20, 150, 300, 1000, 5000]) {
      expect(computeReadbackLimitMs(chunkMs)).toBeLessThan(computeSilenceLimitMs(chunkMs));
    }
    expect(computeReadbackLimitMs(20)).toBe(3000);
    expect(computeReadbackLimitMs(1000)).toBe(10_000);
  });
});

describe('createWatchdog', () => {
  it('never fires while disarmed (paused), however long the silence', () => {
    const dog = createWatchdog();
    dog.heard(0, { step: 10, chunkMs: 20 });
    expect(tickUntil(dog, 0, 120_000)).toBeNull();
  });

  it('stays quiet while heartbeats come, and fires just past the floor once they stop', () => {
    const dog = createWatchdog();
    dog.arm(0);
    for (let now = 0; now <= 10_000; now += 500) {
      dog.heard(now, { step: now / 10, chunkMs: 20 });
      expect(dog.check(now)).toBeNull();
    }
    // Heartbeats stop at t = 10 s (step 1000).
    const found = tickUntil(dog, 10_500, 30_000);
    expect(found).not.toBeNull();
    expect(found!.now).toBe(10_000 + WATCHDOG_FLOOR_MS + 500);
    expect(found!.silence).toEqual({ silentMs: WATCHDOG_FLOOR_MS + 500, limitMs: WATCHDOG_FLOOR_MS, step: 1000 });
  });

  it('gives slow chunks k × their time before firing', () => {
    const dog = createWatchdog({ chunkFactor: 10 });
    dog.arm(0);
    dog.heard(0, { step: 1, chunkMs: 900 });
    expect(dog.limitMs).toBe(9000);
    expect(tickUntil(dog, 0, 9000)).toBeNull();
    expect(dog.check(9500)).not.toBeNull();
  });

  it('forgets a slow first chunk once WATCHDOG_CHUNK_WINDOW faster heartbeats came', () => {
    const dog = createWatchdog();
    dog.arm(0);
    dog.heard(0, { step: 10, chunkMs: 700 });
    expect(dog.limitMs).toBe(14_000);
    for (let i = 1; i <= WATCHDOG_CHUNK_WINDOW; i++) dog.heard(500 * i, { step: 10 + i, chunkMs: 20 });
    expect(dog.limitMs).toBe(WATCHDOG_FLOOR_MS);
  });

  it('gives the first chunk of a run the start-up grace', () => {
    const dog = createWatchdog();
    dog.arm(1000);
    expect(tickUntil(dog, 1000, 1000 + WATCHDOG_STARTUP_MS)).toBeNull();
    expect(dog.check(1000 + WATCHDOG_STARTUP_MS + 500)?.silentMs).toBe(WATCHDOG_STARTUP_MS + 500);
  });

  it('counts silence from Play, not from the pause before it', () => {
    const dog = createWatchdog();
    dog.heard(0, { step: 5, chunkMs: 20 });
    expect(tickUntil(dog, 0, 60_000)).toBeNull(); // paused for a minute
    dog.arm(60_000);
    expect(dog.check(60_500)).toBeNull();
    expect(tickUntil(dog, 61_000, 60_000 + WATCHDOG_FLOOR_MS)).toBeNull();
    expect(dog.check(60_000 + WATCHDOG_FLOOR_MS + 500)).not.toBeNull();
  });

  it('any message counts as a sign of life (progress without a heartbeat)', () => {
    const dog = createWatchdog();
    dog.arm(0);
    dog.heard(0, { step: 0, chunkMs: 20 });
    for (let now = 500; now <= 20_000; now += 500) {
      dog.heard(now);
      expect(dog.check(now)).toBeNull();
    }
  });

  it('takes a late tick (the laptop slept) for a clock jump, not a silent worker', () => {
    const dog = createWatchdog();
    dog.arm(0);
    dog.heard(0, { step: 3, chunkMs: 20 });
    expect(dog.check(500)).toBeNull();
    expect(dog.check(600_000)).toBeNull(); // ten minutes later: re-baselined
    dog.heard(600_100, { step: 4, chunkMs: 20 });
    expect(dog.check(600_500)).toBeNull();
    // But a worker that is then silent is still caught.
    expect(tickUntil(dog, 601_000, 620_000)?.silence.step).toBe(4);
  });

  it('disarm after a fire keeps it from firing again', () => {
    const dog = createWatchdog();
    dog.arm(0);
    dog.heard(0, { step: 0, chunkMs: 20 });
    expect(tickUntil(dog, 500, 10_000)).not.toBeNull();
    dog.disarm();
    expect(dog.armed).toBe(false);
    expect(tickUntil(dog, 10_000, 30_000)).toBeNull();
  });
});

describe('describeSilence', () => {
  it('says who stopped and for how long, in whole seconds', () => {
    expect(describeSilence('training worker', { silentMs: 6200 })).toBe('The training worker stopped responding (no progress for 6 s).');
  });
});
