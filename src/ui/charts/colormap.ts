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

/**
 * A colour scale: value → t ∈ [0, 1] (t = 0 at min, 1 at max, clamped outside).
 * - linear: t = (v − min) / (max − min);
 * - log: t = (log10 v − log10 min) / (log10 max − log10 min), min > 0; v ≤ 0 → t = 0.
 * `clipped` says that values above max exist and are drawn in max's colour (the bar's top label reads "≥ max").
 * `mark` is a value to draw on the colour bar (the error bound), with its label.
 */
export interface ColorScale {
  kind: 'linear' | 'log';
  min: number;
  max: number;
  clipped: boolean;
  mark: { value: number; label: string } | null;
}

export function createLinearScale(min: number, max: number): ColorScale {
  return { kind: 'linear', min, max, clipped: false, mark: null };
}

/** Position of a value on the scale, clamped to [0, 1]; NaN for NaN (drawn as magenta). */
export function scaleToUnit(scale: ColorScale, value: number): number {
  if (Number.isNaN(value)) return Number.NaN;
  let t: number;
  if (scale.kind === 'log') {
    if (!(value > 0)) return 0;
    const lo = Math.log10(scale.min);
    const hi = Math.log10(scale.max);
    t = hi > lo ? (Math.log10(value) - lo) / (hi - lo) : 0.5;
  } else {
    t = scale.max > scale.min ? (value - scale.min) / (scale.max - scale.min) : 0.5;
  }
  return Math.min(1, Math.max(0, t));
}

/** LUT index (0..255) of a value on a scale; −1 for NaN. */
export function indexOnScale(scale: ColorScale, value: number): number {
  const t = scaleToUnit(scale, value);
  return Number.isNaN(t) ? -1 : Math.round(t * 255);
}

/** Decades the |error| scale shows below the bound: errors under bound/100 share the lowest colour. */
export const ERROR_DECADES_BELOW = 2;
/** The |error| scale ends at most this many decades above the bound (relative errors near a zero reach 1e11). */
export const ERROR_DECADES_ABOVE = 3;

/**
 * Log scale for |error| maps around the error bound b (eq. 1: safe ⇔ e < b):
 * [b·10^−2, clamp(max e, 10·b, b·10^3)], so the bound sits at a fixed, visible place and errors just under
 * it get other colours than errors far under it. Larger errors are clipped to the top colour.
 */
export function buildErrorScale(maxError: number, bound: number): ColorScale {
  const b = bound > 0 && Number.isFinite(bound) ? bound : 1;
  const min = b * 10 ** -ERROR_DECADES_BELOW;
  const top = b * 10 ** ERROR_DECADES_ABOVE;
  const finiteMax = Number.isFinite(maxError) ? maxError : top;
  const max = Math.min(top, Math.max(b * 10, finiteMax));
  return { kind: 'log', min, max, clipped: maxError > max, mark: { value: b, label: `bound ${formatTick(b)}` } };
}

export interface ScaleTick {
  value: number;
  /** Position along the bar, 0 (min) … 1 (max). */
  t: number;
  label: string;
}

/** Short text of a number for ticks and colour bars: 3 significant digits, exponent form outside [0.001, 10⁴). */
export function formatTick(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '–' : value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e4 || magnitude < 1e-3) {
    const [mantissa, exponent] = value.toExponential(0).split('e');
    return `${mantissa === '1' ? '' : mantissa === '-1' ? '−' : `${mantissa.replace('-', '−')}×`}10${toSuperscript(Number(exponent))}`;
  }
  const text = Number(value.toPrecision(3)).toString();
  return text.replace('-', '−');
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
function toSuperscript(exponent: number): string {
  const digits = String(Math.abs(exponent))
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)]);
  return (exponent < 0 ? '⁻' : '') + digits.join('');
}

/** Step of "nice" linear ticks: 1, 2 or 5 × 10^k, about span / count. */
function findNiceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10) * power;
}

/**
 * Ticks for a colour bar or an axis: both ends (min, max) and up to `count` nice values between
 * (multiples of 1/2/5·10^k on a linear scale, powers of ten on a log scale); inner ticks closer than
 * `endGap` (a fraction of the bar) to an end are dropped so that labels do not overlap.
 */
export function listScaleTicks(scale: ColorScale, count = 4, endGap = 0.12): ScaleTick[] {
  const tick = (value: number): ScaleTick => ({ value, t: scaleToUnit(scale, value), label: formatTick(value) });
  const ends = [tick(scale.min), tick(scale.max)];
  if (!(scale.max > scale.min) || !Number.isFinite(scale.min) || !Number.isFinite(scale.max)) return scale.max === scale.min ? [ends[0]] : ends;
  const inner: number[] = [];
  if (scale.kind === 'log') {
    const lo = Math.ceil(Math.log10(scale.min) - 1e-9);
    const hi = Math.floor(Math.log10(scale.max) + 1e-9);
    const every = Math.max(1, Math.ceil((hi - lo + 1) / Math.max(1, count)));
    for (let k = lo; k <= hi; k += every) inner.push(10 ** k);
  } else {
    const step = findNiceStep(scale.max - scale.min, count);
    for (let k = Math.ceil(scale.min / step - 1e-9); k * step <= scale.max + step * 1e-9; k++) inner.push(Math.abs(k * step) < step * 1e-9 ? 0 : k * step);
  }
  const middle = inner.map(tick).filter((candidate) => candidate.t > endGap && candidate.t < 1 - endGap);
  if (scale.clipped) ends[1] = { ...ends[1], label: `≥ ${ends[1].label}` };
  return [ends[0], ...middle, ends[1]];
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

/**
 * Ticks whose labels fit on a bar `width` CSS px wide without touching: the end labels hang inwards from the
 * ends ([0, w₀] and [W − wₙ, W]), inner labels are centred on t·W; a label is about `charPx` per character, and
 * labels keep `gapPx` apart. Inner ticks that would collide are dropped, left to right; the ends always stay.
 */
export function dropCrowdedTicks(ticks: readonly ScaleTick[], width: number, charPx = 7, gapPx = 8): ScaleTick[] {
  if (ticks.length <= 2) return [...ticks];
  const first = ticks[0];
  const last = ticks[ticks.length - 1];
  const span = (tick: ScaleTick) => tick.label.length * charPx;
  const lastLeft = width - span(last);
  const kept: ScaleTick[] = [first];
  let right = span(first);
  for (const tick of ticks.slice(1, -1)) {
    const centre = tick.t * width;
    const half = span(tick) / 2;
    if (centre - half >= right + gapPx && centre + half <= lastLeft - gapPx) {
      kept.push(tick);
      right = centre + half;
    }
  }
  kept.push(last);
  return kept;
}
