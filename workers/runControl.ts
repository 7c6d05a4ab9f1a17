/// <reference lib="webworker" />
/**
 * The run control of a worker role that trains in a loop (train, sweep, axtrain): one `init`, then `run`,
 * `pause`, `step` and `stop`; every job waits for init, runs alone, and any exception becomes an
 * `error` message. Between chunks a loop rests as its cpuShare asks (src/core/cpuShare.ts) and yields,
 * so pause and stop are handled promptly. The role brings its initialization, loops and disposal.
 */
import { computeRestMs } from '../src/core/cpuShare';
import { formatMessage, type Message } from '../src/core/messages';
import { HEARTBEAT_INTERVAL_MS, type Heartbeat } from '../src/core/watchdog';

export interface RunControlRole {
  /** Role name for messages, e.g. 'sweep worker'. */
  name: string;
  /** `localized`: the same in every interface language, where the worker words the failure itself. */
  postError(message: string, fatal: boolean, localized?: Message): void;
  /**
   * Posts `{ type: 'heartbeat', ...beat }` for the page's watchdog (src/core/watchdog.ts). rest() calls it between chunks,
   * at most every HEARTBEAT_INTERVAL_MS: only a finished chunk proves progress (a timer would keep beating through a hung
   * readback, which is the very fault the watchdog is for).
   */
  postHeartbeat(beat: Heartbeat): void;
  /** The step the role has reached (for the heartbeat). */
  currentStep(): number;
  /** Frees the role's models (after stop, once no job runs). */
  dispose(): void;
}

export interface RunControl {
  /** True while the user wants the run loop going (run, until pause, stop, a failure or the end). */
  readonly wantRunning: boolean;
  readonly stopped: boolean;
  readonly failed: boolean;
  /** Fraction of a core this worker may train (init's cpuShare). */
  readonly cpuShare: number;
  /** Posts the error and ends the loop. */
  fail(reason: string | Message, fatal: boolean): void;
  init(message: { cpuShare?: unknown }, start: () => Promise<void>): void;
  /** Wants the loop going and schedules it. */
  run(loop: () => Promise<void>): void;
  pause(): void;
  /** Stops wanting the loop and schedules a bounded job (e.g. N steps). */
  step(job: () => Promise<void>): void;
  stop(): void;
  /** The loop is done of its own accord (the end of training). */
  finish(): void;
  /**
   * Runs body unless the run failed. A body that comes while another job runs waits for its end and then runs if the loop
   * is still wanted (the latest one only: Play pressed while a pause's views are computed starts the loop; a second Play
   * or a step that came meanwhile does not). Disposes after it when stop came meanwhile.
   */
  exclusive(body: () => Promise<void>): Promise<void>;
  /** Posts a heartbeat if one is due (roles whose loop does not go through rest, e.g. NAS's session callbacks). */
  heartbeat(chunkMs: number): void;
  /** Yields to the event loop after a chunk of chunkMs, resting as cpuShare asks (Pause and Stop end the rest); posts a heartbeat when one is due. */
  rest(chunkMs: number): Promise<void>;
  /**
   * The interrupt of a sliced step (src/ml/types.ts TrainOptions), for one chunk: between slices it beats, yields to the
   * worker's messages (Pause, Stop) and then says whether the job ends there (stop, a failure, or `shouldEnd`).
   */
  sliceInterrupt(shouldEnd: () => boolean): () => Promise<boolean>;
  /** Installs the role's message handler and turns unhandled rejections into error messages. */
  listen<M>(scope: DedicatedWorkerGlobalScope, handle: (message: M) => void): void;
  /** The one message switch of every run role: init starts the role, run / pause / step / stop drive its loop; anything else fails. */
  dispatch<M extends RunControlMessage>(message: M, role: RunRoleJobs<M>): void;
}

/** The messages every run role takes (workers/*Protocol.ts: init carries the role's own fields; only the train role steps). */
export type RunControlMessage = { type: 'init'; cpuShare?: unknown } | { type: 'run' } | { type: 'pause' } | { type: 'step'; count: number } | { type: 'stop' };

export interface RunRoleJobs<M extends RunControlMessage> {
  /** Builds the role's models from its init message. */
  start(message: Extract<M, { type: 'init' }>): Promise<void>;
  /** The run loop (until pause, stop, a failure or the end). */
  loop(): Promise<void>;
  /** N steps (roles that step). */
  steps?(count: number): Promise<void>;
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

export function createRunControl(role: RunControlRole): RunControl {
  let initPromise: Promise<void> | null = null;
  let wantRunning = false;
  let busy = false;
  /** The job that came while another ran (exclusive): it runs next. */
  let waiting: (() => Promise<void>) | null = null;
  let stopped = false;
  let failed = false;
  let cpuShare = 1;
  let lastBeatAt = Number.NEGATIVE_INFINITY;
  /** Ends the rest in progress (Pause and Stop are answered without waiting out a long rest). */
  let endRest: (() => void) | null = null;
  /** Longest chunk since the last heartbeat, ms (the watchdog's limit grows with it). */
  let slowestChunkMs = 0;
  const beat = (chunkMs: number) => {
    slowestChunkMs = Math.max(slowestChunkMs, chunkMs);
    const now = performance.now();
    if (now - lastBeatAt < HEARTBEAT_INTERVAL_MS) return;
    lastBeatAt = now;
    role.postHeartbeat({ step: role.currentStep(), chunkMs: slowestChunkMs, at: now });
    slowestChunkMs = 0;
  };

  const fail = (reason: string | Message, fatal: boolean) => {
    failed = true;
    wantRunning = false;
    if (typeof reason === 'string') role.postError(reason, fatal);
    else role.postError(formatMessage(reason, 'en'), fatal, reason);
  };
  /** Runs a job after init, turning any exception into an `error` message. */
  const schedule = (job: () => Promise<void>) => {
    const ready = initPromise ?? Promise.reject(new Error(`The ${role.name} received a command before init.`));
    ready.then(job).catch((error: unknown) => {
      if (!stopped && !failed) fail(describeError(error), true);
    });
  };

  return {
    get wantRunning() {
      return wantRunning;
    },
    get stopped() {
      return stopped;
    },
    get failed() {
      return failed;
    },
    get cpuShare() {
      return cpuShare;
    },
    fail,
    init(message, start) {
      if (initPromise) {
        fail(`The ${role.name} was initialised twice; press Reset.`, true);
        return;
      }
      cpuShare = typeof message.cpuShare === 'number' && message.cpuShare > 0 ? Math.min(1, message.cpuShare) : 1;
      initPromise = start();
      schedule(async () => {});
    },
    run(loop) {
      wantRunning = true;
      schedule(loop);
    },
    pause() {
      wantRunning = false;
      endRest?.();
    },
    step(job) {
      wantRunning = false;
      schedule(job);
    },
    stop() {
      stopped = true;
      wantRunning = false;
      endRest?.();
      if (!busy) role.dispose();
    },
    finish() {
      wantRunning = false;
    },
    async exclusive(body) {
      if (failed) return;
      if (busy) {
        waiting = body;
        return;
      }
      busy = true;
      try {
        await body();
        while (waiting && wantRunning && !stopped && !failed) {
          const next = waiting;
          waiting = null;
          await next();
        }
      } finally {
        busy = false;
        waiting = null;
        if (stopped) role.dispose();
      }
    },
    heartbeat: beat,
    rest: (chunkMs) => {
      beat(chunkMs);
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          endRest = null;
          resolve();
        };
        const timer = setTimeout(done, computeRestMs(chunkMs, cpuShare));
        endRest = done;
      });
    },
    sliceInterrupt(shouldEnd) {
      let sliceStartedAt = performance.now();
      return async () => {
        beat(performance.now() - sliceStartedAt);
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        sliceStartedAt = performance.now();
        return stopped || failed || shouldEnd();
      };
    },
    dispatch(message, jobs) {
      switch (message.type) {
        case 'init':
          this.init(message, () => jobs.start(message as Extract<typeof message, { type: 'init' }>));
          return;
        case 'run':
          this.run(() => jobs.loop());
          return;
        case 'pause':
          this.pause();
          return;
        case 'step':
          if (jobs.steps) {
            const { count } = message as Extract<RunControlMessage, { type: 'step' }>;
            this.step(() => jobs.steps!(count));
            return;
          }
          break;
        case 'stop':
          this.stop();
          return;
      }
      fail(`Unsupported message: ${JSON.stringify(message)}`, true);
    },
    listen(scope, handle) {
      scope.onmessage = (event: MessageEvent) => handle(event.data);
      scope.onunhandledrejection = (event: PromiseRejectionEvent) => {
        event.preventDefault();
        fail(describeError(event.reason), true);
      };
    },
  };
}
