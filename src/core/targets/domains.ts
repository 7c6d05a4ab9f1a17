/**
 * The input domain of each target: the rows on which its exact function (TargetSpec.evaluate) is defined and
 * computes what the benchmark computes. `axlab eval` refuses a row outside it, naming the line and the reason,
 * instead of printing NaN or a silently clamped value (issue 12 item 8).
 *
 * The domain is the benchmark's own input encoding where it has one (pixels, RGB channels, the AXNet data's
 * [0, 1]² for Bessel), and the formula's domain of definition where it has none (Black–Scholes, the arm's
 * reach). It is not the sampling distribution: sampleInput may draw from a smaller set (fft's stages,
 * blackscholes' discrete grid). Every check is a closed interval per input plus, for some targets, one rule on
 * the whole row.
 *
 * Pure data and pure functions: no imports but types, like labDefaults.ts.
 */
import type { TargetId } from './types';

/** How sure a domain is (the house's constant statuses, STYLE.md). */
export type DomainStatus = 'paper' | 'verified' | 'unverified' | 'estimate' | 'interpretation';

/** One input's closed interval [min, max]; ±Infinity for an open end. */
export interface InputInterval {
  min: number;
  max: number;
}

export interface TargetDomain {
  /** Per input, in TargetSpec.inputNames order; a single entry applies to every input. */
  intervals: readonly InputInterval[];
  /** A rule on the whole row (after the intervals passed): the reason it fails, or null. */
  checkRow?: (input: ArrayLike<number>) => string | null;
  /** The domain in words, for messages and the README. */
  description: string;
  source: string;
  status: DomainStatus;
}

const ANY: InputInterval = { min: -Infinity, max: Infinity };
const UNIT: InputInterval = { min: 0, max: 1 };
const POSITIVE: InputInterval = { min: Number.MIN_VALUE, max: Infinity };

/** inversek2j's links l1 = l2 = 0.5 (src/core/targets/inversek2j.ts): the arm reaches |(x, y)| ≤ l1 + l2 = 1. */
const ARM_REACH = 1;

export const TARGET_DOMAINS: Readonly<Record<TargetId, TargetDomain>> = Object.freeze({
  bessel_Jnu: {
    intervals: [UNIT, UNIT],
    description: 'order ν and argument x both in [0, 1]',
    source:
      'AXNet authors’ bessel_Jnu data (test.x spans 1e-4…0.9995 per column) and bessel.ts: for non-integer ν and x < 0, (x/2)^ν is not real; the series is checked on [0, 1]² only',
    status: 'verified',
  },
  blackscholes: {
    // S, K, σ, T > 0: ln(S/K) and the division by σ√T (blackscholes.ts); r any real; type 0 (call) or 1 (put).
    intervals: [POSITIVE, POSITIVE, ANY, POSITIVE, POSITIVE, UNIT],
    checkRow: (input) => (input[5] === 0 || input[5] === 1 ? null : `type must be 0 (call) or 1 (put), not ${input[5]}`),
    description: 'S, K, σ, T > 0, any rate r, type 0 (call) or 1 (put)',
    source: 'the Black–Scholes formula (ln(S/K), d1 = … / (σ√T)); PARSEC/AxBench encode the option type as 0 = call, 1 = put',
    status: 'interpretation',
  },
  fft: {
    intervals: [ANY],
    description: 'any real x (sin and cos are periodic; the benchmark calls it with x in [0, 0.5))',
    source: 'fft.ts: (sin(−2πx), cos(−2πx)) is defined for every real x',
    status: 'verified',
  },
  inversek2j: {
    intervals: [ANY, ANY],
    checkRow: (input) => {
      const reach = Math.hypot(input[0], input[1]);
      return reach <= ARM_REACH ? null : `(x, y) is ${reach} from the base, out of the arm’s reach (l1 + l2 = ${ARM_REACH})`;
    },
    description: 'end effector within the arm’s reach, √(x² + y²) ≤ l1 + l2 = 1',
    source:
      'inversek2j.ts: θ2 = acos((x² + y² − l1² − l2²)/(2 l1 l2)) is real only for √(x² + y²) ≤ l1 + l2 (the code clamps the cosine, so outside it would silently answer for another point)',
    status: 'verified',
  },
  jmeint: {
    intervals: [ANY],
    description: 'any real vertex coordinates (AxBench draws them in [0, 1])',
    source: 'jmeint.ts: the triangle–triangle test is defined for every pair of real triangles',
    status: 'verified',
  },
  jpeg: {
    intervals: [{ min: -0.5, max: 0.5 }],
    description: 'pixels d = p/256 − 0.5 in [−0.5, 0.5] (grey levels p = 0…255)',
    source: 'AxBench jpeg: 8-bit pixels, level-shifted and scaled (jpeg.ts, JPEG_SCALE = 256); the fixed-point DCT assumes them',
    status: 'verified',
  },
  kmeans: {
    intervals: [UNIT],
    description: 'RGB channels of the pixel and the centroid in [0, 1]',
    source: 'AxBench kmeans: RGB channels normalized to [0, 1] (kmeans.ts)',
    status: 'verified',
  },
  sobel: {
    intervals: [UNIT],
    description: 'window intensities w = p/255 in [0, 1]',
    source: 'AxBench sobel: grey levels p/255 (sobel.ts); the clamp at 256/… assumes them',
    status: 'verified',
  },
});

/** Why `input` lies outside `target`'s domain (naming the input), or null when it is inside. */
export function findDomainViolation(target: TargetId, input: ArrayLike<number>, inputNames: readonly string[] = []): string | null {
  const domain = TARGET_DOMAINS[target];
  for (let i = 0; i < input.length; i++) {
    const value = input[i];
    const interval = domain.intervals[domain.intervals.length === 1 ? 0 : i] ?? ANY;
    const name = inputNames[i] ?? `input ${i + 1}`;
    if (!Number.isFinite(value)) return `${name} is not a finite number`;
    if (value < interval.min || value > interval.max) return `${name} = ${value} is outside ${describeInterval(interval)}`;
  }
  return domain.checkRow?.(input) ?? null;
}

function describeInterval({ min, max }: InputInterval): string {
  if (min === Number.MIN_VALUE && max === Infinity) return '(0, ∞)';
  if (max === Infinity) return `[${min}, ∞)`;
  if (min === -Infinity) return `(−∞, ${max}]`;
  return `[${min}, ${max}]`;
}
