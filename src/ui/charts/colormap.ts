/**
 * Small colour lookup tables (256 RGB entries) built from a few anchor colours.
 * - DIVERGING: blue → near-white → orange, for signed values (function surfaces, control values);
 * - SEQUENTIAL: a viridis-like ramp, dark → bright, for magnitudes (|error|, activations).
 */
export type Lut = Uint8ClampedArray; // [256 × 3]

function buildLut(anchors: readonly [number, number, number][]): Lut {
  const lut = new Uint8ClampedArray(256 * 3);
  const segments = anchors.length - 1;
  for (let k = 0; k < 256; k++) {
    const t = (k / 255) * segments;
    const s = Math.min(segments - 1, Math.floor(t));
    const f = t - s;
    for (let c = 0; c < 3; c++) lut[k * 3 + c] = anchors[s][c] + (anchors[s + 1][c] - anchors[s][c]) * f;
  }
  return lut;
}

export const DIVERGING: Lut = buildLut([
  [33, 102, 172],
  [103, 169, 207],
  [209, 229, 240],
  [247, 247, 247],
  [253, 219, 199],
  [239, 138, 98],
  [178, 24, 43],
]);

export const SEQUENTIAL: Lut = buildLut([
  [68, 1, 84],
  [59, 82, 139],
  [33, 145, 140],
  [94, 201, 98],
  [253, 231, 37],
]);

/** Grey-green ramp for probabilities: 0 = light grey, 1 = green. */
export const PROBABILITY: Lut = buildLut([
  [240, 240, 240],
  [199, 233, 192],
  [116, 196, 118],
  [35, 139, 69],
]);

/** LUT index of a value in [min, max]; NaN maps to -1 (drawn as magenta). */
export function indexInLut(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return -1;
  const t = max > min ? (value - min) / (max - min) : 0.5;
  return Math.min(255, Math.max(0, Math.round(t * 255)));
}

/** CSS linear-gradient of a LUT, for legends. */
export function formatLutGradient(lut: Lut, direction = 'to right'): string {
  const stops: string[] = [];
  for (let k = 0; k <= 8; k++) {
    const i = Math.round((k / 8) * 255) * 3;
    stops.push(`rgb(${lut[i]}, ${lut[i + 1]}, ${lut[i + 2]}) ${(k / 8) * 100}%`);
  }
  return `linear-gradient(${direction}, ${stops.join(', ')})`;
}
