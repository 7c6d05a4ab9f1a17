/**
 * blackscholes (PARSEC/AxBench): European option price from (S, K, r, σ, T, type),
 * type 0 = call, 1 = put, all in the benchmark's normalized units (S, K prices, r per year,
 * σ per √year, T in years):
 *   d1 = (ln(S/K) + (r + σ²/2) T) / (σ √T),  d2 = d1 − σ √T,
 *   call = S Φ(d1) − K e^(−rT) Φ(d2),  put = K e^(−rT) Φ(−d2) − S Φ(−d1).
 * Φ is AxBench's CNDF: the Abramowitz–Stegun 26.2.17 polynomial (|error| < 7.5e-8),
 * evaluated here in double precision (the golden file matches it to ~2e-7).
 */
import type { Rng } from '../rng';
import { drawDiscrete, type DiscreteDistribution } from './sampling';
import { makeAxnetPreset, makeBaselinePreset, SOURCE_AXBENCH_NN, SOURCE_ITERATIVE, SOURCE_LAB_CALIBRATION } from './topologies';
import type { TargetSpec } from './types';

/** 1/√(2π). */
const INV_SQRT_2PI = 0.3989422804014327;
/** Abramowitz–Stegun 26.2.17 constants: t = 1/(1 + p·|x|), polynomial b1…b5. */
const CNDF_P = 0.2316419;
const CNDF_B = [0.31938153, -0.356563782, 1.781477937, -1.821255978, 1.330274429] as const;

/** Φ(x), the standard normal CDF, by Abramowitz–Stegun 26.2.17 (as AxBench's CNDF). */
export function computeNormalCdf(x: number): number {
  const ax = Math.abs(x);
  const t = 1 / (1 + CNDF_P * ax);
  const poly = t * (CNDF_B[0] + t * (CNDF_B[1] + t * (CNDF_B[2] + t * (CNDF_B[3] + t * CNDF_B[4]))));
  const tail = INV_SQRT_2PI * Math.exp(-0.5 * ax * ax) * poly; // = 1 − Φ(|x|)
  return x < 0 ? tail : 1 - tail;
}

/** Black–Scholes price; optionType 0 = call, otherwise put (AxBench: type ≥ 0.5 is put). */
export function computeBlackScholes(spot: number, strike: number, rate: number, volatility: number, time: number, optionType: number): number {
  const sigmaSqrtT = volatility * Math.sqrt(time);
  const d1 = (Math.log(spot / strike) + (rate + 0.5 * volatility * volatility) * time) / sigmaSqrtT;
  const d2 = d1 - sigmaSqrtT;
  const discountedStrike = strike * Math.exp(-rate * time);
  if (optionType < 0.5) return spot * computeNormalCdf(d1) - discountedStrike * computeNormalCdf(d2);
  return discountedStrike * (1 - computeNormalCdf(d2)) - spot * (1 - computeNormalCdf(d1));
}

/**
 * Per-column empirical distributions of the benchmark's input file (values are the
 * float32 numbers of AxBench's normalized option data; weights = counts in 2000 test rows).
 * Columns are drawn independently, which covers the same discrete grid as PARSEC's options.
 */
const COLUMN_DISTRIBUTIONS: readonly DiscreteDistribution[] = [
  { values: [0.833333313465, 0.416666656733, 0.34999999404, 0.5], weights: [1038, 956, 4, 2] },
  {
    values: [0.75, 0.916666686535, 0.833333313465, 0.506250023842, 0.416666656733, 0.34375, 0.333333343267, 0.541666686535],
    weights: [367, 343, 328, 326, 319, 311, 4, 2],
  },
  {
    values: [0.027499999851, 0.10000000149, 0.0500000007451, 0.0724999979138, 0.0825000032783, 0.0799999982119],
    weights: [1093, 282, 224, 204, 195, 2],
  },
  {
    values: [0.25, 0.10000000149, 0.5, 0.649999976158, 0.34999999404, 0.0500000007451, 0.449999988079, 0.15000000596, 0.20000000298, 0.300000011921],
    weights: [612, 532, 514, 73, 72, 69, 64, 58, 4, 2],
  },
  {
    values: [0.10000000149, 1.0, 0.5, 0.25, 0.75, 0.0500000007451, 0.34999999404, 0.40000000596, 0.15000000596],
    weights: [382, 370, 365, 168, 157, 151, 145, 132, 130],
  },
  { values: [1.0, 0.0], weights: [1002, 998] },
];

const AXBENCH_NN = [6, 8, 8, 1];

export const BLACKSCHOLES: TargetSpec = {
  id: 'blackscholes',
  title: 'Black–Scholes',
  description:
    'European option price (PARSEC blackscholes, AxBench) from spot S, strike K, rate r, volatility σ, time T and type (0 = call, 1 = put), in the benchmark’s normalized units.',
  inputDim: 6,
  outputDim: 1,
  inputNames: ['S (spot)', 'K (strike)', 'r (rate)', 'σ (volatility)', 'T (years)', 'type (0 call, 1 put)'],
  outputNames: ['price'],
  errorMetric: 'relative',
  boundPresets: [
    { value: 0.05, source: SOURCE_LAB_CALIBRATION },
    { value: 0.01, source: 'NAS paper Table 2, group 1' },
    { value: 0.015, source: 'NAS paper Table 2, group 2' },
  ],
  topologies: [makeAxnetPreset([6, 4, 1], [8], SOURCE_LAB_CALIBRATION), makeAxnetPreset(AXBENCH_NN, [8], SOURCE_AXBENCH_NN), makeBaselinePreset([6, 8, 1], [8], SOURCE_ITERATIVE)],
  evaluate(input: ArrayLike<number>, output: Float64Array): void {
    output[0] = computeBlackScholes(input[0], input[1], input[2], input[3], input[4], input[5]);
  },
  sampleInput(rng: Rng, output: Float64Array): void {
    for (let j = 0; j < COLUMN_DISTRIBUTIONS.length; j++) output[j] = drawDiscrete(rng, COLUMN_DISTRIBUTIONS[j]);
  },
  datasetSizes: {
    train: 70000,
    test: 30000,
    source:
      'test ≈ 30 000 rows (size of the MCMA authors’ blackscholes aggregated_test.fann, ACA-Lab-SJTU/approximate-computing); train 70 000 assumed from the 70/30 split of their other files',
  },
  inputRanges: [
    [0.34999999404, 0.833333313465],
    [0.333333343267, 0.916666686535],
    [0.027499999851, 0.10000000149],
    [0.0500000007451, 0.649999976158],
    [0.0500000007451, 1],
    [0, 1],
  ],
};
