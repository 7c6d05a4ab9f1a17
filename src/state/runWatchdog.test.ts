import { describe, expect, it } from 'vitest';
import { WATCHDOG_FLOOR_MS, WATCHDOG_STARTUP_MS, WATCHDOG_TICK_MS, type Silence } from '../core/watchdog';
import { watchRunWorker, type RunWatchdogClock } from './runWatchdog';

/** A fake clock whose one interval runs when advance() passes its ticks. */
function createFakeClock() {
  let now = 0;
  let tick: (() => void) | null = null;
  let every = 0;
  let next = 0;
  const clock: RunWatchdogClock = {
    now: () => now,
    setInterval: (fn, ms) => {
      tick = fn;
      every = ms;
      next = now + ms;
      return 1;
    },
    clearInterval: () => {
      tick = null;
    },
  };
  const advance = (ms: number, each?: () => void) => {
    const end = now + ms;
    while (tick && next <= end) {
      now = next;
      next += every;
      each?.();
      tick?.();
    }
    now = end;
  };
  return {
    clock,
    advance,
    get ticking() {
      return tick !== null;
    },
  };
}

describe('watchRunWorker', () => {
  it('ends a worker that falls silent while it should run, once, with its last step', () => {
    const fake = createFakeClock();
    const silences: Silence[] = [];
    const dog = watchRunWorker({ isWanted: () => true, onSilent: (s) => silences.push(s) }, fake.clock);
    let step = 0;
    dog.heard({ type: 'progress', step: 0 });
    fake.advance(5000, () => {
      step += 50;
      dog.heard({ type: 'heartbeat', step, chunkMs: 20 });
    });
    expect(silences).toEqual([]);
    fake.advance(WATCHDOG_FLOOR_MS + 2 * WATCHDOG_TICK_MS);
    expect(silences).toHaveLength(1);
    expect(silences[0]!.step).toBe(step);
    expect(silences[0]!.silentMs).toBeGreaterThan(WATCHDOG_FLOOR_MS);
    expect(fake.ticking).toBe(false);
    fake.advance(60_000);
    expect(silences).toHaveLength(1);
  });

  it('is not armed before the worker first speaks (init), nor while the user does not want it running', () => {
    const fake = createFakeClock();
    let wanted = true;
    const silences: Silence[] = [];
    const dog = watchRunWorker({ isWanted: () => wanted, onSilent: (s) => silences.push(s) }, fake.clock);
    fake.advance(60_000); // init: loading tf.js, measuring backends
    expect(silences).toEqual([]);
    dog.heard({ type: 'progress', step: 0 });
    wanted = false; // paused
    fake.advance(60_000);
    expect(silences).toEqual([]);
    wanted = true; // Play: the first chunk gets the start-up grace
    fake.advance(WATCHDOG_STARTUP_MS);
    expect(silences).toEqual([]);
    fake.advance(2 * WATCHDOG_TICK_MS);
    expect(silences).toHaveLength(1);
  });

  it('stops ticking on dispose', () => {
    const fake = createFakeClock();
    const dog = watchRunWorker({ isWanted: () => true, onSilent: () => {} }, fake.clock);
    dog.dispose();
    expect(fake.ticking).toBe(false);
  });
});
