/**
 * Messages between the NAS view (src/state/nasController.ts) and its worker (workers/nas.worker.ts). The worker
 * owns the searches' state (SMAC's surrogate and ledger); the page gets each round's records as they are told.
 */
import type { BackendChoice, BackendName } from '../src/core/config';
import type { NasRecord } from '../src/core/nas/run';
import type { FeatureImportance } from '../src/core/nas/surrogate';
import type { NasRunConfig } from '../src/core/nas/config';
import type { BackendAttempt, HeartbeatMessage, WorkerErrorMessage } from './protocol';

/** The rows of each split of a NAS run's data: numbers, not words, so that the view can say them in its language. */
export interface NasDataSplits {
  target: string;
  train: number;
  validation: number;
  test: number;
}

export type ToNasWorkerMessage =
  | { type: 'init'; config: NasRunConfig; backend: BackendChoice; cpuShare?: number; resume?: NasResume }
  | { type: 'run' }
  | { type: 'pause' }
  | { type: 'stop' };

/**
 * Continue a NAS run after a fault on `backend` (its `backend` field of init is then this one): the records told so
 * far, in order (the page's). Fresh searches replay them: every search asks as before, the asked candidates' measures
 * come from the records (none is trained again), and each is told the same f_perf, so the searches reach the state
 * they had, and the run goes on as an uninterrupted one would (src/core/nas/run.ts replayNasMeasures).
 */
export interface NasResume {
  records: NasRecord[];
  backend: BackendName;
}

/** Where a NAS run can continue from: after its last told round (`step`: the records told so far). */
export interface NasCheckpoint {
  step: number;
  round: number;
  backend: BackendName;
}

export interface NasProgressPayload {
  running: boolean;
  /** First message after init only, else null. */
  backend: BackendName | null;
  backendReport: BackendAttempt[] | null;
  /** The data's splits (first message only): the view words them in its language (src/ui/nas/NasView.tsx). */
  data: NasDataSplits | null;
  /** The 'max' normalization's scale (first message only). */
  scale: { maxSpeedup: number; maxEnergyReduction: number } | null;
  /** Records told since the previous message. */
  records: NasRecord[];
  /** The batch in training now: candidates, steps done of its total. */
  training: { candidates: number; step: number; totalSteps: number } | null;
  /** SMAC's surrogate importance (mean decrease in impurity), after the latest refit; null when unchanged. */
  importance: FeatureImportance | null;
}

export type FromNasWorkerMessage =
  | ({ type: 'progress' } & NasProgressPayload)
  | ({ type: 'done' } & NasProgressPayload)
  | HeartbeatMessage
  /** After each told round, after the progress that carries its records. */
  | { type: 'checkpoint'; checkpoint: NasCheckpoint }
  /** The GPU backend stopped working (workers/gpuGuard.ts); the worker searches no more, the page continues elsewhere. */
  | { type: 'gpu-lost'; backend: BackendName; reason: string; step: number }
  | WorkerErrorMessage;
