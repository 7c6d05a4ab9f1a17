/**
 * Messages between the NAS view (src/state/nasController.ts) and its worker (workers/nas.worker.ts). The worker
 * owns the searches' state (SMAC's surrogate and ledger); the page gets each round's records as they are told.
 */
import type { BackendChoice, BackendName } from '../src/core/config';
import type { NasRecord } from '../src/core/nas/run';
import type { FeatureImportance } from '../src/core/nas/surrogate';
import type { NasRunConfig } from '../src/core/nas/config';
import type { BackendAttempt, HeartbeatMessage } from './protocol';

/** The rows of each split of a NAS run's data: numbers, not words, so that the view can say them in its language. */
export interface NasDataSplits {
  target: string;
  train: number;
  validation: number;
  test: number;
}

export type ToNasWorkerMessage = { type: 'init'; config: NasRunConfig; backend: BackendChoice; cpuShare?: number } | { type: 'run' } | { type: 'pause' } | { type: 'stop' };

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
  | { type: 'error'; message: string; fatal: boolean };
