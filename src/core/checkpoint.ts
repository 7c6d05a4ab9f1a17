/**
 * A training checkpoint as plain data (no tf tensors; structured-clone safe, its Float32Arrays transferable): everything
 * the next step of a trainer reads, so that a trainer restored from it continues exactly as the uninterrupted one on the
 * same backend (src/ml/group/engine.ts: checkpoint / restore; src/ml/methods/index.ts: createMethodTrainer's `checkpoint`).
 */
import type { BackendName, MethodId } from './config';
import type { RngState } from './rng';
import type { AxtrainMethodId } from './axtrain/config';
import type { HardwareReport } from './axtrain/report';
import type { Divergence } from './divergence';

/** Adam's state over one θ group (src/ml/group/adam.ts): the moments m, v and the float32 products β1ᵗ, β2ᵗ. */
export interface AdamCheckpoint {
  firstMoment: Float32Array;
  secondMoment: Float32Array;
  accBeta1: number;
  accBeta2: number;
}

/** Loss sums of one model since its last read (float64 sums and counts). */
export interface LossSumsCheckpoint {
  total: number;
  totalCount: number;
  mse: number;
  mseCount: number;
  ce: number;
  ceCount: number;
  extras: number[];
  extrasCount: number;
}

/** One engine (K models of one program) between two chunks. */
export interface EngineCheckpoint {
  method: string;
  /** K. */
  size: number;
  step: number;
  /** The step of the divergence guard's last-good weights (between chunks they are θ itself: the engine keeps θ after every chunk). */
  lastGoodStep: number;
  trainingMs: number;
  /** Per θ group: its name, θ in the engine's padded order, and Adam's state. */
  groups: { name: string; theta: Float32Array; adam: AdamCheckpoint }[];
  /** Per model: its 'batches' stream. */
  batchRngs: RngState[];
  /** The phase whose data is in phaseData (−1: none entered yet). */
  enteredPhase: number;
  /** Per model: the entered phase's sample indices and fixed labels (iterative's subsets and eq. 1 labels). */
  phaseData: { indices: Int32Array | null; labels: Uint8Array | null }[];
  stoppedAt: (number | null)[];
  notes: string[][];
  sums: LossSumsCheckpoint[];
  epochSums: LossSumsCheckpoint[];
  /** Per model: the last reported loss averages (shown until new steps report). */
  lastAverages: { loss: number; mse: number; crossEntropy: number; extras: number[] }[];
  /** The program's own state (a program that changes between epochs), or null. */
  program: unknown;
}

/** One method trainer's checkpoint (createMethodTrainer, K = 1). */
export interface TrainerCheckpoint {
  method: MethodId;
  /** The step it continues from. */
  step: number;
  /** The backend that computed it: a restore on the same backend continues bit for bit; another gives that backend's numbers. */
  backend: BackendName;
  engine: EngineCheckpoint;
  /** Set when the run diverged before it (the trainer refuses further training). */
  diverged: Divergence | null;
}

/**
 * A model group's checkpoint (src/ml/group/index.ts: K models split into engines of one program each, trained one after
 * another in every chunk): every engine's checkpoint in the group's order, at the group's step.
 */
export interface GroupCheckpoint {
  method: MethodId;
  /** K, over all engines. */
  size: number;
  step: number;
  backend: BackendName;
  trainingMs: number;
  engines: EngineCheckpoint[];
}

/** One AxTrain method's trainer (src/ml/axtrain/trainer.ts): the stage it is in and that stage's engine. */
export interface AxtrainTrainerCheckpoint {
  stage: number;
  engine: EngineCheckpoint;
  /** γ of the last finished act stage (shown through a later pas stage), or null. */
  lastGamma: number | null;
  /** Training time of the finished stages, ms. */
  finishedMs: number;
  diverged: Divergence | null;
}

/** One method of an AxTrain run (src/ml/axtrain/session.ts): where it stands, its report so far, and its trainer. */
export interface AxtrainLaneCheckpoint {
  method: AxtrainMethodId;
  state: 'training' | 'scoring' | 'finished';
  step: number;
  totalSteps: number;
  phase: string;
  trainingMs: number;
  diverged: Divergence | null;
  scoring: { next: number; report: HardwareReport | null };
  /** null once the method is finished (its trainer was disposed; the page has its report). */
  trainer: AxtrainTrainerCheckpoint | null;
}

/** An AxTrain run between two lockstep rounds, after an evaluation: every method's lane. */
export interface AxtrainCheckpoint {
  /** The methods' lowest step (where the run continues from). */
  step: number;
  backend: BackendName;
  lanes: AxtrainLaneCheckpoint[];
}

/** The distinct ArrayBuffers of a checkpoint (a trainer's, a group's or an AxTrain run's), for postMessage's transfer list (they are detached afterwards). */
export function collectCheckpointBuffers(checkpoint: TrainerCheckpoint | GroupCheckpoint | AxtrainCheckpoint | null): ArrayBuffer[] {
  if (!checkpoint) return [];
  const buffers = new Set<ArrayBuffer>();
  const add = (array: ArrayBufferView | null) => {
    if (array && array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  };
  const engines =
    'engines' in checkpoint ? checkpoint.engines : 'lanes' in checkpoint ? checkpoint.lanes.flatMap((lane) => (lane.trainer ? [lane.trainer.engine] : [])) : [checkpoint.engine];
  for (const engine of engines) {
    for (const g of engine.groups) {
      add(g.theta);
      add(g.adam.firstMoment);
      add(g.adam.secondMoment);
    }
    for (const d of engine.phaseData) {
      add(d.indices);
      add(d.labels);
    }
  }
  return [...buffers];
}
