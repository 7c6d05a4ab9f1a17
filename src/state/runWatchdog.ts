/**
 * The one watchdog of the page's run workers (the lab's run, compare lanes, the sweep, AxTrain, NAS): every message
 * of a worker is a sign of life, heartbeats bring its step and chunk time (workers/runControl.ts), and a tick every
 * WATCHDOG_TICK_MS asks src/core/watchdog.ts whether the worker has been silent past its limit while it should be
 * running. Armed only once the worker has spoken (init done: loading tf.js and measuring backends are not training)
 * and while `isWanted()` says the user wants it running. On silence it stops ticking and calls `onSilent` once;
 * the controller ends the worker and says so.
 */
import { WATCHDOG_TICK_MS, createWatchdog, type Silence, type WatchdogOptions } from '../core/watchdog';

export interface RunWatchdog {
  /** Every message of the worker goes through here (a heartbeat's step and chunk time feed the limit). */
  heard(message: { type: string; step?: unknown; chunkMs?: unknown }): void;
  /** Stops ticking (the worker was terminated or replaced). */
  dispose(): void;
}

export interface RunWatchdogClock {
  now(): number;
  setInterval(tick: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

const REAL_CLOCK: RunWatchdogClock = {
  now: () => performance.now(),
  setInterval: (tick, ms) => setInterval(tick, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

export function watchRunWorker(
  handlers: { isWanted: () => boolean; onSilent: (silence: Silence) => void },
  clock: RunWatchdogClock = REAL_CLOCK,
  options: WatchdogOptions = {},
): RunWatchdog {
  const dog = createWatchdog(options);
  let spoken = false;
  let handle: unknown = null;
  const dispose = () => {
    if (handle !== null) clock.clearInterval(handle);
    handle = null;
  };
  const tick = () => {
    const now = clock.now();
    const wanted = spoken && handlers.isWanted();
    if (wanted && !dog.armed) dog.arm(now);
    else if (!wanted && dog.armed) dog.disarm();
    const silence = dog.check(now);
    if (!silence) return;
    dispose();
    dog.disarm();
    handlers.onSilent(silence);
  };
  handle = clock.setInterval(tick, options.tickMs ?? WATCHDOG_TICK_MS);
  return {
    heard(message) {
      spoken = true;
      // Progress of the lab's worker carries its step too; only heartbeats carry the chunk time.
      dog.heard(clock.now(), {
        ...(typeof message.step === 'number' ? { step: message.step } : {}),
        ...(message.type === 'heartbeat' && typeof message.chunkMs === 'number' ? { chunkMs: message.chunkMs } : {}),
      });
    },
    dispose,
  };
}
