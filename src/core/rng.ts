/**
 * Seeded pseudo-random numbers. One user seed drives every random choice of a run:
 * data sampling, weight initialization and batch order. Each consumer takes its own
 * named stream derived from that seed, so that (for example) switching the lone
 * approximator on does not shift AXNet's batch order.
 *
 * Generator: xoshiro128** (Blackman & Vigna), seeded through splitmix32.
 * Never use Math.random in training code.
 */

export interface Rng {
  /** Uniform float in [0, 1), 32 bits of randomness. */
  next(): number;
  /** Uniform float in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal N(0, 1), Box–Muller. */
  normal(): number;
  /** The stream's full position: the four xoshiro128** words and the spare Box–Muller normal (a checkpoint's part). */
  getState(): RngState;
  /** Continues from a state of getState: the draws that follow equal those that followed it. */
  setState(state: RngState): void;
}

/** A stream's position as plain data (structured-clone and JSON safe). */
export interface RngState {
  /** xoshiro128** state words a, b, c, d as uint32. */
  words: [number, number, number, number];
  /** The second normal of the last Box–Muller pair, not yet handed out, or null. */
  spareNormal: number | null;
}

/** Named streams of one run. Adding a stream never changes the others. */
export type RngStream = 'train-data' | 'test-data' | 'axnet-init' | 'lone-init' | 'batches' | 'baseline-init' | 'misc';

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a hash of a stream name, so that streams are independent of declaration order. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function createRng(seed: number, stream: RngStream | string = 'misc'): Rng {
  const mix = splitmix32((Math.trunc(seed) ^ hashString(stream)) >>> 0);
  let a = mix(),
    b = mix(),
    c = mix(),
    d = mix();
  if ((a | b | c | d) === 0) a = 1;
  let spareNormal: number | null = null;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const next = (): number => nextUint32() / 4294967296;

  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (n) => Math.floor(next() * n),
    normal: () => {
      if (spareNormal !== null) {
        const v = spareNormal;
        spareNormal = null;
        return v;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const radius = Math.sqrt(-2 * Math.log(u));
      spareNormal = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
    getState: () => ({ words: [a, b, c, d], spareNormal }),
    setState: (state) => {
      const words = state.words.map((w) => w >>> 0);
      if (words.length !== 4 || words.every((w) => w === 0)) throw new Error('An Rng state needs four words, not all zero');
      [a, b, c, d] = words;
      spareNormal = typeof state.spareNormal === 'number' ? state.spareNormal : null;
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
