/**
 * Layout of the NAS view's hand-drawn figures (pure: positions and ticks, no DOM): the Pareto scatter of
 * accuracy vs energy reduction (DATE'20 Fig. 3 / 4) and the parallel coordinates of the candidates, where an
 * inactive parameter (n2, A2 of a one-layer net) sits on an explicit "n/a" tick, never dropped (Optuna #2599).
 */
import { niceTicks, formatTick } from '../../core/study/svg';
import type { NasRecord, NasSearchId } from '../../core/nas/run';
import { readAccuracy, type NasSplit } from '../../core/nas/analysis';
import { NAS_ACTIVATIONS } from '../../core/nas/types';
import type { NasPredictorSpace } from '../../core/nas/space';

/** Colour, marker and label of each search (colour-blind-safe pairs, and a distinct marker shape each). */
export const NAS_SEARCH_STYLES: Readonly<Record<NasSearchId, { color: string; marker: 'circle' | 'square' | 'triangle'; label: string; short: string }>> = {
  smac: { color: '#1565c0', marker: 'circle', label: 'SMAC (RF + EI)', short: 'SMAC' },
  random: { color: '#a84300', marker: 'triangle', label: 'random search', short: 'random' },
  enumeration: { color: '#2e7d32', marker: 'square', label: 'enumeration (MICRO’12)', short: 'enumeration' },
};

export interface PlotBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface AxisTick {
  value: number;
  at: number;
  label: string;
}

export interface ScatterPoint {
  /** Index into the records given. */
  record: number;
  search: NasSearchId;
  x: number;
  y: number;
  accuracy: number;
  energyReduction: number;
  onFront: boolean;
  feasible: boolean;
}

export interface ScatterLayout {
  plot: PlotBox;
  xTicks: AxisTick[];
  yTicks: AxisTick[];
  points: ScatterPoint[];
  /** Pixel positions of the C_acc (vertical) and C_energy (horizontal) lines; null when outside the plot. */
  cAccX: number | null;
  cEnergyY: number | null;
  /** The front of each search, as a staircase path through its points (sorted by accuracy). */
  fronts: { search: NasSearchId; path: string }[];
  xDomain: [number, number];
  yDomain: [number, number];
}

export interface ScatterInput {
  records: readonly NasRecord[];
  split: NasSplit;
  /** Per record: whether it is on its search's front. */
  onFront: readonly boolean[];
  feasible: readonly boolean[];
  cAcc: number;
  cEnergy: number;
  width: number;
  height: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** x = P_acc in % (0…100, or tighter when every point is high), y = energy reduction × (0 … a nice max). */
export function layoutScatter(input: ScatterInput): ScatterLayout {
  const plot: PlotBox = { left: 64, top: 14, width: Math.max(120, input.width - 64 - 18), height: Math.max(120, input.height - 14 - 52) };
  const accuracies = input.records.map((r) => 100 * readAccuracy(r, input.split)).filter(Number.isFinite);
  const energies = input.records.map((r) => r.measure.energyReduction).filter(Number.isFinite);
  const xLow = accuracies.length && Math.min(...accuracies) > 50 ? Math.floor(Math.min(...accuracies, 100 * input.cAcc) / 10) * 10 : 0;
  const xTickValues = niceTicks(xLow, 100, 5).filter((v) => v >= xLow && v <= 100);
  const yMax = Math.max(1, input.cEnergy * 1.1, ...energies);
  const yTickValues = niceTicks(0, yMax, 5);
  const xDomain: [number, number] = [xLow, 100];
  const yDomain: [number, number] = [0, yTickValues[yTickValues.length - 1]];
  const px = (accuracyPercent: number) => plot.left + ((accuracyPercent - xDomain[0]) / (xDomain[1] - xDomain[0])) * plot.width;
  const py = (energy: number) => plot.top + plot.height - ((energy - yDomain[0]) / (yDomain[1] - yDomain[0])) * plot.height;
  const points: ScatterPoint[] = input.records.map((r, i) => {
    const accuracy = readAccuracy(r, input.split);
    const energyReduction = r.measure.energyReduction;
    return {
      record: i,
      search: r.search,
      x: clamp(px(100 * (Number.isFinite(accuracy) ? accuracy : 0)), plot.left, plot.left + plot.width),
      y: clamp(py(Number.isFinite(energyReduction) ? energyReduction : 0), plot.top, plot.top + plot.height),
      accuracy,
      energyReduction,
      onFront: input.onFront[i] ?? false,
      feasible: input.feasible[i] ?? false,
    };
  });
  const fronts: ScatterLayout['fronts'] = [];
  for (const search of ['smac', 'random', 'enumeration'] as const) {
    const own = points.filter((p) => p.search === search && p.onFront).sort((a, b) => a.x - b.x || b.y - a.y);
    if (own.length === 0) continue;
    // Staircase: from each front point right to the next point's accuracy, then down to its energy.
    let path = `M${own[0].x.toFixed(1)},${own[0].y.toFixed(1)}`;
    for (let k = 1; k < own.length; k++) path += ` H${own[k].x.toFixed(1)} V${own[k].y.toFixed(1)}`;
    fronts.push({ search, path });
  }
  const cAccPercent = 100 * input.cAcc;
  return {
    plot,
    xTicks: xTickValues.map((value) => ({ value, at: px(value), label: `${formatTick(value)}%` })),
    yTicks: yTickValues.map((value) => ({ value, at: py(value), label: `${formatTick(value)}×` })),
    points,
    cAccX: cAccPercent >= xDomain[0] && cAccPercent <= xDomain[1] ? px(cAccPercent) : null,
    cEnergyY: input.cEnergy >= yDomain[0] && input.cEnergy <= yDomain[1] ? py(input.cEnergy) : null,
    fronts,
    xDomain,
    yDomain,
  };
}

/** SVG path of a marker of size r centred at (x, y). */
export function markerPath(marker: 'circle' | 'square' | 'triangle' | 'pentagon', x: number, y: number, r: number): string {
  switch (marker) {
    case 'circle':
      return `M${x - r},${y} a${r},${r} 0 1,0 ${2 * r},0 a${r},${r} 0 1,0 ${-2 * r},0 Z`;
    case 'square':
      return `M${x - r * 0.85},${y - r * 0.85} h${1.7 * r} v${1.7 * r} h${-1.7 * r} Z`;
    case 'triangle':
      return `M${x},${y - r * 1.1} L${x + r},${y + r * 0.75} L${x - r},${y + r * 0.75} Z`;
    case 'pentagon': {
      const corners = Array.from({ length: 5 }, (_, k) => {
        const angle = -Math.PI / 2 + (2 * Math.PI * k) / 5;
        return `${(x + r * Math.cos(angle)).toFixed(1)},${(y + r * Math.sin(angle)).toFixed(1)}`;
      });
      return `M${corners.join(' L')} Z`;
    }
    default: {
      const unknown: never = marker;
      throw new Error(`Unknown marker ${String(unknown)}`);
    }
  }
}

// ─── Parallel coordinates ──────────────────────────────────────────────────────────────────────────────────────

export interface ParallelAxis {
  id: string;
  label: string;
  x: number;
  /** 0 or 1: where axes stand closer than a label's width, every second label sits on a second row. */
  labelRow: number;
  ticks: { label: string; y: number }[];
}

export interface ParallelLine {
  record: number;
  search: NasSearchId;
  points: { x: number; y: number }[];
  onFront: boolean;
}

export interface ParallelLayout {
  axes: ParallelAxis[];
  lines: ParallelLine[];
  top: number;
  bottom: number;
}

const NA = 'n/a';

/**
 * Axes L, n1, A1, n2, A2, P_acc, energy reduction, speedup. Widths on a log2 scale (1…128); activations and L
 * categorical; an inactive n2/A2 on the "n/a" tick at the bottom of its axis. With a predictor space (AXNet-NAS,
 * onepass, iterative: `config.predictor`), the predictor's axes L_p, p1…p_maxL follow the approximator's: its widths
 * on a log2 scale of 1…predictor.maxWidth, an inactive p2 (L_p = 1) on "n/a" as for the approximator, and a
 * candidate without a predictor (never in such a run) on "n/a" for every predictor axis.
 */
export function layoutParallel(
  records: readonly NasRecord[],
  split: NasSplit,
  onFront: readonly boolean[],
  width: number,
  height: number,
  maxHiddenLayers = 2,
  accuracyLabel = 'P_acc',
  predictor: Readonly<NasPredictorSpace> | null = null,
): ParallelLayout {
  const ids: { id: string; label: string }[] = [{ id: 'L', label: 'layers L' }];
  for (let i = 1; i <= maxHiddenLayers; i++) ids.push({ id: `n${i}`, label: `width n${i}` }, { id: `a${i}`, label: `activation A${i}` });
  if (predictor) {
    ids.push({ id: 'Lp', label: 'pred. layers' });
    for (let i = 1; i <= predictor.maxHiddenLayers; i++) ids.push({ id: `p${i}`, label: `pred. width p${i}` });
  }
  ids.push({ id: 'acc', label: accuracyLabel }, { id: 'energy', label: 'energy red.' }, { id: 'speed', label: 'speedup' });
  const left = 40;
  const right = width - 40;
  const step = ids.length > 1 ? (right - left) / (ids.length - 1) : 0;
  // A 13 px label is about 7 px a character: labels wider than the axes' spacing go on two alternating rows.
  const widestLabel = 7 * Math.max(...ids.map(({ label }) => label.length));
  const staggered = widestLabel > step;
  const top = staggered ? 50 : 34;
  const bottom = height - 20;
  const span = bottom - top;
  const energies = records.map((r) => r.measure.energyReduction).filter(Number.isFinite);
  const speeds = records.map((r) => r.measure.speedup).filter(Number.isFinite);
  const range = (values: number[]): [number, number] => (values.length ? [Math.min(...values), Math.max(...values)] : [0, 1]);
  const [eLo, eHi] = range(energies);
  const [sLo, sHi] = range(speeds);
  // Categorical slots: the n/a slot takes the bottom 10% of the axis.
  const naY = bottom;
  const activeTop = top;
  const activeBottom = bottom - 0.12 * span;
  const linear = (t: number) => activeBottom - t * (activeBottom - activeTop);
  const widthY = (w: number) => linear(Math.log2(Math.max(1, w)) / 7);
  const predictorLayers = predictor?.maxHiddenLayers ?? 1;
  const predictorWidthY = (w: number) => linear(Math.log2(Math.max(1, w)) / Math.max(1, Math.log2(predictor?.maxWidth ?? 2)));
  const predictorDepthY = (L: number) => linear(predictorLayers > 1 ? (L - 1) / (predictorLayers - 1) : 0.5);
  const someWithoutPredictor = predictor !== null && records.some((r) => !r.config.predictor);
  const activationY = (a: string) => linear(NAS_ACTIVATIONS.indexOf(a as (typeof NAS_ACTIVATIONS)[number]) / (NAS_ACTIVATIONS.length - 1));
  const ratioY = (v: number, lo: number, hi: number) => (Number.isFinite(v) ? bottom - ((v - lo) / (hi - lo || 1)) * span : bottom);
  const axes: ParallelAxis[] = ids.map(({ id, label }, k) => {
    const x = left + k * step;
    let ticks: ParallelAxis['ticks'];
    if (id === 'L') ticks = Array.from({ length: maxHiddenLayers }, (_, i) => ({ label: String(i + 1), y: linear(maxHiddenLayers > 1 ? i / (maxHiddenLayers - 1) : 0.5) }));
    else if (/^n\d$/.test(id)) ticks = [...[1, 8, 32, 128].map((w) => ({ label: String(w), y: widthY(w) })), ...(id === 'n1' ? [] : [{ label: NA, y: naY }])];
    else if (id === 'Lp')
      ticks = [
        ...Array.from({ length: predictorLayers }, (_, i) => ({ label: String(i + 1), y: predictorDepthY(i + 1) })),
        ...(someWithoutPredictor ? [{ label: NA, y: naY }] : []),
      ];
    else if (/^p\d$/.test(id))
      ticks = [
        ...[1, 4, 8, 32, 128].filter((w) => w <= (predictor?.maxWidth ?? 0)).map((w) => ({ label: String(w), y: predictorWidthY(w) })),
        ...(id === 'p1' && !someWithoutPredictor ? [] : [{ label: NA, y: naY }]),
      ];
    else if (/^a\d$/.test(id)) ticks = [...NAS_ACTIVATIONS.map((a) => ({ label: a, y: activationY(a) })), ...(id === 'a1' ? [] : [{ label: NA, y: naY }])];
    else if (id === 'acc') ticks = [0, 0.5, 1].map((v) => ({ label: `${v * 100}%`, y: bottom - v * span }));
    else if (id === 'energy') ticks = [eLo, eHi].map((v) => ({ label: `${formatTick(v)}×`, y: ratioY(v, eLo, eHi) }));
    else ticks = [sLo, sHi].map((v) => ({ label: `${formatTick(v)}×`, y: ratioY(v, sLo, sHi) }));
    return { id, label, x, labelRow: staggered ? k % 2 : 0, ticks };
  });
  const lines: ParallelLine[] = records.map((r, i) => {
    const values: number[] = [linear(maxHiddenLayers > 1 ? (r.config.layers.length - 1) / (maxHiddenLayers - 1) : 0.5)];
    for (let l = 0; l < maxHiddenLayers; l++) {
      const layer = r.config.layers[l];
      values.push(layer ? widthY(layer.width) : naY, layer ? activationY(layer.activation) : naY);
    }
    if (predictor) {
      const widths = r.config.predictor;
      values.push(widths ? predictorDepthY(widths.length) : naY);
      for (let l = 0; l < predictor.maxHiddenLayers; l++) values.push(widths && l < widths.length ? predictorWidthY(widths[l]) : naY);
    }
    values.push(bottom - clamp(readAccuracy(r, split), 0, 1) * span, ratioY(r.measure.energyReduction, eLo, eHi), ratioY(r.measure.speedup, sLo, sHi));
    return { record: i, search: r.search, onFront: onFront[i] ?? false, points: values.map((y, k) => ({ x: axes[k].x, y })) };
  });
  return { axes, lines, top, bottom };
}
