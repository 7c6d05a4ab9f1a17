/**
 * The NAS search space of Chen et al. (DATE'20, §III-B eq. 2, §IV-B): an MLP approximator
 * λ = (L, n_1, A_1, …, n_L, A_L) with L ∈ {1, 2} hidden layers, 1–128 neurons and an activation
 * ∈ {relu, sigmoid, tanh} per hidden layer; input and output widths come from the benchmark and the
 * output layer is linear ('interpretation', as every lab net). A configuration is the list of its hidden
 * layers, so inactive parameters (n_2, A_2 when L = 1) are absent, never set.
 */
export const NAS_ACTIVATIONS = ['relu', 'sigmoid', 'tanh'] as const;
export type NasActivation = (typeof NAS_ACTIVATIONS)[number];

export interface NasHiddenLayer {
  width: number;
  activation: NasActivation;
}

/**
 * One candidate topology: 1..maxHiddenLayers hidden layers, in order from the input. AXNet-NAS (issue 10 §5) adds
 * the predictor's hidden widths (ReLU, as every lab predictor and classifier); absent = a lone approximator.
 */
export interface NasConfig {
  layers: readonly NasHiddenLayer[];
  predictor?: readonly number[];
}

/** Which search proposed a candidate (SMAC's origin of the pick, or a baseline). */
export type NasProposer = 'smac-initial' | 'smac-ei' | 'smac-local' | 'smac-interleave' | 'random' | 'enumeration';

/** One candidate handed out by a search's `ask`, with what the UI shows of its origin. */
export interface NasAsk {
  config: NasConfig;
  proposer: NasProposer;
  /** EI of the pick under the surrogate (null for random, initial and baseline picks). */
  ei: number | null;
  /** Surrogate mean μ and standard deviation σ of the pick's cost (null where no surrogate was asked). */
  mu: number | null;
  sigma: number | null;
  /** Wall time the search spent choosing this candidate (SMAC's column of Table 3), ms. */
  searchMs: number;
}

/** One evaluated candidate: its cost c = −f_perf (SMAC minimizes). */
export interface NasEvaluation {
  config: NasConfig;
  cost: number;
  proposer: NasProposer;
}

/**
 * The ask/tell interface every search shares (SMAC, random search, enumeration). `ask(q)` returns up to q new
 * candidates (fewer when the budget runs out, none after); `tell` reports a cost for a candidate that was asked.
 * No configuration is ever handed out twice.
 */
export interface NasSearch {
  ask(q?: number): NasAsk[];
  tell(config: NasConfig, cost: number): void;
  /** Everything told so far, in the order told. */
  readonly evaluations: readonly NasEvaluation[];
  /** Candidates asked but not told yet. */
  readonly pendingCount: number;
  /** budget − told − pending. */
  readonly remaining: number;
  readonly budget: number;
}
