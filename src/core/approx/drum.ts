/**
 * DRUM-k, the dynamic-range unbiased approximate multiplier (Hashemi, Bahar & Reda, ICCAD'15) that AxTrain uses
 * for its weight × activation products (AxTrain §4 [22]; reference axtrain-nas.md A.4.1). Pure TypeScript.
 *
 * Unsigned operand x with leading-one position t = ⌊log2 x⌋:
 *   x < 2^k:  x̃ = x                                    (exact; the authors' Verilog passes a[k−1:0])
 *   else:     s = t − k + 1,  x̃ = ((x >> s) | 1) << s   (keep the leading one and the next k−2 bits, force the
 *                                                        k-th bit to 1, drop the s bits below it)
 *   DRUM_k(a, b) = ã · b̃                                 (the k×k product shifted by s_a + s_b: the Verilog's
 *                                                        (mm·nn) << (p+q) equals (mm << p)·(nn << q))
 * AxTrain §4: "from the MSB to the LSB only the first nonzero bit and its consecutive k−1 bits are retrieved
 * (with the last bit set)".
 *
 * Signed operands: exact sign-magnitude, DRUM(a, b) = sgn(a)·sgn(b)·DRUM(|a|, |b|). The authors' two signed
 * Verilog variants disagree with each other and with this: `DRUM6_16_s.v`@0d04779 takes the product's sign as
 * a[15] & b[15] (AND: mixed-sign products come out positive, an apparent bug), and `DRUMk_M_N_s.v`@210a489 uses
 * XOR for the sign but one's-complement negation (~a = −a − 1, so |a| is off by one for negative a). Neither can
 * be the intended arithmetic, so the lab uses the exact magnitudes and the XOR sign (reference A.4.1).
 */
import { createRng } from '../rng';
import type { ApproxFactStatus } from './status';

/** Largest effective width k the functions accept; k ≥ the operands' bit length makes DRUM exact. */
export const DRUM_K_MAX = 32;

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1 || k > DRUM_K_MAX) throw new RangeError(`DRUM k must be an integer in 1…${DRUM_K_MAX}, not ${k}`);
}

function checkMagnitude(x: number): void {
  if (!Number.isSafeInteger(x) || x < 0) throw new RangeError(`DRUM operand must be a non-negative safe integer, not ${x}`);
}

/** t = ⌊log2 x⌋ for a safe integer x ≥ 1, by integer comparisons (Math.log2 alone may misround near powers of two). */
function leadingOnePosition(x: number): number {
  if (x <= 0xffffffff) return 31 - Math.clz32(x);
  let t = Math.floor(Math.log2(x));
  while (2 ** (t + 1) <= x) t++;
  while (2 ** t > x) t--;
  return t;
}

/** x̃: the operand DRUM-k multiplies, for a non-negative integer x (A.4.1). */
export function drumOperand(x: number, k: number): number {
  checkMagnitude(x);
  checkK(k);
  if (x < 2 ** k) return x;
  const shift = leadingOnePosition(x) - k + 1; // s = t − k + 1 ≥ 1
  const scale = 2 ** shift;
  const segment = Math.floor(x / scale); // x >> s: the leading one and the next k − 1 bits
  return (segment % 2 === 0 ? segment + 1 : segment) * scale; // force the k-th bit: (x >> s | 1) << s
}

/**
 * DRUM-k product of two signed integers, by exact sign-magnitude: sgn(a)·sgn(b)·ã·b̃. Exact whenever the product
 * is below 2^53 (always for |a|, |b| < 2^26, which covers the 16-bit designs); ã·b̃ has at most 2k significant bits.
 */
export function drumMultiply(a: number, b: number, k: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b)) throw new RangeError(`DRUM operands must be safe integers, not ${a} and ${b}`);
  const magnitude = drumOperand(Math.abs(a), k) * drumOperand(Math.abs(b), k);
  if (magnitude === 0) return 0;
  return a < 0 !== b < 0 ? -magnitude : magnitude;
}

/** What a bit of x becomes in x̃ (bit 0 = LSB). */
export type DrumBitRole = 'leading' | 'kept' | 'forced' | 'dropped' | 'exact';

/** The bit breakdown of one operand, for the DRUM explorer (reference D.1.4). */
export interface DrumOperandExplanation {
  input: number;
  k: number;
  /** x < 2^k: used as is. */
  exact: boolean;
  /** t = ⌊log2 x⌋; −1 for x = 0. */
  leadingOne: number;
  /** s = t − k + 1 when truncated, 0 when exact. */
  shift: number;
  /** Bits kept below the leading one: k − 2 (none for k ≤ 2), 0 when exact. */
  keptBitCount: number;
  /** Position s of the bit forced to 1; null when exact. For k = 1 it is the leading one itself (no unbiasing). */
  forcedBit: number | null;
  /** Whether x already had a 1 at forcedBit (then forcing changes nothing there). */
  forcedBitWasSet: boolean | null;
  /** x mod 2^s: the value of the dropped bits. */
  droppedValue: number;
  /** The k-bit factor the multiplier uses: (x >> s) | 1, or x when exact. */
  segment: number;
  /** x̃ = segment · 2^s. */
  result: number;
  /** x̃ − x. */
  error: number;
  /** Role of each bit 0…max(t, 0) of x (index = bit position). */
  bits: DrumBitRole[];
}

export function explainDrumOperand(x: number, k: number): DrumOperandExplanation {
  const result = drumOperand(x, k);
  const leadingOne = x === 0 ? -1 : leadingOnePosition(x);
  const width = Math.max(leadingOne, 0) + 1;
  const base = { input: x, k, result, error: result - x, leadingOne };
  if (x < 2 ** k) {
    return {
      ...base,
      exact: true,
      shift: 0,
      keptBitCount: 0,
      forcedBit: null,
      forcedBitWasSet: null,
      droppedValue: 0,
      segment: x,
      bits: new Array<DrumBitRole>(width).fill('exact'),
    };
  }
  const shift = leadingOne - k + 1;
  const scale = 2 ** shift;
  const bits = Array.from({ length: width }, (_, position): DrumBitRole => {
    if (position === leadingOne) return 'leading';
    if (position > shift) return 'kept';
    return position === shift ? 'forced' : 'dropped';
  });
  return {
    ...base,
    exact: false,
    shift,
    keptBitCount: Math.max(k - 2, 0),
    forcedBit: shift,
    forcedBitWasSet: Math.floor(x / scale) % 2 === 1,
    droppedValue: x % scale,
    segment: result / scale,
    bits,
  };
}

export interface DrumErrorStats {
  k: number;
  /** Operand width: both operands uniform integers in [1, 2^bits − 1]. */
  bits: number;
  /** Number of pairs. */
  n: number;
  /** Mean of the relative error e = (DRUM(a, b) − ab) / ab. */
  mean: number;
  /** Standard deviation of e (population, 1/n). */
  std: number;
  /** Mean of |e|. */
  meanAbs: number;
  /** Largest |e|. */
  maxAbs: number;
}

/** Largest operand width drumStats takes: ab < 2^52 stays exact in float64. */
export const DRUM_STATS_MAX_BITS = 26;

/**
 * Relative-error statistics of DRUM-k over n pairs of uniform unsigned `bits`-bit operands in [1, 2^bits − 1]
 * (the distribution of the reference's A.4.1 table), from the seeded stream 'drum-stats' of `seed`.
 */
export function drumStats(k: number, bits: number, n: number, seed: number): DrumErrorStats {
  checkK(k);
  if (!Number.isInteger(bits) || bits < 1 || bits > DRUM_STATS_MAX_BITS) throw new RangeError(`drumStats bits must be an integer in 1…${DRUM_STATS_MAX_BITS}, not ${bits}`);
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`drumStats n must be a positive integer, not ${n}`);
  const rng = createRng(seed, 'drum-stats');
  const largest = 2 ** bits - 1;
  let sum = 0;
  let sumSquares = 0;
  let sumAbs = 0;
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    const a = 1 + rng.int(largest);
    const b = 1 + rng.int(largest);
    const exact = a * b;
    const e = (drumOperand(a, k) * drumOperand(b, k) - exact) / exact;
    sum += e;
    sumSquares += e * e;
    sumAbs += Math.abs(e);
    if (Math.abs(e) > maxAbs) maxAbs = Math.abs(e);
  }
  const mean = sum / n;
  return { k, bits, n, mean, std: Math.sqrt(Math.max(sumSquares / n - mean * mean, 0)), meanAbs: sumAbs / n, maxAbs };
}

/** AxTrain's four multiplier configurations, K1 (most aggressive) … K4 (most conservative) [P §4, §5]. */
export type DrumPresetId = 'K1' | 'K2' | 'K3' | 'K4';
export const DRUM_PRESET_IDS: readonly DrumPresetId[] = ['K1', 'K2', 'K3', 'K4'];

/**
 * K_i → k. AxTrain names K1…K4 but never gives their k; the naming and "effective width k" suggest K_i ≡ k = i
 * (reference A.4.1). The authors' Verilog needs k ≥ 3, so K1 and K2 are this model's extension of it.
 */
export const DRUM_K_PRESETS: Readonly<Record<DrumPresetId, number>> = { K1: 1, K2: 2, K3: 3, K4: 4 };
export const DRUM_K_PRESETS_SOURCE: { status: ApproxFactStatus; citation: string } = {
  status: 'interpretation',
  citation: 'AxTrain §4 names K1…K4 without their k; K_i = k i is the lab’s reading (reference A.4.1)',
};

/** The K presets with the user's remapping applied; every k must be an integer in 1…DRUM_K_MAX. */
export function resolveDrumPresets(mapping: Partial<Record<DrumPresetId, number>> = {}): Record<DrumPresetId, number> {
  const out = { ...DRUM_K_PRESETS };
  for (const [id, k] of Object.entries(mapping)) {
    if (!(DRUM_PRESET_IDS as readonly string[]).includes(id)) throw new RangeError(`Unknown DRUM preset: ${id} (known: ${DRUM_PRESET_IDS.join(', ')})`);
    if (k === undefined) continue;
    checkK(k);
    out[id as DrumPresetId] = k;
  }
  return out;
}
