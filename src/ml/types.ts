/**
 * The tf-facing trainer interfaces. The plain data they return lives in src/core/weights.ts (re-exported here
 * for the trainers).
 */
import type { TrainerCheckpoint } from '../core/checkpoint';
import type { Message } from '../core/messages';
import type { BackendName, LabConfig, MethodId } from '../core/config';
import type { AxnetWeights, BaselineWeights, DenseLayerWeights, EvaluationPoint, MethodTopology, SurfaceSnapshot, TrainChunkResult } from '../core/weights';

export type {
  AxnetWeights,
  BaselineWeights,
  DenseLayerWeights,
  EvaluationPoint,
  MethodTopology,
  SurfaceSnapshot,
  TrainChunkResult,
} from '../core/weights';

/** What one train() call may be interrupted by. */
export interface TrainOptions {
  /**
   * Awaited between the row slices of a sliced step (src/core/runEstimate.ts computeStepSlices > 1; the host yields to its messages there); true
   * undoes the step in progress (θ and Adam untouched, its batches drawn again by the next step) and train returns with
   * the steps done before it, so an interrupted run goes on exactly as an uninterrupted one.
   */
  interrupt?: () => Promise<boolean>;
}

/** Owns the tf models of one run. Same config + same backend ⇒ same numbers. */
export interface LabTrainer {
  readonly config: Readonly<LabConfig>;
  readonly backend: BackendName;
  readonly step: number;
  /** Parameter counts, weights + biases (countDenseParameters). */
  readonly parameterCounts: { approximator: number; predictor: number; total: number; lone: number };
  /** Runs up to `steps` more training steps (never past config.steps); `options.interrupt` may end it sooner (engine.ts). */
  train(steps: number, options?: TrainOptions): Promise<TrainChunkResult>;
  evaluate(): Promise<EvaluationPoint>;
  /** Null for targets whose input is not 2-D. */
  /** `interrupt`, awaited between the bands of a big grid, may abandon it (null), as TrainOptions' between slices. */
  surface(resolution: number, interrupt?: TrainOptions['interrupt']): Promise<SurfaceSnapshot | null>;
  getWeights(): Promise<AxnetWeights>;
  dispose(): void;
}

/**
 * One training method of the comparison (§V-A) behind one interface: AXNet or a baseline.
 * `step` counts optimizer steps over all of the method's phases; train(n) never passes totalSteps.
 */
export interface MethodTrainer extends LabTrainer {
  readonly method: MethodId;
  /** The method's budget in optimizer steps (METHOD_BUDGET_RULE in src/core/methods/budget.ts). */
  readonly totalSteps: number;
  /** What the next step trains, e.g. 'round 3/8 · classifier'; 'done' at the end. */
  readonly phase: string;
  /** The same in every interface language (src/core/messages.ts); null when done. */
  readonly phaseMessage: Message | null;
  /** Wall-clock milliseconds spent inside train() (training only: no evaluation, no surface). */
  readonly trainingMs: number;
  /** The config the networks were built from (AXNet with matchParameters: the matched widths). */
  readonly effectiveConfig: Readonly<LabConfig>;
  readonly topology: MethodTopology;
  /** Things the user should know about this run (fallbacks, e.g. an empty iterative subset). */
  readonly notes: readonly string[];
  /** Baselines: the approximator and classifier as plain data; AXNet: null. */
  getBaselineWeights?(): Promise<BaselineWeights | null>;
  /** The lone approximator trained beside AXNet (config.trainLone), or null. */
  getLoneWeights?(): Promise<DenseLayerWeights[] | null>;
  /** Everything its next step reads, as plain data (createMethodTrainer's `checkpoint` option continues from it). */
  checkpoint(): Promise<TrainerCheckpoint>;
}
