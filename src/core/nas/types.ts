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

/** One candidate topology: 1..maxHiddenLayers hidden layers, in order from the input. */
export interface NasConfig {
  layers: readonly NasHiddenLayer[];
}

/** Which search proposed a candidate (SMAC's origin of the pick, or a baseline). */
export type NasProposer = 'smac-initial' | 'smac-ei' | 'smac-local' | 'smac-interleave' | 'random' | 'enumeration';
