/**
 * Messages between the page (src/state/sweepController.ts) and the sweep worker (workers/sweep.worker.ts):
 * every variant of a sweep trains as one model of one ModelGroupTrainer. Unions tagged by `type`.
 */
import type { GroupCheckpoint } from '../src/core/checkpoint';
import type { BackendName, LabConfig } from '../src/core/config';
import type { SweepPlan } from '../src/core/sweep';
import type { EvaluationPoint } from '../src/ml/types';
import type { BackendAttempt, HeartbeatMessage, WorkerErrorMessage } from './protocol';
import type { Divergence } from '../src/core/divergence';

export type ToSweepWorkerMessage =
  /** `plan` from planSweep (plain data); `config` is the sweep's base config (its backend choice is used). */
  { type: 'init'; plan: SweepPlan; config: LabConfig; cpuShare?: number; resume?: SweepResume } | { type: 'run' } | { type: 'pause' } | { type: 'stop' };

/**
 * Continue a sweep from its last checkpoint (after a fault) on `backend`, unmeasured: the checkpoint's own backend
 * continues bit for bit (the plan must be the checkpoint's). Without a checkpoint (a GPU lost before the first) the
 * sweep trains from step 0 on `backend`.
 */
export interface SweepResume {
  checkpoint?: GroupCheckpoint;
  backend: BackendName;
}

/** One evaluation point of one variant. */
export interface SweepPointMessage {
  variant: number;
  point: EvaluationPoint;
}

export interface SweepProgressPayload {
  /** Group step reached (every variant that has not stopped is here). */
  step: number;
  totalSteps: number;
  running: boolean;
  /** Set on the first message after init, null afterwards. */
  backend: BackendName | null;
  backendReport: BackendAttempt[] | null;
  /** Model-steps per wall-clock second over the last window (group steps/s × variants still training). */
  modelStepsPerSecond: number;
  /** Group steps per wall-clock second over the last window. */
  stepsPerSecond: number;
  trainingMs: number;
  /** Points since the previous message, in step order. */
  points: SweepPointMessage[];
  /** Variants that diverged since the previous message (they keep their last good weights; the others go on). */
  stopped: ({ variant: number } & Divergence)[];
}

export type FromSweepWorkerMessage =
  | ({ type: 'progress' } & SweepProgressPayload)
  | ({ type: 'done' } & SweepProgressPayload)
  | HeartbeatMessage
  /** The group's last good state, at an evaluation step (at most every CHECKPOINT_INTERVAL_MS), after that step's progress. */
  | { type: 'checkpoint'; checkpoint: GroupCheckpoint }
  /** The GPU backend stopped working (workers/gpuGuard.ts); the worker trains no more, the page continues elsewhere. */
  | { type: 'gpu-lost'; backend: BackendName; reason: string; step: number }
  | WorkerErrorMessage;
