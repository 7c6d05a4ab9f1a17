/**
 * Synthetic image-like patches for the image targets (jpeg, sobel, kmeans).
 * Placeholder: a later issue replaces these with windows cut from real photographs
 * (reference §7). A patch is a smooth random field — a mean level, a linear gradient,
 * a low-frequency cosine — plus, sometimes, one straight step edge, plus small noise.
 * Values are intensities in [0, 1].
 */
import type { Rng } from '../rng';
import { clampValue } from './sampling';

/** Statistics of a synthetic patch; intensities in [0, 1], distances in pixels. */
export interface PatchStyle {
  /** Standard deviation of the linear gradient, intensity per pixel. */
  gradientStd: number;
  /** Largest amplitude of the low-frequency cosine. */
  waveAmplitudeMax: number;
  /** Probability of one straight step edge. */
  edgeProbability: number;
  /** Largest |step| of the edge. */
  edgeStepMax: number;
  /** Standard deviation of the per-pixel noise. */
  noiseStd: number;
}

/** Default: 8×8 photo-like blocks (tuned so quantized DCT blocks have ~7–10 nonzero terms). */
export const BLOCK_PATCH_STYLE: PatchStyle = {
  gradientStd: 0.02,
  waveAmplitudeMax: 0.08,
  edgeProbability: 0.4,
  edgeStepMax: 0.5,
  noiseStd: 0.01,
};

/** Fills out[y·width + x] (row-major) with a width×height image-like patch in [0, 1]. */
export function fillImagePatch(
  rng: Rng,
  width: number,
  height: number,
  out: Float64Array,
  style: PatchStyle = BLOCK_PATCH_STYLE,
): void {
  const mean = rng.uniform(0.05, 0.95);
  const gradientX = rng.normal() * style.gradientStd; // intensity per pixel
  const gradientY = rng.normal() * style.gradientStd;
  const waveAmplitude = rng.uniform(0, style.waveAmplitudeMax);
  const waveFrequencyX = rng.uniform(0, 0.8); // radians per pixel
  const waveFrequencyY = rng.uniform(0, 0.8);
  const wavePhase = rng.uniform(0, 2 * Math.PI);
  const hasEdge = rng.next() < style.edgeProbability;
  const edgeAngle = rng.uniform(0, 2 * Math.PI);
  const edgeNormalX = Math.cos(edgeAngle), edgeNormalY = Math.sin(edgeAngle);
  const edgeOffset = rng.uniform(-0.5, 0.5) * Math.max(width, height);
  const edgeStep = rng.uniform(-style.edgeStepMax, style.edgeStepMax);
  const centreX = (width - 1) / 2, centreY = (height - 1) / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = x - centreX, dy = y - centreY;
      let v = mean + gradientX * dx + gradientY * dy;
      v += waveAmplitude * Math.cos(waveFrequencyX * dx + waveFrequencyY * dy + wavePhase);
      if (hasEdge && dx * edgeNormalX + dy * edgeNormalY > edgeOffset) v += edgeStep;
      v += style.noiseStd * rng.normal();
      out[y * width + x] = clampValue(v, 0, 1);
    }
  }
}

/** Draws one image-like RGB colour in [0, 1]³ (channels correlated, as in photographs). */
export function drawImageColour(rng: Rng, out: Float64Array, offset: number): void {
  const luminance = rng.uniform(0.05, 0.95);
  const chromaSpread = rng.uniform(0, 0.3);
  for (let c = 0; c < 3; c++) out[offset + c] = clampValue(luminance + chromaSpread * rng.uniform(-1, 1), 0, 1);
}
