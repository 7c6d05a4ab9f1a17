/**
 * Canvas drawing of Sweep mode: one small invocation chart per variant, and the summary chart (final
 * metrics against the swept value, mean ± std over seeds as error bars). Plain 2-D canvas calls, sized
 * in CSS px and scaled by devicePixelRatio; no React and no chart library, so that 256 variants redraw
 * in one animation frame.
 */
import type { SweepSummaryRow } from '../../core/sweep';
import type { SweepVariantRun } from '../../state/sweepSlice';

export const TRUE_COLOR = '#1559b0';
export const PREDICTED_COLOR = '#c25a00';
export const ERROR_COLOR = '#1b7f3b';
const STOPPED_COLOR = '#b71c1c';
const GRID_COLOR = '#e6e8ec';
const AXIS_COLOR = '#333';
const FONT = '13px Helvetica Neue, Helvetica, Arial, system-ui, sans-serif';
const BOLD_FONT = '600 13px Helvetica Neue, Helvetica, Arial, system-ui, sans-serif';
const CELL_FONT = '12px Helvetica Neue, Helvetica, Arial, system-ui, sans-serif';
const CELL_BOLD_FONT = '600 12px Helvetica Neue, Helvetica, Arial, system-ui, sans-serif';
export const PREDICTED_DASH = [6, 4];

/** Sizes the canvas's backing store to its CSS box × devicePixelRatio; returns a context in CSS px, or null. */
export function prepareCanvas(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number): CanvasRenderingContext2D | null {
  const ratio = Math.max(1, Math.min(2, globalThis.devicePixelRatio || 1));
  const width = Math.max(1, Math.round(cssWidth * ratio));
  const height = Math.max(1, Math.round(cssHeight * ratio));
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, cssWidth, cssHeight);
  return ctx;
}

/**
 * One variant's curves: true invocation (solid) and predicted invocation (dashed), x = step 0…totalSteps,
 * y = 0…1 with a mid line at 0.5. A stopped variant gets a red frame and its stop step.
 */
export function drawVariantCurves(ctx: CanvasRenderingContext2D, width: number, height: number, variant: SweepVariantRun, totalSteps: number): void {
  const pad = 3;
  const w = width - 2 * pad;
  const h = height - 2 * pad;
  const xOf = (step: number) => pad + (totalSteps > 0 ? (step / totalSteps) * w : 0);
  const yOf = (value: number) => pad + (1 - Math.min(1, Math.max(0, value))) * h;
  ctx.strokeStyle = GRID_COLOR;
  ctx.lineWidth = 1;
  ctx.strokeRect(pad + 0.5, pad + 0.5, w - 1, h - 1);
  ctx.beginPath();
  ctx.moveTo(pad, yOf(0.5) + 0.5);
  ctx.lineTo(pad + w, yOf(0.5) + 0.5);
  ctx.stroke();
  const line = (values: readonly number[], color: string, dash: number[], lineWidth: number) => {
    ctx.strokeStyle = color;
    ctx.lineWidth = lineWidth;
    ctx.setLineDash(dash);
    ctx.beginPath();
    let started = false;
    for (let i = 0; i < values.length; i++) {
      if (!Number.isFinite(values[i])) continue;
      const x = xOf(variant.steps[i]);
      const y = yOf(values[i]);
      if (started) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
      started = true;
    }
    ctx.stroke();
    // A single point is a dot, so the first evaluation shows.
    if (values.length === 1 && Number.isFinite(values[0])) {
      ctx.fillStyle = color;
      ctx.beginPath();
      ctx.arc(xOf(variant.steps[0]), yOf(values[0]), 2.5, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.setLineDash([]);
  };
  line(variant.predictedInvocation, PREDICTED_COLOR, PREDICTED_DASH, 1.5);
  line(variant.trueInvocation, TRUE_COLOR, [], 2.25);
  if (variant.stopped) {
    ctx.strokeStyle = STOPPED_COLOR;
    ctx.lineWidth = 2;
    ctx.strokeRect(1, 1, width - 2, height - 2);
    const x = xOf(variant.stopped.atStep);
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(x, pad);
    ctx.lineTo(x, pad + h);
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

/**
 * One cell of the multiples grid at the origin: a frame, the caption (label, then readout, 12 px) and the
 * curves below it. Clears its own rectangle first, so a frame can redraw only the cells that changed.
 */
export function drawVariantCell(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  captionHeight: number,
  label: string,
  readout: string,
  variant: SweepVariantRun,
  totalSteps: number,
): void {
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.strokeStyle = variant.stopped ? STOPPED_COLOR : '#d5dae0';
  ctx.lineWidth = variant.stopped ? 2 : 1;
  ctx.strokeRect(0.5, 0.5, width - 1, height - 1);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.font = CELL_BOLD_FONT;
  ctx.fillStyle = AXIS_COLOR;
  ctx.fillText(label, 6, 4, width - 12);
  ctx.font = CELL_FONT;
  ctx.fillStyle = variant.stopped ? STOPPED_COLOR : '#4a5561';
  ctx.fillText(readout, 6, 19, width - 12);
  ctx.save();
  ctx.translate(2, captionHeight);
  drawVariantCurves(ctx, width - 4, height - captionHeight - 2, { ...variant, stopped: null }, totalSteps);
  ctx.restore();
  if (variant.stopped) {
    // The stop step as a dashed line over the curves.
    const x = 2 + 3 + (totalSteps > 0 ? (variant.stopped.atStep / totalSteps) * (width - 10) : 0);
    ctx.strokeStyle = STOPPED_COLOR;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([3, 3]);
    ctx.beginPath();
    ctx.moveTo(x, captionHeight + 3);
    ctx.lineTo(x, height - 5);
    ctx.stroke();
    ctx.setLineDash([]);
  }
}

/** About `count` round tick values in [lo, hi] (1, 2, 5 × 10^k steps). */
export function computeLinearTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** Ticks of a log axis over [lo, hi]: the decades, with 2 and 5 between them when there are few decades. */
export function computeLogTicks(lo: number, hi: number): number[] {
  if (!(lo > 0 && hi > lo)) return [lo];
  const ticks: number[] = [];
  const first = Math.floor(Math.log10(lo));
  const last = Math.ceil(Math.log10(hi));
  const decades = last - first;
  const mantissas = decades <= 3 ? [1, 2, 5] : [1];
  for (let k = first; k <= last; k++) {
    for (const m of mantissas) {
      const t = Number((m * 10 ** k).toPrecision(12));
      if (t >= lo * (1 - 1e-9) && t <= hi * (1 + 1e-9)) ticks.push(t);
    }
  }
  return ticks.length >= 2 ? ticks : [lo, hi];
}

export function formatTick(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e4 || abs < 1e-3) return value.toExponential(0);
  return String(Number(value.toPrecision(3)));
}

export interface SummaryChartTexts {
  logScale: string;
  axisInvocation: string;
  axisError: string;
  axisErrorNone: string;
}

const ENGLISH_SUMMARY_TEXTS: SummaryChartTexts = {
  logScale: ' (log scale)',
  axisInvocation: 'invocation (fraction)',
  axisError: 'overall error',
  axisErrorNone: 'overall error (none predicted safe)',
};

export interface SummaryChartOptions {
  log: boolean;
  xLabel: string;
  /** The axes' texts in the page's language (default English). */
  texts?: SummaryChartTexts;
  /** Also mark the swept values (the x of every row) with ticks under the axis. */
}

/**
 * The summary: x = swept value (log or linear), left y = final true (solid, dots) and predicted (dashed,
 * squares) invocation 0…1, right y = overall error (green, diamonds) from 0. Each marker has an error bar
 * of ± one std over the seeds.
 */
export function drawSummaryChart(ctx: CanvasRenderingContext2D, width: number, height: number, rows: readonly SweepSummaryRow[], options: SummaryChartOptions): void {
  const texts = options.texts ?? ENGLISH_SUMMARY_TEXTS;
  const left = 62;
  const right = 70;
  const top = 14;
  const bottom = 48;
  const w = Math.max(10, width - left - right);
  const h = Math.max(10, height - top - bottom);
  const xs = rows.map((r) => r.value).filter((x) => Number.isFinite(x) && (!options.log || x > 0));
  if (xs.length === 0) return;
  let lo = Math.min(...xs);
  let hi = Math.max(...xs);
  if (lo === hi) {
    lo = options.log ? lo / 2 : lo - 1;
    hi = options.log ? hi * 2 : hi + 1;
  }
  const toUnit = options.log ? (x: number) => (Math.log(x) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (x: number) => (x - lo) / (hi - lo);
  const inset = 12;
  const xOf = (x: number) => left + inset + toUnit(x) * (w - 2 * inset);
  const yOf = (v: number) => top + (1 - Math.min(1, Math.max(0, v))) * h;
  const errors = rows.flatMap((r) => (r.overallError ? [r.overallError.mean + r.overallError.std] : [])).filter(Number.isFinite);
  const errorTicks = computeLinearTicks(0, Math.max(1e-9, ...errors) * 1.05, 4);
  const errorMax = errorTicks[errorTicks.length - 1] > 0 ? Math.max(errorTicks[errorTicks.length - 1], Math.max(1e-9, ...errors)) : 1;
  const y2Of = (e: number) => top + (1 - Math.min(1, Math.max(0, e / errorMax))) * h;

  // Grid and axes.
  ctx.font = FONT;
  ctx.lineWidth = 1;
  ctx.strokeStyle = GRID_COLOR;
  ctx.fillStyle = AXIS_COLOR;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of [0, 0.2, 0.4, 0.6, 0.8, 1]) {
    ctx.beginPath();
    ctx.moveTo(left, Math.round(yOf(v)) + 0.5);
    ctx.lineTo(left + w, Math.round(yOf(v)) + 0.5);
    ctx.stroke();
    ctx.fillText(v.toFixed(1), left - 6, yOf(v));
  }
  ctx.textAlign = 'left';
  ctx.fillStyle = ERROR_COLOR;
  // No overall error anywhere (no sample predicted safe): no right-axis numbers to invent.
  if (errors.length > 0) for (const e of errorTicks) if (e <= errorMax * (1 + 1e-9)) ctx.fillText(formatTick(e), left + w + 6, y2Of(e));
  ctx.fillStyle = AXIS_COLOR;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const xTicks = options.log ? computeLogTicks(lo, hi) : computeLinearTicks(lo, hi, 6);
  for (const t of xTicks) {
    const x = xOf(t);
    ctx.strokeStyle = GRID_COLOR;
    ctx.beginPath();
    ctx.moveTo(Math.round(x) + 0.5, top);
    ctx.lineTo(Math.round(x) + 0.5, top + h);
    ctx.stroke();
    ctx.fillText(formatTick(t), x, top + h + 5);
  }
  ctx.strokeStyle = AXIS_COLOR;
  ctx.strokeRect(left + 0.5, top + 0.5, w, h);
  // The swept values: short ticks under the plot.
  ctx.strokeStyle = '#8a939c';
  for (const x of xs) {
    ctx.beginPath();
    ctx.moveTo(xOf(x), top + h);
    ctx.lineTo(xOf(x), top + h - 5);
    ctx.stroke();
  }
  ctx.font = BOLD_FONT;
  ctx.fillStyle = AXIS_COLOR;
  ctx.fillText(`${options.xLabel}${options.log ? texts.logScale : ''}`, left + w / 2, top + h + 24);
  ctx.save();
  ctx.translate(16, top + h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(texts.axisInvocation, 0, 0);
  ctx.restore();
  ctx.save();
  ctx.translate(width - 14, top + h / 2);
  ctx.rotate(Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillStyle = ERROR_COLOR;
  ctx.fillText(errors.length > 0 ? texts.axisError : texts.axisErrorNone, 0, 0);
  ctx.restore();

  // Series: lines through the means, markers, ± std bars.
  const sorted = [...rows].filter((r) => xs.includes(r.value)).sort((a, b) => a.value - b.value);
  const series = (
    pick: (r: SweepSummaryRow) => { mean: number; std: number } | null,
    y: (v: number) => number,
    color: string,
    dash: number[],
    marker: 'circle' | 'square' | 'diamond',
  ) => {
    const points = sorted
      .map((r) => ({ x: xOf(r.value), m: pick(r) }))
      .filter((p): p is { x: number; m: { mean: number; std: number } } => p.m !== null && Number.isFinite(p.m.mean));
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = 2;
    ctx.setLineDash(dash);
    ctx.beginPath();
    points.forEach((p, k) => (k === 0 ? ctx.moveTo(p.x, y(p.m.mean)) : ctx.lineTo(p.x, y(p.m.mean))));
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.lineWidth = 1.5;
    for (const p of points) {
      if (p.m.std > 0) {
        const y0 = y(p.m.mean - p.m.std);
        const y1 = y(p.m.mean + p.m.std);
        ctx.beginPath();
        ctx.moveTo(p.x, y0);
        ctx.lineTo(p.x, y1);
        ctx.moveTo(p.x - 4, y0);
        ctx.lineTo(p.x + 4, y0);
        ctx.moveTo(p.x - 4, y1);
        ctx.lineTo(p.x + 4, y1);
        ctx.stroke();
      }
      const cy = y(p.m.mean);
      ctx.beginPath();
      if (marker === 'circle') ctx.arc(p.x, cy, 4, 0, 2 * Math.PI);
      else if (marker === 'square') ctx.rect(p.x - 3.5, cy - 3.5, 7, 7);
      else {
        ctx.moveTo(p.x, cy - 5);
        ctx.lineTo(p.x + 5, cy);
        ctx.lineTo(p.x, cy + 5);
        ctx.lineTo(p.x - 5, cy);
        ctx.closePath();
      }
      ctx.fill();
    }
  };
  series((r) => r.overallError, y2Of, ERROR_COLOR, [2, 3], 'diamond');
  series((r) => r.predictedInvocation, yOf, PREDICTED_COLOR, PREDICTED_DASH, 'square');
  series((r) => r.trueInvocation, yOf, TRUE_COLOR, [], 'circle');
}
