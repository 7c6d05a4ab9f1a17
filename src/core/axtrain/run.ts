/**
 * What an AxTrain run shows, as plain data (structured-clone safe): the worker (workers/axtrain.worker.ts) sends it,
 * the store keeps it, the panels (src/ui/axtrain/*) draw it, the CLI prints it.
 */
import type { AxtrainMethodId } from './config';
import type { HardwareReport } from './report';
import type { Divergence } from '../divergence';

/** One evaluation of an AxTrain run (curves: E, S(w) and γ per epoch). */
export interface AxtrainPoint {
  step: number;
  epoch: number;
  /** Mean training E over the steps since the last point. */
  trainError: number;
  /** Mean S(w) over those steps' batches (act and actpas; null otherwise). */
  trainSensitivity: number | null;
  /** γ in use (act and actpas; null otherwise). */
  gamma: number | null;
  /** Exact-hardware test accuracy: argmax match, or the fraction of test rows within the bound (regression). */
  testAccuracy: number;
  /** E on the test set. */
  testLoss: number;
  /** S(w) on the test set (eq. 5, per-sample reading), for every method. */
  testSensitivity: number;
}

/** Fig. 4: the last layer's per-weight sensitivity s_ij (eq. 5 summand on the test set), [fanIn × fanOut] row-major. */
export interface SensitivityMapSnapshot {
  fanIn: number;
  fanOut: number;
  values: Float32Array;
}

/**
 * Fig. 1: the test loss E(w + α·d) along one random direction d (a named stream of the seed, the same d for every
 * method of that seed), each layer's part of d scaled to that layer's ‖w‖ (filter-style normalisation, so that nets
 * of different weight scales are comparable), α over [−span, span].
 */
export interface LossLandscapeSnapshot {
  alphas: number[];
  losses: number[];
}

export interface AxtrainMethodSnapshot {
  method: AxtrainMethodId;
  step: number;
  totalSteps: number;
  phase: string;
  points: AxtrainPoint[];
  /** At the end of training: every hardware setting (null until then). */
  hardware: HardwareReport | null;
  sensitivityMap: SensitivityMapSnapshot | null;
  landscape: LossLandscapeSnapshot | null;
  diverged: Divergence | null;
}

/**
 * What changed of one method since the previous progress message (workers/axtrainProtocol.ts): the points to
 * append, and the latest landscape, map and hardware report to put in place of the old ones (null: unchanged).
 */
export interface AxtrainMethodDelta {
  method: AxtrainMethodId;
  step: number;
  totalSteps: number;
  phase: string;
  points: AxtrainPoint[];
  landscape: LossLandscapeSnapshot | null;
  sensitivityMap: SensitivityMapSnapshot | null;
  hardware: HardwareReport | null;
  diverged: Divergence | null;
}

/** The browser's evaluation cadence: every max(1, ⌊epochs / 20⌋) epochs (≈ 20 points per curve) and at the last step. */
export function computeEvalEveryEpochs(epochs: number): number {
  return Math.max(1, Math.floor(epochs / 20));
}
