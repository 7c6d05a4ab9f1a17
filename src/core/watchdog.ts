/**
 * The run workers' watchdog, as pure timing (no timers, no DOM): the page records when it last heard from a worker
 * (any message: a heartbeat, progress, done) and asks at a regular tick whether the worker has been silent for
 * longer than its limit while it should be running.
 *
 *   limit = max(WATCHDOG_FLOOR_MS, WATCHDOG_CHUNK_FACTOR × chunkMs)
 *
 * where chunkMs is the longest chunk of the worker's last WATCHDOG_CHUNK_WINDOW heartbeats (a slow first chunk — JIT
 * warm-up, measured at 0.7 s on a loaded machine — must not stretch the limit for the rest of the run). Before the first
 * measured chunk of a run (shader compilation, the first readback) the limit is WATCHDOG_STARTUP_MS.
 * A tick that comes much later than expected (the laptop slept, the tab was frozen) is a jump of the page's clock,
 * not a silent worker: the silence is measured again from that tick.
 */

/** Silence always allowed while running, ms. Source: issue 12 ("a floor of a few seconds"); status 'estimate'. */
export const WATCHDOG_FLOOR_MS = 4000;
/** Silence allowed per measured chunk time (a chunk may be this many times slower than the slowest seen). Status 'estimate'. */
export const WATCHDOG_CHUNK_FACTOR = 20;
/**
 * Silence allowed before the worker has reported a chunk of the current run, ms: covers WebGL shader compilation and
 * the first readback of a large net. Status 'estimate' (first chunks measured at 0.2–3 s on this machine's cpu/wasm).
 */
export const WATCHDOG_STARTUP_MS = 15_000;
/** Heartbeats whose chunk times set the limit (≈ 4 s of heartbeats at HEARTBEAT_INTERVAL_MS). Status 'estimate'. */
export const WATCHDOG_CHUNK_WINDOW = 8;
/** How often the page checks its workers, ms. Status 'estimate' (detection within floor + one tick). */
export const WATCHDOG_TICK_MS = 500;
/** How often a worker posts a heartbeat between chunks at most, ms (the brief asks for at least every ~1 s). Status 'estimate'. */
export const HEARTBEAT_INTERVAL_MS = 500;

/**
 * A GPU chunk (its one readback) that has not finished after max(GPU_READBACK_FLOOR_MS, GPU_READBACK_CHUNK_FACTOR × the
 * slowest chunk seen) counts as a lost GPU; before the first chunk (shader compilation) GPU_READBACK_STARTUP_MS. Each is
 * below the page watchdog's limit (floor, factor, startup above), so that a hung readback is told as a GPU loss and the run
 * continues on the next backend, not as a silent worker. Status 'estimate' (chunks take 20–300 ms here; the first chunk
 * on Chromium's software WebGPU adapter, shader compilation included, measured 3 to over 10 s on this loaded machine).
 */
export const GPU_READBACK_FLOOR_MS = 3000;
export const GPU_READBACK_CHUNK_FACTOR = 10;
export const GPU_READBACK_STARTUP_MS = 14_000;

/** The readback limit of the train worker's GPU chunks, ms (slowestChunkMs: null before the first chunk). */
export function computeReadbackLimitMs(slowestChunkMs: number | null): number {
  if (slowestChunkMs === null || !Number.isFinite(slowestChunkMs)) return GPU_READBACK_STARTUP_MS;
  return Math.max(GPU_READBACK_FLOOR_MS, GPU_READBACK_CHUNK_FACTOR * Math.max(0, slowestChunkMs));
}

/** What a worker's heartbeat carries (workers/runControl.ts). */
export interface Heartbeat {
  /** The step the worker has reached. */
  step: number;
  /** Wall time of its last chunk, ms. */
  chunkMs: number;
  /** The worker's clock (performance.now() of the worker), ms; for the record only: the page uses its own clock. */
  at: number;
}

/** A worker found silent: how long, and the last step it reported. */
export interface Silence {
  silentMs: number;
  limitMs: number;
  step: number;
}

export interface WatchdogOptions {
  floorMs?: number;
  chunkFactor?: number;
  startupMs?: number;
  tickMs?: number;
}

export interface Watchdog {
  /** The worker spoke at `now` (page clock, ms); a heartbeat also brings its step and chunk time. */
  heard(now: number, beat?: Partial<Pick<Heartbeat, 'step' | 'chunkMs'>>): void;
  /** The worker should be running from `now` on (Play): the silence counts from here. */
  arm(now: number): void;
  /** The worker need not run (pause, done, failure): silence is fine. */
  disarm(): void;
  readonly armed: boolean;
  /** The silence limit now, ms. */
  readonly limitMs: number;
  /** At a tick: the silence if the armed worker has been quiet past its limit, else null. */
  check(now: number): Silence | null;
}

export function computeSilenceLimitMs(chunkMs: number | null, options: WatchdogOptions = {}): number {
  const floorMs = options.floorMs ?? WATCHDOG_FLOOR_MS;
  if (chunkMs === null || !Number.isFinite(chunkMs)) return Math.max(floorMs, options.startupMs ?? WATCHDOG_STARTUP_MS);
  return Math.max(floorMs, (options.chunkFactor ?? WATCHDOG_CHUNK_FACTOR) * Math.max(0, chunkMs));
}

export function createWatchdog(options: WatchdogOptions = {}): Watchdog {
  const tickMs = options.tickMs ?? WATCHDOG_TICK_MS;
  let armed = false;
  let lastHeardAt = 0;
  let lastCheckAt: number | null = null;
  let step = 0;
  /** Chunk times of the latest heartbeats (at most WATCHDOG_CHUNK_WINDOW), ms; empty before the first one. */
  const recentChunks: number[] = [];
  const limit = () => computeSilenceLimitMs(recentChunks.length > 0 ? Math.max(...recentChunks) : null, options);
  return {
    heard(now, beat) {
      lastHeardAt = Math.max(lastHeardAt, now);
      if (beat?.step !== undefined && Number.isFinite(beat.step)) step = beat.step;
      if (beat?.chunkMs !== undefined && Number.isFinite(beat.chunkMs) && beat.chunkMs > 0) {
        recentChunks.push(beat.chunkMs);
        if (recentChunks.length > WATCHDOG_CHUNK_WINDOW) recentChunks.shift();
      }
    },
    arm(now) {
      if (!armed) {
        lastHeardAt = now;
        lastCheckAt = null;
      }
      armed = true;
    },
    disarm() {
      armed = false;
    },
    get armed() {
      return armed;
    },
    get limitMs() {
      return limit();
    },
    check(now) {
      const previousCheck = lastCheckAt;
      lastCheckAt = now;
      if (!armed) return null;
      // A late tick (sleep, frozen tab): the page's clock jumped; count the silence from now.
      if (previousCheck !== null && now - previousCheck > Math.max(limit(), 4 * tickMs)) {
        lastHeardAt = now;
        return null;
      }
      const silentMs = now - lastHeardAt;
      const limitMs = limit();
      return silentMs > limitMs ? { silentMs, limitMs, step } : null;
    },
  };
}

/** The notice's sentence for a silent worker, e.g. "The training worker stopped responding (no progress for 6 s)." */
export function describeSilence(workerName: string, silence: Pick<Silence, 'silentMs'>): string {
  return `The ${workerName} stopped responding (no progress for ${Math.round(silence.silentMs / 1000)} s).`;
}
