/**
 * bessel_Jnu: y = J_ν(x), the Bessel function of the first kind of fractional order.
 * Inputs ν = input0 ∈ [0, 1], x = input1 ∈ [0, 1] (dimensionless), as in the AXNet data.
 *
 * Choice: no small, well-kept npm package provides J_ν for non-integer ν (the @stdlib
 * special functions cover only J0/J1/Y0/Y1), so this evaluates the defining power series
 *   J_ν(x) = Σ_{k≥0} (−1)^k (x/2)^(2k+ν) / (k! Γ(k+ν+1)),
 * with Γ(ν+1) from @stdlib/math-base-special-gamma and the term recurrence
 *   t_{k+1} = −t_k · (x/2)² / ((k+1)(k+ν+1)).
 * For |x| ≤ 1 the terms fall by ≥ 4× per step, so ~12 terms reach double precision;
 * the loop stops when a term no longer changes the sum (capped for safety at larger x).
 */
import gamma from '@stdlib/math-base-special-gamma';
import type { Rng } from '../rng';
import { makeAxnetPreset, makeBaselinePreset, SOURCE_ITERATIVE, SOURCE_LAB_CALIBRATION } from './topologies';
import type { TargetSpec } from './types';

/** Upper bound on series terms; the series converges for all x, this only bounds the loop. */
const MAX_SERIES_TERMS = 200;

/** J_ν(x) for ν ≥ 0, x ≥ 0 by the power series (accurate for moderate x, e.g. x ≤ 10). */
export function computeBesselJ(nu: number, x: number): number {
  const half = x / 2;
  let term = half ** nu / gamma(nu + 1); // k = 0; 0^0 = 1 gives J_0(0) = 1
  let sum = term;
  const quarterSquare = half * half;
  for (let k = 0; k < MAX_SERIES_TERMS; k++) {
    term *= -quarterSquare / ((k + 1) * (k + nu + 1));
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return sum;
}

export const BESSEL_JNU: TargetSpec = {
  id: 'bessel_Jnu',
  title: 'Bessel J_ν(x)',
  description: 'Bessel function of the first kind, y = J_ν(x), with order ν and argument x both in [0, 1] (AXNet data; the 2-D surface of the paper’s Fig. 4).',
  inputDim: 2,
  outputDim: 1,
  inputNames: ['ν (order)', 'x'],
  outputNames: ['J_ν(x)'],
  errorMetric: 'absolute',
  boundPresets: [
    { value: 0.015, source: SOURCE_LAB_CALIBRATION },
    { value: 0.02, source: 'reference calibration: partial safe region (the predictor saturates at 100 % safe within 3 000 steps)' },
    { value: 0.05, source: 'AXNet authors’ code' },
  ],
  topologies: [
    makeAxnetPreset([2, 4, 4, 1], [8], SOURCE_LAB_CALIBRATION),
    makeAxnetPreset([2, 4, 4, 1], [4], 'AXNet authors’ setup (reference calibration: A 2-4-4-1, C 2-4-10)'),
    makeBaselinePreset([2, 4, 4, 1], [4], SOURCE_ITERATIVE),
  ],
  evaluate(input: ArrayLike<number>, output: Float64Array): void {
    output[0] = computeBesselJ(input[0], input[1]);
  },
  sampleInput(rng: Rng, output: Float64Array): void {
    // Uniform on [0, 1]² (the AXNet test.x spans 1e-4…0.9995 per column). Its first 2000 rows
    // lean slightly toward 0 (column means 0.469, KS distance 0.06 from uniform); not modelled.
    output[0] = rng.next();
    output[1] = rng.next();
  },
  datasetSizes: {
    train: 70000,
    test: 30000,
    source:
      'AXNet authors’ bessel_Jnu train.x / test.y (ACA-Lab-SJTU/approximate-computing, AXNet/data): 70 000 / 30 000 rows, counted from the file sizes (fixed 19- and 10-character rows)',
  },
  inputRanges: [
    [0, 1],
    [0, 1],
  ],
};
