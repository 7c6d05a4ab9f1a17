/**
 * A training checkpoint as plain data (no tf tensors; structured-clone safe, its Float32Arrays transferable): everything
 * the next step of a trainer reads, so that a trainer restored from it continues exactly as the uninterrupted one on the
 * same backend (src/ml/group/engine.ts: checkpoint / restore; src/ml/methods/index.ts: createMethodTrainer's `checkpoint`).
 */
import type { BackendName, MethodId } from './config';
import type { RngState } from './rng';

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
  diverged: { atStep: number; message: string } | null;
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

/** The distinct ArrayBuffers of a checkpoint (a trainer's or a group's), for postMessage's transfer list (they are detached afterwards). */
export function collectCheckpointBuffers(checkpoint: TrainerCheckpoint | GroupCheckpoint | null): ArrayBuffer[] {
  if (!checkpoint) return [];
  const buffers = new Set<ArrayBuffer>();
  const add = (array: ArrayBufferView | null) => {
    if (array && array.buffer instanceof ArrayBuffer) buffers.add(array.buffer);
  };
  const engines = 'engines' in checkpoint ? checkpoint.engines : [checkpoint.engine];
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
