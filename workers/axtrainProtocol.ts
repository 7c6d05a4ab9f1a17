/**
 * Messages between the page (src/state/axtrainController.ts) and the AxTrain worker (workers/axtrain.worker.ts):
 * every method of an AxTrain config trains in one worker, in lockstep (src/ml/axtrain/session.ts). Unions tagged
 * by `type`, handled in exhaustive switches on both sides.
 */
import type { AxtrainConfig } from '../src/core/axtrain/config';
import type { AxtrainMethodDelta } from '../src/core/axtrain/run';
import type { BackendChoice, BackendName } from '../src/core/config';
import type { BackendAttempt, HeartbeatMessage, WorkerErrorMessage } from './protocol';
import type { AxtrainCheckpoint } from '../src/core/checkpoint';

export type ToAxtrainWorkerMessage =
  /** `backend` is the lab's choice (the link's `backend=`): 'auto' measures this very run's methods. `cpuShare` as protocol.ts. */
  { type: 'init'; config: AxtrainConfig; backend: BackendChoice; cpuShare?: number; resume?: AxtrainResume } | { type: 'run' } | { type: 'pause' } | { type: 'stop' };

/**
 * Continue an AxTrain run from its last checkpoint (after a fault) on `backend`, unmeasured (without a checkpoint: from
 * epoch 0): the checkpoint's own backend continues bit for bit (the config must be the checkpoint's).
 */
export interface AxtrainResume {
  checkpoint?: AxtrainCheckpoint;
  backend: BackendName;
}

export interface AxtrainProgressPayload {
  /** Whether the run loop is still going after this message. */
  running: boolean;
  /** Set on the first message after init, null afterwards. */
  backend: BackendName | null;
  backendReport: BackendAttempt[] | null;
  /** The data in words ("Breast cancer …: 455 train / 114 test rows"); first message only, else null. */
  description: string | null;
  /** Evaluation cadence in steps (first message only, else null). */
  evalEverySteps: number | null;
  /** Method-steps per wall-clock second over the last window (summed over the methods that train). */
  stepsPerSecond: number;
  /** Wall time inside train(), summed over methods, ms. */
  trainingMs: number;
  /**
   * The methods that changed since the previous message (every method on the first one): points to append, and
   * the latest landscape, sensitivity map (its Float32Array transferred) and hardware report, null when unchanged.
   */
  methods: AxtrainMethodDelta[];
}

export type FromAxtrainWorkerMessage =
  | ({ type: 'progress' } & AxtrainProgressPayload)
  | ({ type: 'done' } & AxtrainProgressPayload)
  | HeartbeatMessage
  /** Every method's state between two rounds, after an evaluation (at most every CHECKPOINT_INTERVAL_MS), after that round's progress. */
  | { type: 'checkpoint'; checkpoint: AxtrainCheckpoint }
  /** The GPU backend stopped working (workers/gpuGuard.ts); the worker trains no more, the page continues elsewhere. */
  | { type: 'gpu-lost'; backend: BackendName; reason: string; step: number }
  | WorkerErrorMessage;
