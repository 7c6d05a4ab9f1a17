/**
 * The AxTrain figure panels' data, shaped from plain run snapshots (src/core/axtrain/run.ts) and reports
 * (src/core/axtrain/report.ts): chart series, the shared colour scale of Fig. 4, grouped bars with error bars for
 * Figs. 6 and 7, Fig. 9's mode selection with its energy prices, the claims table and the DRUM explorer's bits.
 * Pure (no React, no DOM): the panels in this folder only draw what these functions return.
 */
import {
  drumMultiply,
  drumStats,
  explainDrumOperand,
  resolveDrumPresets,
  DRUM_PRESET_IDS,
  type DrumBitRole,
  type DrumErrorStats,
  type DrumPresetId,
} from '../../../core/approx/drum';
import { priceDrumMultiply, priceWeightRead, type ApproxEnergyPrice } from '../../../core/approx/energy';
import type { ApproxFactStatus } from '../../../core/approx/status';
import { AXTRAIN_METHOD_LABELS, type AxtrainConfig, type AxtrainMethodId } from '../../../core/axtrain/config';
import {
  computeAxtrainClaimMessages,
  lookupSingleRun,
  describeSetting,
  findResult,
  readNtvVoltagePair,
  readTrainingSetting,
  selectApproximateModes,
  type AxtrainClaim,
  type HardwareReport,
  type HardwareSetting,
  type MeanStd,
} from '../../../core/axtrain/report';
import type { AxtrainMethodSnapshot, AxtrainPoint, LossLandscapeSnapshot } from '../../../core/axtrain/run';
import type { SeriesTable } from '../../../core/decimate';
import { message, type Message } from '../../../core/messages';
import type { ColorScale } from '../../charts/colormap';

// ─── Methods: one colour, one dash and one bar fill each, so that they stay apart without colour ─────────────────

export type BarFill = 'solid' | 'hatch' | 'dots' | 'cross';

export interface MethodStyle {
  color: string;
  /** Canvas / SVG dash pattern in CSS px; null = solid line. */
  dash: readonly number[] | null;
  /** Bar fill: a pattern per method (colour-blind and print safe). */
  fill: BarFill;
}

/** Dark enough for ≥ 3:1 against white (lines and bar outlines). */
export const AXTRAIN_METHOD_STYLES: Readonly<Record<AxtrainMethodId, MethodStyle>> = {
  bp: { color: '#1565c0', dash: null, fill: 'solid' },
  act: { color: '#c75000', dash: [12, 6], fill: 'hatch' },
  pas: { color: '#2e7d32', dash: [3, 5], fill: 'dots' },
  actpas: { color: '#6a1b9a', dash: [14, 5, 3, 5], fill: 'cross' },
};

// ─── Training curves (E, S(w), γ and test accuracy per epoch) ───────────────────────────────────────────────────

export type TrainingCurveId = 'testAccuracy' | 'trainError' | 'testSensitivity' | 'gamma';

export interface TrainingCurveSpec {
  id: TrainingCurveId;
  title: string;
  axis: string;
  read: (point: AxtrainPoint) => number | null;
}

export const TRAINING_CURVES: readonly TrainingCurveSpec[] = [
  { id: 'testAccuracy', title: 'Test accuracy (exact hardware)', axis: 'test accuracy', read: (p) => p.testAccuracy },
  { id: 'trainError', title: 'E on the training batches', axis: 'E (train)', read: (p) => p.trainError },
  { id: 'testSensitivity', title: 'S(w) on the test set (eq. 5)', axis: 'S(w) (test)', read: (p) => p.testSensitivity },
  { id: 'gamma', title: 'γ (adaptive, §3.1.3)', axis: 'γ', read: (p) => p.gamma },
];

export interface EpochSeries {
  table: SeriesTable;
  methods: AxtrainMethodId[];
}

/**
 * One column per epoch seen by any method (ascending), one row per snapshot that has a value of `read`; a method
 * without a point at an epoch gets null there (actpas trains epochs + pasEpochs, the others `epochs`).
 */
export function buildEpochSeries(snapshots: readonly AxtrainMethodSnapshot[], read: (point: AxtrainPoint) => number | null): EpochSeries {
  const withValues = snapshots.filter((s) => s.points.some((p) => isFiniteNumber(read(p))));
  const epochs = [...new Set(withValues.flatMap((s) => s.points.map((p) => p.epoch)))].sort((a, b) => a - b);
  const ys = withValues.map((snapshot) => {
    const byEpoch = new Map(snapshot.points.map((p) => [p.epoch, read(p)]));
    return epochs.map((epoch) => {
      const value = byEpoch.get(epoch);
      return isFiniteNumber(value) ? value : null;
    });
  });
  return { table: { x: epochs, ys }, methods: withValues.map((s) => s.method) };
}

/** The method ids of a comma-joined key ("bp,act"), the form charts key their shape on. */
export function splitMethods(key: string): AxtrainMethodId[] {
  return key === '' ? [] : (key.split(',') as AxtrainMethodId[]);
}

/**
 * The same table with every y replaced by log10(y) (null for y ≤ 0): a log axis on a linear chart, whose ticks the
 * chart labels 10^v. E of pas (trained through noisy hardware) is 10–50× bp's, so a linear axis flattens bp's curve.
 */
export function toLog10Table(table: SeriesTable): SeriesTable {
  return { x: table.x, ys: table.ys.map((ys) => ys.map((y) => (y !== null && y > 0 ? Math.log10(y) : null))) };
}

// ─── Fig. 1: E(w + α·d) along one random direction ─────────────────────────────────────────────────────────────

export interface LandscapeSummary {
  method: AxtrainMethodId;
  /** E at α = 0: the trained net. */
  lossAtZero: number;
  /** Mean of E at the two ends α = ±span, minus E(0): how much the loss rises one ‖w‖ away (lab's flatness reading). */
  edgeRise: number;
  /** edgeRise / E(0). */
  relativeEdgeRise: number;
  /** α of the lowest E along the line (0 when the trained net is the minimum on it). */
  argminAlpha: number;
}

/** Fig. 1's curves on one α axis (every method of a seed uses the same α grid and the same raw direction). */
export function buildLandscapeSeries(snapshots: readonly AxtrainMethodSnapshot[]): EpochSeries | null {
  const withLandscape = snapshots.filter((s): s is AxtrainMethodSnapshot & { landscape: LossLandscapeSnapshot } => s.landscape !== null && s.landscape.alphas.length > 0);
  if (withLandscape.length === 0) return null;
  const alphas = [...new Set(withLandscape.flatMap((s) => s.landscape.alphas))].sort((a, b) => a - b);
  const ys = withLandscape.map(({ landscape }) => {
    const byAlpha = new Map(landscape.alphas.map((alpha, i) => [alpha, landscape.losses[i]]));
    return alphas.map((alpha) => {
      const value = byAlpha.get(alpha);
      return isFiniteNumber(value) ? value : null;
    });
  });
  return { table: { x: alphas, ys }, methods: withLandscape.map((s) => s.method) };
}

export function summarizeLandscape(method: AxtrainMethodId, landscape: LossLandscapeSnapshot): LandscapeSummary {
  const { alphas, losses } = landscape;
  let zero = 0;
  alphas.forEach((alpha, i) => {
    if (Math.abs(alpha) < Math.abs(alphas[zero])) zero = i;
  });
  let lowest = 0;
  losses.forEach((loss, i) => {
    if (loss < losses[lowest]) lowest = i;
  });
  const lossAtZero = losses[zero];
  const edgeRise = (losses[0] + losses[losses.length - 1]) / 2 - lossAtZero;
  return { method, lossAtZero, edgeRise, relativeEdgeRise: lossAtZero > 0 ? edgeRise / lossAtZero : Number.NaN, argminAlpha: alphas[lowest] };
}

// ─── Fig. 4: the last layer's sensitivity maps on one colour scale ─────────────────────────────────────────────

/** Which map's maximum the shared scale ends at: BP's (the reference's "relative to BP's maximum") or the largest of all maps. */
export type SensitivityScaleTop = 'bp' | 'all';

export interface SensitivityMapView {
  method: AxtrainMethodId;
  /** Rows = output neurons j (fanOut), columns = last hidden units i (fanIn): the map drawn transposed, W = Kᵀ (reference A.2). */
  rows: number;
  cols: number;
  /** s_ji / max(s^ref), row-major [rows × cols]. */
  relative: Float32Array;
  /** s as recorded, same layout. */
  raw: Float32Array;
  maxRelative: number;
  meanRelative: number;
}

export interface SensitivityMapsView {
  maps: SensitivityMapView[];
  /** The method whose maximum is 1 on the scale: bp, or (without a BP run) the first map's method. */
  referenceMethod: AxtrainMethodId;
  /** max_ij s^ref_ij, in S(w) units. */
  referenceMax: number;
  /** Shared scale over the relative values: [0, 1] (top = BP's max) or [0, largest relative value]. */
  scale: ColorScale;
}

/**
 * The maps of every snapshot that has one, all divided by the reference map's maximum, on one linear scale.
 * s_ij = |w_ij| · (1/B) Σ_n Σ_k |∂O_k/∂w_ij|  (eq. 5 summand, last layer, test set; reference A.3 "Fig. 4").
 */
export function buildSensitivityMaps(snapshots: readonly AxtrainMethodSnapshot[], top: SensitivityScaleTop = 'bp'): SensitivityMapsView | null {
  const withMaps = snapshots.filter((s) => s.sensitivityMap !== null && s.sensitivityMap.values.length > 0);
  if (withMaps.length === 0) return null;
  const reference = withMaps.find((s) => s.method === 'bp') ?? withMaps[0];
  const referenceMax = maxOf(reference.sensitivityMap!.values);
  const unit = referenceMax > 0 ? referenceMax : 1;
  const maps = withMaps.map((snapshot): SensitivityMapView => {
    const { fanIn, fanOut, values } = snapshot.sensitivityMap!;
    const raw = new Float32Array(fanIn * fanOut);
    // values are [fanIn × fanOut] row-major (kernel K); drawn as [fanOut × fanIn] (W = Kᵀ).
    for (let i = 0; i < fanIn; i++) for (let j = 0; j < fanOut; j++) raw[j * fanIn + i] = values[i * fanOut + j];
    const relative = raw.map((v) => v / unit);
    return { method: snapshot.method, rows: fanOut, cols: fanIn, relative, raw, maxRelative: maxOf(relative), meanRelative: meanOf(relative) };
  });
  const largest = Math.max(...maps.map((m) => m.maxRelative));
  const scaleMax = top === 'bp' ? 1 : Math.max(largest, Number.MIN_VALUE);
  const scale: ColorScale = {
    kind: 'linear',
    min: 0,
    max: scaleMax,
    clipped: largest > scaleMax * (1 + 1e-6),
    mark: top === 'all' && scaleMax > 1 ? { value: 1, label: `${AXTRAIN_METHOD_LABELS[reference.method]} max` } : null,
  };
  return { maps, referenceMethod: reference.method, referenceMax, scale };
}

export interface MatrixCell {
  row: number;
  col: number;
}

export interface MatrixMapLayout {
  cellWidth: number;
  cellHeight: number;
  width: number;
  height: number;
}

/**
 * Cell sizes of a rows × cols map in `availableWidth` CSS px: columns share the width (at least `minCell` px each),
 * rows are as tall as a column is wide (at most 24 px), but tall enough that the map is at least `minSide` px high (2
 * output rows of breast cancer become 2 bands of 60 px) and each row can carry its label, and at least `minSide` px wide.
 */
export function layoutMatrixMap(rows: number, cols: number, availableWidth: number, minSide = 120, minCell = 3, minRowHeight = 16): MatrixMapLayout {
  const safeRows = Math.max(1, rows);
  const safeCols = Math.max(1, cols);
  const cellWidth = Math.max(minCell, Math.ceil(minSide / safeCols), Math.floor(Math.max(availableWidth, minSide) / safeCols));
  // Rows at least minRowHeight px (their labels are 13 px text) unless that would make the map taller than 30 rows' worth.
  const cellHeight = Math.max(Math.min(cellWidth, 24), Math.ceil(minSide / safeRows), safeRows <= 30 ? minRowHeight : 0);
  return { cellWidth, cellHeight, width: cellWidth * safeCols, height: cellHeight * safeRows };
}

/**
 * The cursor after a key on a rows × cols map (row 0 at the top): arrows move one cell (Shift: a tenth of the map),
 * Home/End go to the first/last column, PageUp/PageDown to the first/last row; any move key starts at (0, 0).
 * Null for keys that do not move it.
 */
export function moveMatrixCursor(cell: MatrixCell | null, key: string, rows: number, cols: number, shift = false): MatrixCell | null {
  if (rows < 1 || cols < 1) return null;
  const rowStep = shift ? Math.max(1, Math.round(rows / 10)) : 1;
  const colStep = shift ? Math.max(1, Math.round(cols / 10)) : 1;
  const moves = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];
  if (!moves.includes(key)) return null;
  if (!cell) return { row: 0, col: 0 };
  let next: MatrixCell;
  switch (key) {
    case 'ArrowLeft':
      next = { row: cell.row, col: cell.col - colStep };
      break;
    case 'ArrowRight':
      next = { row: cell.row, col: cell.col + colStep };
      break;
    case 'ArrowUp':
      next = { row: cell.row - rowStep, col: cell.col };
      break;
    case 'ArrowDown':
      next = { row: cell.row + rowStep, col: cell.col };
      break;
    case 'Home':
      next = { row: cell.row, col: 0 };
      break;
    case 'End':
      next = { row: cell.row, col: cols - 1 };
      break;
    case 'PageUp':
      next = { row: 0, col: cell.col };
      break;
    default: // PageDown
      next = { row: rows - 1, col: cell.col };
  }
  return { row: clamp(next.row, 0, rows - 1), col: clamp(next.col, 0, cols - 1) };
}

// ─── Grouped bars (Figs. 6 and 7) ─────────────────────────────────────────────────────────────────────────────

export interface BarDatum {
  method: AxtrainMethodId;
  value: number | null;
  /** Error bar ends (mean ± std), when the value is a mean over runs. */
  lower?: number;
  upper?: number;
  runs?: number;
}

export interface BarGroup {
  key: string;
  label: string;
  /** A second line under the label, e.g. "K2 (interpretation)". */
  sublabel?: string;
  bars: BarDatum[];
}

/** Error bar of a mean over runs: [mean − std, mean + std] (std = sample std, n − 1; computeMeanStd). */
export function computeErrorBar(stats: MeanStd): { lower: number; upper: number } {
  return { lower: stats.mean - stats.std, upper: stats.mean + stats.std };
}

function reportsOf(snapshots: readonly AxtrainMethodSnapshot[]): { method: AxtrainMethodId; report: HardwareReport }[] {
  return snapshots.filter((s) => s.hardware !== null).map((s) => ({ method: s.method, report: s.hardware! }));
}

/** Fig. 6's k values (reference D.1.4 asks for 1…4; the lab evaluates every k of DRUM_EVAL_KS). */
export const FIG6_KS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

export interface MultiplierSweepView {
  groups: BarGroup[];
  /** L_exact / L_exact of each method's own net: 1 by definition (the bar every group is measured against). */
  exact: Partial<Record<AxtrainMethodId, number>>;
  methods: AxtrainMethodId[];
  /** K preset(s) of each k under the mapping in use. */
  presetsOfK: Record<number, DrumPresetId[]>;
}

/** Fig. 6: L_k / L_exact per method for k = 1…8, each method against its own net on exact hardware (AxTrain §5). */
export function buildMultiplierSweep(snapshots: readonly AxtrainMethodSnapshot[], kMapping: Partial<Record<DrumPresetId, number>> = {}): MultiplierSweepView | null {
  const reports = reportsOf(snapshots);
  if (reports.length === 0) return null;
  const presets = resolveDrumPresets(kMapping);
  const presetsOfK: Record<number, DrumPresetId[]> = {};
  for (const id of DRUM_PRESET_IDS) presetsOfK[presets[id]] = [...(presetsOfK[presets[id]] ?? []), id];
  const groups = FIG6_KS.map(
    (k): BarGroup => ({
      key: `k${k}`,
      label: `k = ${k}`,
      sublabel: presetsOfK[k] ? presetsOfK[k].join(' = ') : undefined,
      bars: reports.map(({ method, report }) => {
        const hit = findResult(report, { kind: 'drum', k });
        return { method, value: hit && isFiniteNumber(hit.normalizedLoss) ? hit.normalizedLoss : null };
      }),
    }),
  );
  const exact: Partial<Record<AxtrainMethodId, number>> = {};
  for (const { method, report } of reports) {
    const hit = findResult(report, { kind: 'exact' });
    if (hit) exact[method] = hit.normalizedLoss;
  }
  return { groups, exact, methods: reports.map((r) => r.method), presetsOfK };
}

export interface NtvBarsView {
  groups: BarGroup[];
  methods: AxtrainMethodId[];
  /** Masks (runs) per NTV bar: one number when every bar has the same count. */
  runs: number[];
  aggressiveMv: number;
  conservativeMv: number;
  voltageSource: string;
}

/** Fig. 7: accuracy, mean ± std over the masks, at the data set's aggressive and conservative voltages and 850 mV; exact hardware first, for reference. */
export function buildNtvBars(snapshots: readonly AxtrainMethodSnapshot[], dataset: AxtrainConfig['dataset']): NtvBarsView | null {
  const reports = reportsOf(snapshots);
  if (reports.length === 0) return null;
  const pair = readNtvVoltagePair(dataset);
  const voltages = [...new Set([pair.aggressiveMv, pair.conservativeMv, 850])];
  const role = (mv: number) => [mv === pair.aggressiveMv ? 'aggressive' : null, mv === pair.conservativeMv ? 'conservative' : null].filter(Boolean).join(', ');
  const runs = new Set<number>();
  const exactGroup: BarGroup = {
    key: 'exact',
    label: 'exact',
    sublabel: 'no flips',
    bars: reports.map(({ method, report }) => ({ method, value: findResult(report, { kind: 'exact' })?.accuracy.mean ?? null })),
  };
  const ntvGroups = voltages.map((mv): BarGroup => {
    const bars = reports.map(({ method, report }): BarDatum => {
      const hit = report.results.find((r) => r.setting.kind === 'ntv' && r.setting.voltageMv === mv);
      if (!hit) return { method, value: null };
      runs.add(hit.accuracy.runs);
      return { method, value: hit.accuracy.mean, ...computeErrorBar(hit.accuracy), runs: hit.accuracy.runs };
    });
    const flip = reports
      .map(({ report }) => report.results.find((r) => r.setting.kind === 'ntv' && r.setting.voltageMv === mv)?.setting)
      .find((s): s is Extract<HardwareSetting, { kind: 'ntv' }> => s?.kind === 'ntv');
    const roleText = role(mv);
    return { key: `ntv${mv}`, label: `${mv} mV`, sublabel: [flip ? `p = ${formatPercent(flip.flipRate)}` : null, roleText || null].filter(Boolean).join(' · '), bars };
  });
  return {
    groups: [exactGroup, ...ntvGroups],
    methods: reports.map((r) => r.method),
    runs: [...runs].sort((a, b) => a - b),
    aggressiveMv: pair.aggressiveMv,
    conservativeMv: pair.conservativeMv,
    voltageSource: pair.source,
  };
}

export interface AxisTick {
  value: number;
  /** y in SVG px. */
  y: number;
  label: string;
}

export interface BarRect {
  method: AxtrainMethodId;
  value: number | null;
  x: number;
  width: number;
  /** Top of the bar and its height in px (0 height for a missing value). */
  y: number;
  height: number;
  /** The value lies above (or, log scale, below) the axis: the bar is cut at the frame. */
  clipped: boolean;
  errorBar: { yLower: number; yUpper: number; lower: number; upper: number } | null;
}

export interface GroupedBarLayout {
  plot: { left: number; top: number; width: number; height: number };
  ticks: AxisTick[];
  groups: { key: string; label: string; sublabel?: string; center: number; bars: BarRect[] }[];
  /** y of a reference line (Fig. 6: normalised loss 1 = exact hardware), when in range. */
  referenceY: number | null;
  domain: [number, number];
}

export interface GroupedBarOptions {
  width: number;
  height: number;
  scale: 'linear' | 'log';
  /** Fixed domain; absent = from the data (log: whole decades around it; linear: [0, nice max]). */
  domain?: [number, number];
  reference?: number;
  margin?: { left: number; right: number; top: number; bottom: number };
}

/** Decades [10^a, 10^b] covering every positive value and the reference. */
export function findLogDomain(values: readonly number[]): [number, number] {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  if (positive.length === 0) return [0.1, 10];
  const lo = Math.floor(Math.log10(Math.min(...positive)) + 1e-9);
  let hi = Math.ceil(Math.log10(Math.max(...positive)) - 1e-9);
  if (hi <= lo) hi = lo + 1;
  return [10 ** lo, 10 ** hi];
}

/** Pixel layout of grouped bars (one group per category, one bar per method) with optional error bars, on a linear or log y axis. */
export function layoutGroupedBars(groups: readonly BarGroup[], methods: readonly AxtrainMethodId[], options: GroupedBarOptions): GroupedBarLayout {
  const margin = options.margin ?? { left: 64, right: 12, top: 12, bottom: 58 };
  const plot = {
    left: margin.left,
    top: margin.top,
    width: Math.max(40, options.width - margin.left - margin.right),
    height: Math.max(40, options.height - margin.top - margin.bottom),
  };
  const values = groups.flatMap((g) => g.bars.flatMap((b) => [b.value, b.upper, b.lower])).filter(isFiniteNumber);
  if (options.reference !== undefined) values.push(options.reference);
  const log = options.scale === 'log';
  let domain: [number, number];
  if (options.domain) domain = options.domain;
  else if (log) domain = findLogDomain(values);
  else {
    const top = Math.max(0, ...values);
    domain = [0, niceCeiling(top > 0 ? top : 1)];
  }
  const [d0, d1] = domain;
  const toUnit = log
    ? (v: number) => (v > 0 ? (Math.log10(v) - Math.log10(d0)) / (Math.log10(d1) - Math.log10(d0)) : Number.NEGATIVE_INFINITY)
    : (v: number) => (v - d0) / (d1 - d0 || 1);
  const bottom = plot.top + plot.height;
  const toY = (v: number) => bottom - clamp(toUnit(v), 0, 1) * plot.height;
  const inRange = (v: number) => {
    const t = toUnit(v);
    return t >= -1e-9 && t <= 1 + 1e-9;
  };
  const groupWidth = plot.width / Math.max(1, groups.length);
  const barWidth = (groupWidth * 0.8) / Math.max(1, methods.length);
  const laidOut = groups.map((group, g) => {
    const start = plot.left + g * groupWidth + groupWidth * 0.1;
    const bars = methods.map((method, m): BarRect => {
      const datum = group.bars.find((b) => b.method === method);
      const value = datum && isFiniteNumber(datum.value) ? datum.value : null;
      const x = start + m * barWidth;
      if (value === null) return { method, value: null, x, width: barWidth, y: bottom, height: 0, clipped: false, errorBar: null };
      const y = toY(value);
      const errorBar =
        datum && isFiniteNumber(datum.lower) && isFiniteNumber(datum.upper) ? { lower: datum.lower, upper: datum.upper, yLower: toY(datum.lower), yUpper: toY(datum.upper) } : null;
      return { method, value, x, width: barWidth, y, height: bottom - y, clipped: !inRange(value), errorBar };
    });
    return { key: group.key, label: group.label, sublabel: group.sublabel, center: plot.left + (g + 0.5) * groupWidth, bars };
  });
  const tickValues = log ? listDecades(d0, d1) : listLinearTicks(d0, d1);
  const ticks = tickValues.map((value) => ({ value, y: toY(value), label: formatAxisNumber(value) }));
  const referenceY = options.reference !== undefined && inRange(options.reference) ? toY(options.reference) : null;
  return { plot, ticks, groups: laidOut, referenceY, domain };
}

function listDecades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.round(Math.log10(lo)); e <= Math.round(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
}

function listLinearTicks(lo: number, hi: number): number[] {
  const step = niceStep((hi - lo) / 5);
  const out: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) out.push(Number((k * step).toPrecision(12)));
  return out;
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10) * power;
}

function niceCeiling(value: number): number {
  const step = niceStep(value / 5);
  return Math.ceil(value / step - 1e-9) * step;
}

/** Axis numbers: 0.1, 1, 10, 0.25, 1e-3 … (≤ 3 significant digits). */
export function formatAxisNumber(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e4 || magnitude < 1e-3) return value.toExponential(0);
  return String(Number(value.toPrecision(3)));
}

// ─── Fig. 9: mode selection within 2 points, with the energy estimate of each mode ─────────────────────────────

/** AxTrain §5, Fig. 9 (averages over its six applications): AxTrain vs BP at ≤ 2 % accuracy loss, FlexFlow power (65 nm DC/PrimeTime, CACTI-P). */
export const FIG9_PAPER_CLAIMS = {
  computationPowerReduction: {
    value: 41.57,
    status: 'paper' as ApproxFactStatus,
    citation: 'AxTrain §5: "computational power and storage power are reduced by 41.57% and 33.14%"',
  },
  storagePowerReduction: { value: 33.14, status: 'paper' as ApproxFactStatus, citation: 'AxTrain §5 (Fig. 9)' },
} as const;

/** Fig. 9's accuracy budget: 2 accuracy points below the same net on exact hardware (the paper's "maximum 2% degradation", read as absolute points). */
export const MODE_SELECTION_ALLOWED_LOSS = 0.02;

export interface SelectedMode {
  /** k, or the voltage in mV. */
  label: string;
  accuracy: number;
  /** 1 − E_approx / E_exact per operation (estimate). */
  saving: number;
  /** Energy of one inference's multiplies (DRUM) or weight reads (NTV), pJ, and the same on exact hardware. */
  energyPj: number | null;
  exactEnergyPj: number | null;
  price: ApproxEnergyPrice;
}

export interface ModeSelectionRow {
  method: AxtrainMethodId;
  exactAccuracy: number;
  drum: (SelectedMode & { k: number }) | null;
  ntv: (SelectedMode & { voltageMv: number }) | null;
}

export function buildModeSelectionRows(
  config: Pick<AxtrainConfig, 'weightBits'>,
  snapshots: readonly AxtrainMethodSnapshot[],
  allowedLoss = MODE_SELECTION_ALLOWED_LOSS,
): ModeSelectionRow[] {
  return reportsOf(snapshots).map(({ method, report }) => {
    const selection = selectApproximateModes(method, report, allowedLoss);
    const exactAccuracy = findResult(report, { kind: 'exact' })?.accuracy.mean ?? Number.NaN;
    const energyOf = (setting: HardwareSetting) => {
      const hit = findResult(report, setting);
      const energyPj = hit?.energyPj ?? null;
      const ratio = hit?.energyRatio ?? null;
      return { energyPj, exactEnergyPj: energyPj !== null && ratio ? energyPj / ratio : null };
    };
    const memoryBytes = (report.storedWordsPerInference * config.weightBits) / 8;
    const drum = selection.drum
      ? {
          k: selection.drum.k,
          label: `k = ${selection.drum.k}`,
          accuracy: selection.drum.accuracy,
          saving: 1 - selection.drum.energyRatio,
          price: priceDrumMultiply(selection.drum.k),
          ...energyOf({ kind: 'drum', k: selection.drum.k }),
        }
      : null;
    const ntvSetting = selection.ntv ? report.results.find((r) => r.setting.kind === 'ntv' && r.setting.voltageMv === selection.ntv!.voltageMv)?.setting : undefined;
    const ntv =
      selection.ntv && ntvSetting
        ? {
            voltageMv: selection.ntv.voltageMv,
            label: `${selection.ntv.voltageMv} mV`,
            accuracy: selection.ntv.accuracy,
            saving: 1 - selection.ntv.energyRatio,
            price: priceWeightRead({ voltageV: selection.ntv.voltageMv / 1000, wordBits: config.weightBits, memoryBytes }),
            ...energyOf(ntvSetting),
          }
        : null;
    return { method, exactAccuracy, drum, ntv };
  });
}

export interface ModeSavingClaim {
  id: 'computation' | 'storage';
  /** The claim and how ours is computed (or why not), as Messages (src/core/axtrain/claimMessages.ts). */
  claim: Message;
  paper: number;
  /** 1 − E(AxTrain's mode) / E(BP's mode), %, or null with the reason. */
  ours: number | null;
  reading: Message;
}

/**
 * Fig. 9's two numbers beside ours: AxTrain's (actpas) lowest energy per operation at ≤ 2 points loss against BP's.
 * Computed only for the hardware kind this run's actpas was fine-tuned for (the paper fine-tunes per setting).
 */
export function compareModeSavings(rows: readonly ModeSelectionRow[], trainedFor: HardwareSetting): ModeSavingClaim[] {
  const bp = rows.find((r) => r.method === 'bp');
  const axtrain = rows.find((r) => r.method === 'actpas');
  const make = (id: ModeSavingClaim['id'], kind: 'drum' | 'ntv', paper: number): ModeSavingClaim => {
    const drum = kind === 'drum';
    const claim = message(drum ? 'axtrainModeClaimDrum' : 'axtrainModeClaimNtv');
    if (!bp || !axtrain) return { id, claim, paper, ours: null, reading: message('axtrainModeNeedsBoth') };
    if (trainedFor.kind !== kind)
      return { id, claim, paper, ours: null, reading: message('axtrainModeNeedsTuned', { hardware: drum ? 'DRUM' : 'NTV', setting: describeSetting(trainedFor) }) };
    const ours = drum ? axtrain.drum : axtrain.ntv;
    const base = drum ? bp.drum : bp.ntv;
    if (!ours || !base) return { id, claim, paper, ours: null, reading: message(drum ? 'axtrainModeNoneDrum' : 'axtrainModeNoneNtv', { method: !ours ? 'AxTrain' : 'BP' }) };
    const oursRatio = 1 - ours.saving;
    const baseRatio = 1 - base.saving;
    const selectedIsTrained = (trainedFor.kind === 'drum' && axtrain.drum?.k === trainedFor.k) || (trainedFor.kind === 'ntv' && axtrain.ntv?.voltageMv === trainedFor.voltageMv);
    return {
      id,
      claim,
      paper,
      ours: baseRatio > 0 ? 100 * (1 - oursRatio / baseRatio) : null,
      reading: message(drum ? 'axtrainModeReadingDrum' : 'axtrainModeReadingNtv', {
        ours: ours.label,
        base: base.label,
        notTuned: selectedIsTrained ? '' : message('axtrainModeNotTuned', { setting: describeSetting(trainedFor), mode: ours.label }),
      }),
    };
  };
  return [make('computation', 'drum', FIG9_PAPER_CLAIMS.computationPowerReduction.value), make('storage', 'ntv', FIG9_PAPER_CLAIMS.storagePowerReduction.value)];
}

// ─── The paper's claims beside ours ──────────────────────────────────────────────────────────────────────────

export interface ClaimView extends AxtrainClaim {
  /** "40.77%" */
  paperText: string;
  /** "12.34%", or "not computed: <why>" (a Message: why is the reading). */
  oursText: string | Message;
  computed: boolean;
}

/** computeAxtrainClaimMessages over the snapshots' reports, pas and actpas judged only on the setting they were fine-tuned for (readTrainingSetting). */
export function buildClaimViews(
  config: Pick<AxtrainConfig, 'dataset' | 'hardware' | 'drumK' | 'ntvVoltageMv'>,
  snapshots: readonly AxtrainMethodSnapshot[],
  kMapping: Partial<Record<DrumPresetId, number>> = {},
): ClaimView[] {
  const reports = Object.fromEntries(reportsOf(snapshots).map((r) => [r.method, r.report])) as Partial<Record<AxtrainMethodId, HardwareReport>>;
  const trainedFor = readTrainingSetting(config);
  return computeAxtrainClaimMessages(config.dataset, lookupSingleRun(reports, { pas: trainedFor, actpas: trainedFor }), kMapping).map((row) => {
    const { ours } = row;
    const computed = ours !== null && Number.isFinite(ours);
    return {
      ...row,
      paperText: `${row.paper}%`,
      oursText: computed ? `${ours.toFixed(2).replace(/^-/, '−')}%` : message('axtrainClaimNotComputed', { why: row.reading }),
      computed,
    };
  });
}

// ─── The DRUM explorer ───────────────────────────────────────────────────────────────────────────────────────

/** The explorer's operand width: DRUM's own 16-bit designs (reference A.4.1 "Operand formats"). */
export const DRUM_EXPLORER_BITS = 16;
export const DRUM_EXPLORER_MAX = 2 ** DRUM_EXPLORER_BITS - 1;
export const DRUM_EXPLORER_K_RANGE = { min: 1, max: 8 } as const;

/** An operand typed by the user: an integer in ±(2^16 − 1) (rounded, clamped); `fallback` for text that is no number. */
export function parseDrumOperand(text: string, fallback: number): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) return fallback;
  return clamp(Math.round(value), -DRUM_EXPLORER_MAX, DRUM_EXPLORER_MAX);
}

export function clampDrumK(k: number): number {
  return Number.isFinite(k) ? clamp(Math.round(k), DRUM_EXPLORER_K_RANGE.min, DRUM_EXPLORER_K_RANGE.max) : DRUM_EXPLORER_K_RANGE.min;
}

/** A bit of x (MSB first in `bits`): its role in x̃, or 'zero' above the leading one. */
export interface DrumBitCell {
  position: number;
  bit: 0 | 1;
  /** The bit in x̃: dropped bits become 0, the forced bit 1. */
  approxBit: 0 | 1;
  role: DrumBitRole | 'zero';
}

export interface DrumOperandView {
  input: number;
  magnitude: number;
  negative: boolean;
  /** x̃ with x's sign. */
  approx: number;
  explanation: ReturnType<typeof explainDrumOperand>;
  bits: DrumBitCell[];
}

export interface DrumProductView {
  k: number;
  operands: [DrumOperandView, DrumOperandView];
  drum: number;
  exact: number;
  /** (DRUM − exact) / exact; null when the exact product is 0. */
  relativeError: number | null;
}

function explainOperandView(input: number, k: number): DrumOperandView {
  const magnitude = Math.abs(input);
  const explanation = explainDrumOperand(magnitude, k);
  const bits: DrumBitCell[] = [];
  for (let position = DRUM_EXPLORER_BITS - 1; position >= 0; position--) {
    const bit = (Math.floor(magnitude / 2 ** position) % 2) as 0 | 1;
    const approxBit = (Math.floor(explanation.result / 2 ** position) % 2) as 0 | 1;
    bits.push({ position, bit, approxBit, role: explanation.bits[position] ?? 'zero' });
  }
  return { input, magnitude, negative: input < 0, approx: input < 0 ? -explanation.result : explanation.result, explanation, bits };
}

/** Both operands' bits with their roles, the DRUM-k product by sign-magnitude, the exact product and the relative error (A.4.1). */
export function explainDrumProduct(a: number, b: number, k: number): DrumProductView {
  const drum = drumMultiply(a, b, k);
  const exact = a * b;
  return { k, operands: [explainOperandView(a, k), explainOperandView(b, k)], drum, exact, relativeError: exact === 0 ? null : (drum - exact) / exact };
}

export const DRUM_STATS_PAIRS = 20000;
const statsCache = new Map<number, DrumErrorStats[]>();

/** drumStats(k, 16, 20 000, seed) for k = 1…8, computed once per seed (about 160 000 products). */
export function computeDrumStatsTable(seed: number): DrumErrorStats[] {
  let table = statsCache.get(seed);
  if (!table) {
    table = FIG6_KS.map((k) => drumStats(k, DRUM_EXPLORER_BITS, DRUM_STATS_PAIRS, seed));
    statsCache.set(seed, table);
  }
  return table;
}

/** The reference's 16-bit error statistics (2 M uniform pairs; reference A.4.1 table, [V]), mean and std of (DRUM − ab)/ab. */
export const DRUM_REFERENCE_STATS_16BIT: { rows: Readonly<Record<number, { mean: number; std: number }>>; status: ApproxFactStatus; citation: string } = {
  rows: {
    1: { mean: -0.519, std: 0.138 },
    2: { mean: 0.081, std: 0.311 },
    3: { mean: 0.021, std: 0.147 },
    4: { mean: 0.0054, std: 0.0725 },
    5: { mean: 0.0014, std: 0.0361 },
    6: { mean: 0.0004, std: 0.018 },
    7: { mean: 0.0002, std: 0.009 },
    8: { mean: 0.0001, std: 0.0045 },
  },
  status: 'verified',
  citation: 'reference axtrain-nas.md A.4.1 (2 M uniform 16-bit pairs); std 0.45 %–3.61 % for k = 8…5 matches the DRUM abstract',
};

// ─── Small helpers ────────────────────────────────────────────────────────────────────────────────────────────

function isFiniteNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

function maxOf(values: ArrayLike<number>): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max;
}

function meanOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return values.length > 0 ? sum / values.length : Number.NaN;
}

/** 0.1 → "10%", 0.001 → "0.1%", −0.033 → "−3.3%" (a typographic minus). */
export function formatPercent(fraction: number, digits?: number): string {
  if (!Number.isFinite(fraction)) return '—';
  const value = fraction * 100;
  return `${(digits === undefined ? String(Number(value.toPrecision(4))) : value.toFixed(digits)).replace('-', '−')}%`;
}

/** A price formula with its float noise rounded: "0.8 pJ × ((1/16)² + 0.17374999999999996)" → "… + 0.1737)". */
export function tidyFormula(formula: string): string {
  return formula.replace(/\d+\.\d{5,}/g, (number) => String(Number(Number(number).toPrecision(4))));
}

/** Four significant digits with a typographic minus, "—" for null / non-finite. */
export function formatNumber(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value !== 0 && (Math.abs(value) >= 1e5 || Math.abs(value) < 1e-3)) return value.toExponential(digits - 1).replace(/^-/, '−');
  return String(Number(value.toPrecision(digits))).replace(/^-/, '−');
}
