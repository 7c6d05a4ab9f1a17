/**
 * Per-layer dynamic fixed point in W-bit two's complement (AxTrain §3.2, citing PRIME [18]; reference A.4.1
 * "Operand formats", A.4.2 "Format"), and NTV bit flips on the stored words (A.4.2). Pure TypeScript.
 *
 * A format is W bits: one sign bit, I integer bits and f = W − 1 − I fraction bits. A value v is stored as
 *   q = clamp(round(v · 2^f), −2^(W−1), 2^(W−1) − 1)      (round to nearest, ties to even, as tf.round; saturate)
 * and read back as q · 2^−f, so the representable range is [−2^I, 2^I − 2^−f] in steps of one LSB = 2^−f.
 *
 * The rule for I (chooseFormat), one rule for both hardware models:
 *   I = the smallest integer ≥ minIntBits with max|v| < 2^I, kept within [FIXED_POINT_INT_BITS_MIN, FIXED_POINT_INT_BITS_MAX]
 * - NTV weight storage: minIntBits = 0 (STORED_WEIGHT_MIN_INT_BITS). Reference A.4.2: I ≥ 0; AxTrain §3.2 says
 *   weights in 10⁻³…10⁻¹ need no integer bits, and unneeded high bits only add flip noise. [I]
 * - DRUM operands: minIntBits = FIXED_POINT_INT_BITS_MIN (DRUM_OPERAND_MIN_INT_BITS), i.e. I may be negative: the
 *   fraction length is chosen so that the largest |value| fits (reference A.4.1, 16-bit operands). [I/E]
 * Edge of the rule: a positive value within LSB/2 below 2^I rounds to 2^(W−1) and saturates to 2^I − LSB, an error
 * below one LSB (not half); every other value of the layer is within LSB/2. The bounds ±64 keep 2^f and 2^−f normal
 * float32 numbers for W ≤ 24, so the tensor ops (src/ml/axtrain/hardware.ts) compute the same formats and words.
 */
import type { Rng } from '../rng';

export interface FixedPointFormat {
  /** W: bits per word, the sign bit included. */
  wordBits: number;
  /** f = W − 1 − I; may exceed W − 1 (I < 0) or be negative (I > W − 1). */
  fracBits: number;
  /** I: bits above the binary point, the sign bit excluded; may be negative. */
  intBits: number;
}

/** Word widths the functions accept: every W-bit integer and q · 2^−f (W ≤ 24 significant bits) are exact in float32. */
export const FIXED_POINT_WORD_BITS_MIN = 2;
export const FIXED_POINT_WORD_BITS_MAX = 24;
/** Bounds on I (see the module comment). */
export const FIXED_POINT_INT_BITS_MIN = -64;
export const FIXED_POINT_INT_BITS_MAX = 64;
/** NTV SRAM words (weights and biases): I ≥ 0 (reference A.4.2). */
export const STORED_WEIGHT_MIN_INT_BITS = 0;
/** DRUM operands: I as small as the data allows (reference A.4.1). */
export const DRUM_OPERAND_MIN_INT_BITS = FIXED_POINT_INT_BITS_MIN;

export function checkWordBits(wordBits: number): void {
  if (!Number.isInteger(wordBits) || wordBits < FIXED_POINT_WORD_BITS_MIN || wordBits > FIXED_POINT_WORD_BITS_MAX) {
    throw new RangeError(`wordBits must be an integer in ${FIXED_POINT_WORD_BITS_MIN}…${FIXED_POINT_WORD_BITS_MAX}, not ${wordBits}`);
  }
}

/** The smallest I in [lower, FIXED_POINT_INT_BITS_MAX] with maxAbs < 2^I (capped at the upper bound). */
function countIntBits(maxAbs: number, lower: number): number {
  if (!(maxAbs >= 2 ** lower)) return lower;
  if (!Number.isFinite(maxAbs)) return FIXED_POINT_INT_BITS_MAX;
  let intBits = Math.floor(Math.log2(maxAbs)) + 1;
  while (intBits > lower && maxAbs < 2 ** (intBits - 1)) intBits--;
  while (maxAbs >= 2 ** intBits) intBits++;
  return Math.min(intBits, FIXED_POINT_INT_BITS_MAX);
}

/**
 * The per-layer format of `values` in `wordBits` bits: I = the smallest integer ≥ minIntBits with max|v| < 2^I,
 * f = W − 1 − I (module comment). NaN throws; ±Inf gives the largest I.
 */
export function chooseFormat(values: ArrayLike<number>, wordBits: number, options: { minIntBits?: number } = {}): FixedPointFormat {
  checkWordBits(wordBits);
  const minIntBits = options.minIntBits ?? STORED_WEIGHT_MIN_INT_BITS;
  if (Number.isNaN(minIntBits) || (Number.isFinite(minIntBits) && !Number.isInteger(minIntBits))) throw new RangeError(`minIntBits must be an integer, not ${minIntBits}`);
  const lower = Math.min(Math.max(minIntBits, FIXED_POINT_INT_BITS_MIN), FIXED_POINT_INT_BITS_MAX);
  let maxAbs = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) throw new RangeError(`chooseFormat: value ${i} is NaN`);
    if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
  }
  const intBits = countIntBits(maxAbs, lower);
  return { wordBits, intBits, fracBits: wordBits - 1 - intBits };
}

/** The words of a W-bit format: q ∈ [min, max]; one LSB = 2^−f. */
export function describeFormatRange(format: FixedPointFormat): { minWord: number; maxWord: number; lsb: number; minValue: number; maxValue: number } {
  const minWord = -(2 ** (format.wordBits - 1));
  const maxWord = 2 ** (format.wordBits - 1) - 1;
  const lsb = 2 ** -format.fracBits;
  return { minWord, maxWord, lsb, minValue: minWord * lsb, maxValue: maxWord * lsb };
}

/** Round to nearest, ties to even (tf.round's rule, so core and tensor words agree). */
export function roundHalfToEven(x: number): number {
  const r = Math.round(x); // ties toward +∞
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** q = clamp(round(v · 2^f), −2^(W−1), 2^(W−1) − 1). NaN throws; ±Inf saturates. */
export function quantize(values: ArrayLike<number>, format: FixedPointFormat): Int32Array {
  checkWordBits(format.wordBits);
  const { minWord, maxWord } = describeFormatRange(format);
  const scale = 2 ** format.fracBits;
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) throw new RangeError(`quantize: value ${i} is NaN`);
    out[i] = Math.min(maxWord, Math.max(minWord, roundHalfToEven(v * scale)));
  }
  return out;
}

/** v = q · 2^−f, exact in float32 for W ≤ 24. */
export function dequantize(words: ArrayLike<number>, format: FixedPointFormat): Float32Array {
  const lsb = 2 ** -format.fracBits;
  const out = new Float32Array(words.length);
  for (let i = 0; i < words.length; i++) out[i] = words[i] * lsb;
  return out;
}

/**
 * One W-bit flip mask per word: every bit is 1 independently with probability p (AxTrain §3.2 "randomly flipping
 * the bits in network weights at a certain probability"; i.i.d. per bit [I], reference A.4.2).
 * Drawn by gaps: the number G of unflipped bits before the next flipped one is geometric, P(G ≥ g) = (1 − p)^g,
 * drawn as G = ⌊ln U / ln(1 − p)⌋ with U uniform in (0, 1]: the same law as one Bernoulli draw per bit, to the 2^−32
 * resolution of the generator, at one uniform and one log per flip instead of one uniform per bit. For p > 1/2 the
 * unflipped bits are drawn this way (rate 1 − p) and the mask inverted, so the cost is ∝ min(p, 1 − p).
 * Measured in Node 20 on this machine, 10⁶ bits: 0.5 ms at p = 0.01, 3 ms at 0.1, 16 ms at 0.5; one uniform per
 * bit took 13–19 ms at every p. Bits are numbered word-major, bit 0 = LSB.
 */
export function drawFlipMasks(count: number, wordBits: number, p: number, rng: Rng): Int32Array {
  checkWordBits(wordBits);
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, not ${count}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`flip rate p must be in [0, 1], not ${p}`);
  const masks = new Int32Array(count);
  const inverted = p > 0.5;
  const rate = inverted ? 1 - p : p;
  const totalBits = count * wordBits;
  if (rate > 0) {
    const logKeep = Math.log1p(-rate); // ln(1 − rate) < 0
    for (let bit = -1; ; ) {
      bit += 1 + Math.floor(Math.log(1 - rng.next()) / logKeep);
      if (bit >= totalBits) break;
      masks[Math.floor(bit / wordBits)] |= 1 << (bit % wordBits);
    }
  }
  if (inverted) {
    const wordMask = 2 ** wordBits - 1;
    for (let i = 0; i < count; i++) masks[i] = ~masks[i] & wordMask;
  }
  return masks;
}

/**
 * The stored words after their bits flip: q' = decode(bits(q) ⊕ mask), two's complement in W bits. An all-ones
 * mask gives q' = −q − 1. Words must lie in [−2^(W−1), 2^(W−1) − 1]; mask bits above W are ignored.
 */
export function applyFlipMasks(words: Int32Array, masks: Int32Array, wordBits: number): Int32Array {
  checkWordBits(wordBits);
  if (masks.length !== words.length) throw new RangeError(`applyFlipMasks: ${words.length} words but ${masks.length} masks`);
  const wordMask = 2 ** wordBits - 1;
  const unused = 32 - wordBits;
  const minWord = -(2 ** (wordBits - 1));
  const maxWord = 2 ** (wordBits - 1) - 1;
  const out = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const q = words[i];
    if (q < minWord || q > maxWord) throw new RangeError(`applyFlipMasks: word ${i} (${q}) does not fit ${wordBits} bits`);
    const flipped = (q & wordMask) ^ (masks[i] & wordMask); // the W stored bits, unsigned
    out[i] = (flipped << unused) >> unused; // sign-extend bit W−1
  }
  return out;
}

/** flipBits = applyFlipMasks(q, drawFlipMasks(q.length, W, p, rng), W): i.i.d. Bernoulli(p) flips per stored bit. */
export function flipBits(words: Int32Array, wordBits: number, p: number, rng: Rng): Int32Array {
  return applyFlipMasks(words, drawFlipMasks(words.length, wordBits, p, rng), wordBits);
}
