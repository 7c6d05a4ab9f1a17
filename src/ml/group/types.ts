/**
 * Training K models of one method as one program (issue 8 §2): what sweeps, the study and the bench
 * see of it (createModelGroupTrainer in ./index.ts, over the one engine of ./engine.ts).
 */
import type { GroupCheckpoint } from '../../core/checkpoint';
import type { BackendName, LabConfig, MethodId } from '../../core/config';
import type { InvocationMetrics } from '../../core/metrics';
import type { AxnetWeights, BaselineWeights, EvaluationPoint, MethodTopology } from '../types';
import type { Divergence } from '../../core/divergence';

/** What may differ between the models of one group (everything else must be equal: see groupKey). */
export interface GroupModelSpec {
  /** The model's own config: seed, learningRate, errorBound and hidden widths may differ per model. */
  config: Readonly<LabConfig>;
  /** J = mse·La + ce·Lp (eq. 2 with weights; the paper's J is mse = ce = 1). */
  lossWeights?: { mse: number; ce: number };
}

/** Per-model outcome of a chunk. */
export interface GroupChunkResult {
  step: number;
  /** Per model: null, or set once at the chunk where it diverged (it then stays stopped at its last good weights). */
  diverged: (Divergence | null)[];
}

export interface ModelGroupTrainer {
  readonly method: MethodId;
  /** K. */
  readonly size: number;
  readonly backend: BackendName;
  /** Per model, as built (AXNet with matchParameters: the matched widths). */
  readonly configs: readonly Readonly<LabConfig>[];
  readonly topologies: readonly MethodTopology[];
  /** Steps of the method's budget (equal for every model of a group). */
  readonly totalSteps: number;
  /** Steps done by the group (a diverged model stopped earlier: see stoppedAt). */
  readonly step: number;
  /** Per model: the step whose weights it keeps after diverging, or null while it trains. */
  readonly stoppedAt: readonly (number | null)[];
  /** Per model: things the user should know about its run (e.g. an iterative round that fell back to all data). */
  readonly notes: readonly (readonly string[])[];
  /** Wall-clock ms spent inside train(). */
  readonly trainingMs: number;
  /** Up to `steps` more steps for every model that has not diverged. */
  train(steps: number): Promise<GroupChunkResult>;
  /** The §V metrics of every model on its test set (a stopped model: of its kept weights, at its stop step). */
  evaluate(): Promise<EvaluationPoint[]>;
  /** The §V metrics of every model on its validation split (needs ModelGroupOptions.validationFraction). */
  evaluateValidation(): Promise<InvocationMetrics[]>;
  getWeights(model: number): Promise<AxnetWeights>;
  getBaselineWeights(model: number): Promise<BaselineWeights | null>;
  /** Everything the next chunk reads, as plain data (between chunks); ModelGroupOptions.checkpoint continues from it. */
  checkpoint(): Promise<GroupCheckpoint>;
  dispose(): void;
}
