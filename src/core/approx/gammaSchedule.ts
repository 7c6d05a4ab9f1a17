/**
 * The adaptive preference factor γ of AxTrain-act's E_tot = E + γ·S(w) (eq. 4), updated once per epoch
 * (He et al., ISLPED'18, §3.1.3, after Weigend et al. [17]; research brief shared/reference/axtrain-nas.md §A.3):
 *
 *   A_n = Σ_{j≥1} 0.5^j · E_{n−j}       the "weighted sum (0.5, 0.25, 0.125 …) of training errors in previous epochs",
 *                                       most recent epoch weighted 0.5 (paper; the ordering is an interpretation)
 *   γ ← γ + Δγ   if E_n < A_n or E_n < D  (D: the "pre-defined accuracy bound")
 *   γ ← γ − Δγ   otherwise, then γ ← max(γ, 0)  (the clamp is an interpretation: γ < 0 would reward sensitivity)
 *
 * E_n is the epoch's mean data error E, not E_tot ('interpretation'). Not in the paper ('unverified'): γ0, Δγ, D,
 * whether the weights are normalised, and what the first epoch (no history) does. The lab's choices are in
 * GAMMA_SCHEDULE_DEFAULTS; every one is an option of nextGamma.
 *
 * A_n is kept as a running sum, A_{n+1} = 0.5·(E_n + A_n), with the weights' total W_{n+1} = 0.5·(1 + W_n) = 1 − 0.5^n,
 * so the state is four numbers (serialisable, checkpointable).
 */

export type GammaConstantStatus = 'paper' | 'interpretation' | 'estimate' | 'unverified';

/** The schedule's constants and open choices, each with its source and status. */
export const GAMMA_SCHEDULE_DEFAULTS = {
  trendDecay: { value: 0.5, status: 'paper', citation: 'AxTrain §3.1.3: weights 0.5, 0.25, 0.125 … (most recent first: interpretation)' },
  gamma0: { value: 0, status: 'estimate', citation: 'Lab default: start from plain BP (the paper gives no γ0)' },
  deltaGammaFraction: {
    value: 0.01,
    status: 'estimate',
    citation: 'Lab default Δγ = 0.01·E(w0)/S(w0) per epoch: scale-free (the paper gives no Δγ; brief §A.3)',
  },
  normalizeWeights: {
    value: false,
    status: 'interpretation',
    citation: 'Literal weights: Σ 0.5^j = 1 − 0.5^{n−1} < 1, so early A_n is biased low (brief §A.3)',
  },
  firstEpoch: {
    value: 'hold',
    status: 'interpretation',
    citation: 'Epoch 1 has no previous error: only the bound clause can raise γ; otherwise γ is held (no evidence either way)',
  },
  minGamma: { value: 0, status: 'interpretation', citation: 'γ is clamped at 0 after a decrease' },
} as const satisfies Record<string, { value: number | boolean | string; status: GammaConstantStatus; citation: string }>;

/**
 * What the first epoch does, where A_1 is an empty sum:
 * - 'hold': the trend clause is not evaluated; γ rises if E_1 < D, else stays;
 * - 'empty-sum': A_1 = 0 taken literally, so E_1 < A_1 is false; γ rises if E_1 < D, else falls (and clamps).
 */
export type GammaFirstEpochRule = 'hold' | 'empty-sum';

export interface GammaScheduleOptions {
  /** Δγ ≥ 0, added or subtracted once per epoch (see defaultDeltaGamma). */
  deltaGamma: number;
  /** D, the pre-defined accuracy bound on the epoch error; null: no bound clause. */
  bound: number | null;
  /** Divide A_n by its weights' total 1 − 0.5^{n−1} (default false: the paper's literal weights). */
  normalizeWeights?: boolean;
  /** Default 'hold'. */
  firstEpoch?: GammaFirstEpochRule;
}

export interface GammaDecision {
  change: 'increase' | 'decrease' | 'hold';
  /** 'trend': E_n < A_n; 'bound': E_n < D (and not the trend); 'neither': both failed; 'first-epoch': held at epoch 1. */
  reason: 'trend' | 'bound' | 'neither' | 'first-epoch';
  /** The epoch error E_n and the trend A_n it was compared with (null at epoch 1 under 'hold'). */
  error: number;
  trend: number | null;
}

export interface GammaState {
  gamma: number;
  /** Epochs seen: n − 1 before the update of epoch n. */
  epochs: number;
  /** A for the next epoch with literal weights: Σ_{j≥1} 0.5^j E_{n−j}. */
  weightedPastError: number;
  /** Σ_{j=1}^{epochs} 0.5^j = 1 − 0.5^epochs. */
  pastWeightSum: number;
  /** What the last update did (logs, UI); null before the first. */
  lastDecision: GammaDecision | null;
}

export function createGammaState(gamma0: number = GAMMA_SCHEDULE_DEFAULTS.gamma0.value): GammaState {
  if (!Number.isFinite(gamma0) || gamma0 < 0) throw new Error(`γ0 must be a finite number ≥ 0, got ${gamma0}`);
  return { gamma: gamma0, epochs: 0, weightedPastError: 0, pastWeightSum: 0, lastDecision: null };
}

/** A_n for the epoch about to be judged: literal Σ 0.5^j E_{n−j}, or divided by Σ 0.5^j with normalizeWeights. Null with no history. */
export function computeErrorTrend(state: GammaState, normalizeWeights = false): number | null {
  if (state.epochs === 0) return null;
  return normalizeWeights ? state.weightedPastError / state.pastWeightSum : state.weightedPastError;
}

/** γ after epoch n with mean training error E_n (AxTrain §3.1.3). Returns a new state; the input is not changed. */
export function nextGamma(state: GammaState, epochError: number, options: GammaScheduleOptions): GammaState {
  const { deltaGamma, bound } = options;
  if (!Number.isFinite(epochError)) throw new Error(`The epoch error must be finite to update γ, got ${epochError}`);
  if (!Number.isFinite(deltaGamma) || deltaGamma < 0) throw new Error(`Δγ must be a finite number ≥ 0, got ${deltaGamma}`);
  if (bound !== null && Number.isNaN(bound)) throw new Error('The accuracy bound D is NaN');
  const firstEpoch = options.firstEpoch ?? GAMMA_SCHEDULE_DEFAULTS.firstEpoch.value;
  const withinBound = bound !== null && epochError < bound;
  let trend = computeErrorTrend(state, options.normalizeWeights ?? GAMMA_SCHEDULE_DEFAULTS.normalizeWeights.value);
  let decision: GammaDecision;
  if (trend === null && firstEpoch === 'hold') {
    decision = withinBound ? { change: 'increase', reason: 'bound', error: epochError, trend } : { change: 'hold', reason: 'first-epoch', error: epochError, trend };
  } else {
    trend ??= 0; // 'empty-sum': A_1 = 0
    // γ + Δγ if E_n < A_n or E_n < D, else γ − Δγ
    const improving = epochError < trend;
    const reason = improving ? 'trend' : withinBound ? 'bound' : 'neither';
    decision = { change: improving || withinBound ? 'increase' : 'decrease', reason, error: epochError, trend };
  }
  const step = decision.change === 'increase' ? deltaGamma : decision.change === 'decrease' ? -deltaGamma : 0;
  const decay = GAMMA_SCHEDULE_DEFAULTS.trendDecay.value;
  return {
    gamma: Math.max(GAMMA_SCHEDULE_DEFAULTS.minGamma.value, state.gamma + step),
    epochs: state.epochs + 1,
    // A_{n+1} = 0.5·(E_n + A_n), W_{n+1} = 0.5·(1 + W_n)
    weightedPastError: decay * (epochError + state.weightedPastError),
    pastWeightSum: decay * (1 + state.pastWeightSum),
    lastDecision: decision,
  };
}

/**
 * The lab's default Δγ = fraction·E(w0)/S(w0) per epoch (fraction 0.01, 'estimate'): γ·S then moves by about 1 % of
 * the initial error per epoch, whatever the scales of E and S. Throws when S(w0) is not positive.
 */
export function defaultDeltaGamma(initialError: number, initialSensitivity: number, fraction: number = GAMMA_SCHEDULE_DEFAULTS.deltaGammaFraction.value): number {
  if (!Number.isFinite(initialError) || initialError < 0) throw new Error(`E(w0) must be a finite number ≥ 0, got ${initialError}`);
  if (!Number.isFinite(initialSensitivity) || initialSensitivity <= 0)
    throw new Error(`S(w0) must be a finite number > 0 for Δγ = ${fraction}·E(w0)/S(w0), got ${initialSensitivity}`);
  return (fraction * initialError) / initialSensitivity;
}
