/**
 * Seed statistics and the paired comparison behind every "agrees / differs" verdict of the §V study (pure TS).
 *
 * A comparison pairs two methods on the same benchmark, bound and seed (the same data, the same batches'
 * seed), so the pair's difference d = a − b removes what the seed does to both.
 */

/** Mean of finite values (NaN for none). */
export function mean(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length ? finite.reduce((s, v) => s + v, 0) / finite.length : Number.NaN;
}

/** Sample standard deviation (n − 1) of finite values; 0 for one value, NaN for none. */
export function standardDeviation(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return Number.NaN;
  if (finite.length === 1) return 0;
  const m = mean(finite);
  return Math.sqrt(finite.reduce((s, v) => s + (v - m) ** 2, 0) / (finite.length - 1));
}

/** Mean ± std of finite values, as data. */
export interface Spread {
  mean: number;
  std: number;
  n: number;
}

export function summarize(values: readonly number[]): Spread {
  return { mean: mean(values), std: standardDeviation(values), n: values.filter(Number.isFinite).length };
}

/** "+12.3 % ± 4.5 %" style text of a spread: `format` for the mean, `formatStd` (default: percent, unsigned) for the std. */
export function formatSpread(spread: Spread, format: (v: number) => string, formatStd: (v: number) => string = (v) => `${(100 * v).toFixed(1)} %`): string {
  if (!Number.isFinite(spread.mean)) return 'n/a';
  return `${format(spread.mean)} ± ${formatStd(Math.abs(spread.std))}`;
}

/** Differences within this of zero are ties (0.5 points of invocation): they count for neither side. */
export const PAIRED_TIE = 0.005;

/** Two-sided significance level of the sign test. */
export const SIGN_TEST_ALPHA = 0.05;

/** Two-sided exact sign-test p-value of `wins` successes out of `n` non-tied pairs (p = 1/2 under H0). */
export function signTestPValue(wins: number, n: number): number {
  if (n === 0) return 1;
  const k = Math.min(wins, n - wins);
  // P(X ≤ k) for X ~ Binomial(n, 1/2), doubled; C(n, i) built iteratively in floating point.
  let term = 0.5 ** n;
  let tail = term;
  for (let i = 1; i <= k; i++) {
    term = (term * (n - i + 1)) / i;
    tail += term;
  }
  return Math.min(1, 2 * tail);
}

export type PairedDirection = 'higher' | 'lower' | 'no separation';

export interface PairedComparison {
  pairs: number;
  /** Pairs with d > PAIRED_TIE, d < −PAIRED_TIE, and the rest. */
  wins: number;
  losses: number;
  ties: number;
  meanDifference: number;
  pValue: number;
  /**
   * Rule: 'higher' when wins > losses and the two-sided sign test over the non-tied pairs gives p < SIGN_TEST_ALPHA;
   * 'lower' likewise the other way; otherwise 'no separation' (with 3 pairs the smallest p is 0.25: one
   * benchmark at one bound never separates on its own, and it is marked so).
   */
  direction: PairedDirection;
}

/** The paired comparison of differences d = a − b (one per benchmark, bound and seed). */
export function comparePaired(differences: readonly number[], tie = PAIRED_TIE): PairedComparison {
  const finite = differences.filter(Number.isFinite);
  const wins = finite.filter((d) => d > tie).length;
  const losses = finite.filter((d) => d < -tie).length;
  const pValue = signTestPValue(wins, wins + losses);
  const direction: PairedDirection = pValue < SIGN_TEST_ALPHA ? (wins > losses ? 'higher' : 'lower') : 'no separation';
  return { pairs: finite.length, wins, losses, ties: finite.length - wins - losses, meanDifference: mean(finite), pValue, direction };
}

/**
 * Whether two methods separate at one benchmark and bound: every seed's difference has the same sign beyond the
 * tie, and the mean difference exceeds the spread of the differences over seeds (|mean d| > std d). Otherwise the
 * bound is marked "cannot separate" in the sweep figures.
 */
export function separatesAtBound(differences: readonly number[], tie = PAIRED_TIE): boolean {
  const finite = differences.filter(Number.isFinite);
  if (finite.length === 0) return false;
  const allAbove = finite.every((d) => d > tie);
  const allBelow = finite.every((d) => d < -tie);
  return (allAbove || allBelow) && Math.abs(mean(finite)) > standardDeviation(finite);
}
