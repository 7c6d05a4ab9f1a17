/**
 * A live line chart on a canvas (uPlot), for curves that grow while a run trains.
 *
 * Why uPlot and not recharts here: recharts re-renders an SVG React tree on every data change and
 * measures dashed paths (getTotalLength) each time; with four compare workers that froze the page
 * (issue 7). uPlot draws straight to a canvas (dashes are canvas setLineDash), so an update is one
 * `setData` call and no React work. (The Paper figures are the study's own SVG, src/core/study/svg.ts.)
 *
 * Life cycle: the uPlot instance is created once per chart *shape* (`series`, axes, scales: `layoutKey`),
 * gets `setData` on new data, follows its container's width (ResizeObserver → setSize), and is destroyed
 * on unmount. Data is decimated (M4, decimate.ts) to the plot's pixel columns before it is handed over.
 */
import { useContext, useEffect, useMemo, useRef } from 'react';
import { cancelSliced, queueSliced } from './slicedQueue';
import { ChartEmphasisContext, NORMAL_CHART_EMPHASIS, type ChartEmphasis } from './chartEmphasis';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { decimateTable, findLastValueIndex, spreadLabels, type SeriesTable } from '../../core/decimate';
import './liveChart.css';
import type { XYChartData } from '../../core/study/figures';
import { renderLineChart } from '../../core/study/svg';
import { canvasToPng } from '../exports/download';
import { useFigureExport } from '../exports/ExportMenu';

export interface LiveSeries {
  label: string;
  color: string;
  /** Line width in CSS px (default 2.5: readable on a projector). */
  width?: number;
  /** Canvas dash pattern in CSS px, e.g. [10, 6]; absent = solid. */
  dash?: number[];
  /** 'y' (left axis, default) or 'y2' (right axis). */
  scale?: 'y' | 'y2';
  /** Draw "label value" at the line's last point, right of the plot. */
  endLabel?: string;
  /** Opacity 0–1 (default 1), e.g. for a secondary curve beside its main one. */
  alpha?: number;
  /** Hidden series keep their place in the data but are not drawn or listed. */
  show?: boolean;
}

export interface LiveAxis {
  label: string;
  /** Fixed range; absent = fit the data. */
  range?: [number, number];
  /** Without a fixed range: the axis runs from 0 to max(data max, this) + 5 % (e.g. the error bound, so the bound stays in view). */
  fromZeroTo?: number;
  format?: (value: number) => string;
}

export interface LiveChartProps {
  /** One x array and one y array per series (same length; null = no point). */
  table: SeriesTable;
  series: readonly LiveSeries[];
  x: LiveAxis;
  y: LiveAxis;
  /** Right axis, for series with scale 'y2'. */
  y2?: LiveAxis;
  /** Height of the plot with its axes, CSS px (the legend comes below). */
  height: number;
  /** Text for screen readers and tests: what the curves show now (role="img"). */
  ariaLabel: string;
  testId?: string;
  /** Format of values in the legend (cursor readout) and end labels. */
  formatValue?: (value: number) => string;
  /** Name in the panel's Export menu (ExportMenu.tsx); absent: the test id. Export needs a testId. */
  exportLabel?: string;
  /** Language of the series' labels where it is not the page's (lang on the legend): e.g. 'en' for method names kept as written. */
  legendLang?: string;
}

/** Columns of an exported SVG line (the table is decimated to these, M4 keeps the extremes). */
const SVG_COLUMNS = 1200;

/** The chart as a vector SVG (the study's line renderer, src/core/study/svg.ts) at its on-screen size. */
export function renderLiveChartSvg(props: Pick<LiveChartProps, 'table' | 'series' | 'x' | 'y' | 'y2' | 'height'> & { title: string; width: number }): string {
  const decimated = decimateTable(props.table, SVG_COLUMNS);
  const chart: XYChartData = {
    kind: 'line',
    title: props.title,
    xLabel: props.x.label,
    yLabel: props.y.label,
    y2Label: props.y2?.label,
    xMin: props.x.range?.[0],
    xMax: props.x.range?.[1],
    yMin: props.y.range?.[0] ?? (props.y.fromZeroTo !== undefined ? 0 : undefined),
    yMax: props.y.range?.[1],
    series: props.series.flatMap((spec, k) => {
      if (spec.show === false) return [];
      const ys = decimated.ys[k];
      const points = Array.from(decimated.x, (x, i) => ({ x, y: ys[i] as number })).filter((p) => p.y !== null && p.y !== undefined && Number.isFinite(p.y));
      return [{ name: spec.label, points, dashed: spec.dash !== undefined, color: spec.color, axis: spec.scale === 'y2' ? ('right' as const) : ('left' as const) }];
    }),
  };
  return renderLineChart(chart, { width: Math.max(320, Math.round(props.width)), height: props.height + 90 });
}

const FONT_FAMILY = 'Helvetica Neue, Helvetica, Arial, system-ui, sans-serif';
const axisFont = (px: number) => `${px}px ${FONT_FAMILY}`;
const labelFont = (px: number) => `600 ${px}px ${FONT_FAMILY}`;
/** Room right of the plot for end labels ("weight sharing 0.0540"), CSS px. */
const END_LABEL_ROOM = 150;
const END_LABEL_GAP = 16;
const GRID = { stroke: '#e6e8ec', width: 1 };
const defaultFormat = (value: number) => value.toFixed(4);

function buildAxis(axis: LiveAxis, side: 0 | 1 | 2 | 3, scale: string, grid: boolean, emphasis: ChartEmphasis): uPlot.Axis {
  const grow = emphasis.fontPx / NORMAL_CHART_EMPHASIS.fontPx;
  return {
    scale,
    side,
    label: axis.label,
    labelFont: labelFont(emphasis.fontPx),
    labelSize: Math.round(22 * grow),
    font: axisFont(emphasis.fontPx),
    stroke: '#333',
    size: Math.round((side === 2 ? 40 : 56) * grow),
    grid: grid ? GRID : { show: false },
    ticks: { stroke: '#c8ccd2', width: 1, size: 5 },
    values: axis.format ? (_u, splits) => splits.map((value) => (value === null || value === undefined ? '' : axis.format!(value))) : undefined,
  };
}

function buildScale(axis: LiveAxis): uPlot.Scale {
  if (axis.range) return { auto: false, range: axis.range };
  const floor = axis.fromZeroTo;
  if (floor !== undefined) return { auto: true, range: (_u, _min, max) => [0, Math.max(Number.isFinite(max) ? max : 0, floor) * 1.05] };
  return { auto: true };
}

/**
 * A CSS background that draws a canvas dash pattern as a horizontal line (legend markers):
 * dash [on, off, on, off, …] in px → repeating stops colour / transparent.
 */
export function dashBackground(color: string, dash: readonly number[] | undefined): string {
  if (!dash || dash.length === 0) return color;
  const pattern = dash.length % 2 === 0 ? dash : [...dash, ...dash]; // an odd list repeats (canvas rule)
  const stops: string[] = [];
  let at = 0;
  pattern.forEach((length, k) => {
    stops.push(`${k % 2 === 0 ? color : 'transparent'} ${at}px ${at + length}px`);
    at += length;
  });
  return `repeating-linear-gradient(90deg, ${stops.join(', ')})`;
}

/** Replaces uPlot's square legend markers by a short line in the series' colour and dash. */
function styleLegendMarkers(plot: uPlot, series: readonly LiveSeries[]): void {
  const markers = plot.root.querySelectorAll<HTMLElement>('.u-legend .u-series .u-marker');
  // markers[0] belongs to the x series.
  series.forEach((spec, k) => {
    const marker = markers[k + 1];
    if (!marker) return;
    marker.style.border = '0';
    marker.style.background = dashBackground(spec.color, spec.dash);
    marker.style.opacity = String(spec.alpha ?? 1);
    marker.style.height = `${Math.max(2, Math.round(spec.width ?? 2.5))}px`;
  });
}

/** Draws each end-labelled series' name and last value right of the plot, spread so they never overlap. */
function drawEndLabels(u: uPlot, series: readonly LiveSeries[], format: (value: number) => string, fontPx: number): void {
  const ctx = u.ctx;
  const ratio = uPlot.pxRatio;
  const labels: { text: string; color: string; x: number; y: number }[] = [];
  series.forEach((spec, k) => {
    if (!spec.endLabel || spec.show === false) return;
    const ys = u.data[k + 1] as (number | null | undefined)[];
    const last = findLastValueIndex(ys);
    if (last < 0) return;
    const value = ys[last] as number;
    labels.push({
      text: `${spec.endLabel} ${format(value)}`,
      color: spec.color,
      x: u.valToPos(u.data[0][last], 'x', true),
      y: u.valToPos(value, spec.scale ?? 'y', true),
    });
  });
  if (labels.length === 0) return;
  const top = u.bbox.top + 8 * ratio;
  const bottom = u.bbox.top + u.bbox.height - 4 * ratio;
  const placed = spreadLabels(
    labels.map((label) => label.y),
    END_LABEL_GAP * ratio,
    top,
    bottom,
  );
  ctx.save();
  ctx.font = labelFont(fontPx * ratio);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left'; // uPlot leaves the axis values' alignment set
  const x = u.bbox.left + u.bbox.width + 8 * ratio;
  labels.forEach((label, k) => {
    // A faint dotted leader from the line's end to its label.
    ctx.strokeStyle = label.color;
    ctx.globalAlpha = 0.45;
    ctx.lineWidth = ratio;
    ctx.setLineDash([2 * ratio, 3 * ratio]);
    ctx.beginPath();
    ctx.moveTo(label.x + 6 * ratio, label.y);
    ctx.lineTo(x - 3 * ratio, placed[k]);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.fillStyle = label.color;
    ctx.fillText(label.text, x, placed[k]);
  });
  ctx.restore();
}

export function LiveChart({ table, series, x, y, y2, height, ariaLabel, testId, formatValue = defaultFormat, exportLabel, legendLang }: LiveChartProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const label = exportLabel ?? testId ?? 'chart';
  useFigureExport(
    testId,
    label,
    () => {
      const canvas = plotRef.current?.ctx.canvas;
      return canvas ? canvasToPng(canvas) : Promise.reject(new Error('The chart is not drawn yet.'));
    },
    () => renderLiveChartSvg({ table, series, x, y, y2, height, title: label, width: plotRef.current?.width ?? boxRef.current?.clientWidth ?? 640 }),
  );
  // The latest props, for the uPlot hooks and the resize handler (they outlive a render).
  const latest = useRef({ table, series, formatValue });
  latest.current = { table, series, formatValue };

  const hasEndLabels = series.some((spec) => spec.endLabel);
  const emphasis = useContext(ChartEmphasisContext);
  const emphasisRef = useRef(emphasis);
  emphasisRef.current = emphasis;
  // Everything that shapes the chart (not its data): a change rebuilds the uPlot instance.
  const layoutKey = useMemo(
    () =>
      JSON.stringify({
        series: series.map((s) => [s.label, s.color, s.width, s.dash, s.scale, s.endLabel !== undefined, s.show, s.alpha]),
        x: [x.label, x.range, x.fromZeroTo],
        y: [y.label, y.range, y.fromZeroTo],
        y2: y2 ? [y2.label, y2.range, y2.fromZeroTo] : null,
        height,
        emphasis,
      }),
    [series, x.label, x.range, x.fromZeroTo, y.label, y.range, y.fromZeroTo, y2, height, emphasis],
  );
  // Formatters are functions (not in the key); keep the ones of the render that built the chart.
  const axes = useRef({ x, y, y2 });
  axes.current = { x, y, y2 };

  // Building and redrawing go through the sliced queue (./slicedQueue.ts), keyed by this chart: many charts
  // mounting or updating at once become short tasks, and a redraw superseded by newer data never runs.
  const queueKey = useRef({ build: {}, draw: {} }).current;

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    let observer: ResizeObserver | null = null;
    let built: uPlot | null = null;
    const buildPlot = (box: HTMLDivElement): uPlot => {
      const { x: xAxis, y: yAxis, y2: y2Axis } = axes.current;
      const specs = latest.current.series;
      const look = emphasisRef.current;
      const width = Math.max(200, box.clientWidth);
      const scales: uPlot.Scales = { x: { time: false, ...buildScale(xAxis) }, y: buildScale(yAxis) };
      if (y2Axis) scales.y2 = buildScale(y2Axis);
      const axisList: uPlot.Axis[] = [buildAxis(xAxis, 2, 'x', true, look), buildAxis(yAxis, 3, 'y', true, look)];
      if (y2Axis) axisList.push(buildAxis(y2Axis, 1, 'y2', false, look));
      const options: uPlot.Options = {
        width,
        height,
        padding: [12, hasEndLabels ? Math.round((END_LABEL_ROOM * look.fontPx) / NORMAL_CHART_EMPHASIS.fontPx) : y2Axis ? 4 : 16, 0, 0],
        scales,
        axes: axisList,
        cursor: { drag: { x: false, y: false }, points: { size: 7 } },
        legend: { show: true, live: true },
        series: [
          { label: xAxis.label, value: (_u, value) => (value === null || value === undefined ? '–' : xAxis.format ? xAxis.format(value) : String(value)) },
          ...specs.map(
            (spec): uPlot.Series => ({
              label: spec.label,
              stroke: spec.color,
              width: (spec.width ?? 2.5) * look.lineScale,
              dash: spec.dash,
              scale: spec.scale ?? 'y',
              show: spec.show ?? true,
              alpha: spec.alpha ?? 1,
              spanGaps: true,
              // End-labelled lines get a dot at their last point, which the end label's leader line joins.
              points: spec.endLabel ? { show: true, size: 9, width: 2, fill: spec.color, filter: (u, seriesIdx) => lastPointFilter(u, seriesIdx) } : { show: false },
              value: (_u, value) => (value === null || value === undefined ? '–' : latest.current.formatValue(value)),
            }),
          ),
        ],
        hooks: { draw: [(u) => drawEndLabels(u, latest.current.series, latest.current.formatValue, emphasisRef.current.fontPx)] },
      };
      const plot = new uPlot(options, toAligned(latest.current.table, width), box);
      plotRef.current = plot;
      styleLegendMarkers(plot, specs);
      if (legendLang) plot.root.querySelector('.u-legend')?.setAttribute('lang', legendLang);
      observer = new ResizeObserver(() => {
        const next = Math.max(200, box.clientWidth);
        if (Math.abs(next - plot.width) < 1) return;
        plot.setSize({ width: next, height });
        plot.setData(toAligned(latest.current.table, plotColumns(plot)));
      });
      observer.observe(box);
      return plot;
    };
    const cancelBuild = queueSliced(queueKey.build, () => {
      built = buildPlot(box);
    });
    return () => {
      cancelBuild();
      cancelSliced(queueKey.draw);
      observer?.disconnect();
      (built as uPlot | null)?.destroy();
      plotRef.current = null;
    };
    // layoutKey covers series, axes and height (hasEndLabels follows series); the rest is read through refs.
  }, [layoutKey, queueKey]);

  useEffect(() => {
    if (!plotRef.current) return; // the queued build draws the latest table
    queueSliced(queueKey.draw, () => {
      const plot = plotRef.current;
      if (plot) plot.setData(toAligned(latest.current.table, plotColumns(plot)));
    });
  }, [table, queueKey]);

  return <div ref={boxRef} className="live-chart" role="img" aria-label={ariaLabel} data-testid={testId} />;
}

/** uPlot point filter: only the series' last value gets a dot. */
function lastPointFilter(u: uPlot, seriesIdx: number): number[] | null {
  const last = findLastValueIndex(u.data[seriesIdx] as (number | null | undefined)[]);
  return last < 0 ? null : [last];
}

/** Width of the plotting area in CSS px (one decimation bucket per column). */
function plotColumns(plot: uPlot): number {
  return Math.max(1, Math.round(plot.bbox.width / uPlot.pxRatio) || plot.width);
}

function toAligned(table: SeriesTable, columns: number): uPlot.AlignedData {
  const decimated = decimateTable(table, columns);
  return [decimated.x, ...decimated.ys];
}
