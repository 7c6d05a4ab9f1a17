/**
 * Pure string SVG renderers for the study's figures: grouped bar chart, line chart and scatter.
 * Deterministic (same data ⇒ same bytes), no DOM; every number written is finite (no "NaN" text).
 * Quick-budget figures carry a visible watermark (QUICK_BUDGET_NOTE).
 */
import { escapeXml } from '../escapeXml';
import type { BarChartData, ChartData, FacetChartData, XYChartData, XYSeries } from './figures';
import { QUICK_BUDGET_NOTE } from './plan';

export interface SvgOptions {
  width?: number;
  height?: number;
  /** Draw the "quick budget — not full-budget results" watermark. */
  quick?: boolean;
  /** The watermark's text in the figure's language (default QUICK_BUDGET_NOTE, English). */
  watermark?: string;
  /** Leave out the legend (a facet panel: the grid has one). */
  hideLegend?: boolean;
}

/** Colour-blind-safe palette (Okabe–Ito). */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#000000'] as const;

const FONT = 'font-family="system-ui, -apple-system, Segoe UI, sans-serif"';

/** A coordinate with at most 2 decimals; non-finite values become 0 (never "NaN" in the output). */
function n(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/** About 5 "nice" ticks (1, 2, 5 × 10^k) covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi <= lo) hi = lo + (lo === 0 ? 1 : Math.abs(lo));
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(lo / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let v = first; v <= hi + step * 1e-6 + 1e-12 && ticks.length < 50; v += step) ticks.push(Number((Math.round(v / step) * step).toPrecision(12)));
  if (ticks[ticks.length - 1] < hi - 1e-12) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

export function formatTick(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 10000 || abs < 0.001) return value.toExponential(1);
  return String(Number(value.toPrecision(4)));
}

interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Series colours: a 'light' (bar) or dashed (line) series reuses the colour of the series before it. */
function assignColors(series: readonly { variant?: string; dashed?: boolean; color?: string }[]): string[] {
  const colors: string[] = [];
  let next = 0;
  series.forEach((s, i) => {
    const follows = (s.variant === 'light' || s.dashed) && i > 0;
    colors.push(s.color ?? (follows ? colors[i - 1] : SERIES_COLORS[next++ % SERIES_COLORS.length]));
  });
  return colors;
}

function legendItems(
  names: readonly string[],
  colors: readonly string[],
  styles: readonly ('solid' | 'light' | 'dashed')[],
  width: number,
  y0: number,
): { svg: string; height: number } {
  const parts: string[] = [];
  let x = 16;
  let y = y0;
  names.forEach((name, i) => {
    const itemWidth = 26 + Math.ceil(name.length * 6.4) + 14;
    if (x + itemWidth > width - 8 && x > 16) {
      x = 16;
      y += 16;
    }
    const style = styles[i];
    const swatch =
      style === 'dashed'
        ? `<line x1="${n(x)}" y1="${n(y - 4)}" x2="${n(x + 20)}" y2="${n(y - 4)}" stroke="${colors[i]}" stroke-width="2" stroke-dasharray="5 3"/>`
        : `<rect x="${n(x)}" y="${n(y - 10)}" width="20" height="10" fill="${colors[i]}"${style === 'light' ? ' fill-opacity="0.4"' : ''}/>`;
    parts.push(`<g class="legend-item">${swatch}<text x="${n(x + 26)}" y="${n(y)}" font-size="11">${escapeXml(name)}</text></g>`);
    x += itemWidth;
  });
  return { svg: `<g class="legend">${parts.join('')}</g>`, height: y - y0 + 16 };
}

function openSvg(width: number, height: number, title: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" ${FONT}>` +
    `<title>${escapeXml(title)}</title><rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>` +
    `<text x="${n(width / 2)}" y="20" font-size="14" font-weight="600" text-anchor="middle">${escapeXml(title)}</text>`
  );
}

function watermark(frame: Frame, quick: boolean, text = QUICK_BUDGET_NOTE): string {
  if (!quick) return '';
  const cx = (frame.left + frame.width - frame.right) / 2;
  const cy = (frame.top + frame.height - frame.bottom) / 2;
  return `<text class="watermark" x="${n(cx)}" y="${n(cy)}" font-size="20" font-weight="700" fill="#C00000" fill-opacity="0.22" text-anchor="middle" transform="rotate(-18 ${n(cx)} ${n(cy)})">${escapeXml(text)}</text>`;
}

function yAxis(frame: Frame, ticks: number[], scale: (v: number) => number, label: string): string {
  const x = frame.left;
  const parts = ticks.map((t) => {
    const y = scale(t);
    return `<line x1="${n(x)}" y1="${n(y)}" x2="${n(frame.width - frame.right)}" y2="${n(y)}" stroke="#e5e5e5"/><text x="${n(x - 6)}" y="${n(y + 4)}" font-size="11" text-anchor="end">${escapeXml(formatTick(t))}</text>`;
  });
  const mid = (frame.top + frame.height - frame.bottom) / 2;
  parts.push(`<line x1="${n(x)}" y1="${n(frame.top)}" x2="${n(x)}" y2="${n(frame.height - frame.bottom)}" stroke="#333"/>`);
  parts.push(`<text x="14" y="${n(mid)}" font-size="12" text-anchor="middle" transform="rotate(-90 14 ${n(mid)})">${escapeXml(label)}</text>`);
  return `<g class="y-axis">${parts.join('')}</g>`;
}

function dataExtent(values: number[], fixedMin?: number, fixedMax?: number): [number, number] {
  const finite = values.filter(Number.isFinite);
  let lo = fixedMin ?? Math.min(0, ...finite);
  let hi = fixedMax ?? (finite.length ? Math.max(...finite) : 1);
  if (fixedMax !== undefined && finite.length && Math.max(...finite) > fixedMax) hi = Math.max(...finite);
  if (fixedMin !== undefined && finite.length && Math.min(...finite) < fixedMin) lo = Math.min(...finite);
  if (!(hi > lo)) hi = lo + 1;
  return [lo, hi];
}

/** Grouped bar chart: one group per category, one bar per series. */
export function renderBarChart(chart: BarChartData, options: SvgOptions = {}): string {
  const width = options.width ?? 760;
  const height = options.height ?? 420;
  const colors = assignColors(chart.series);
  const legend = legendItems(
    chart.series.map((s) => s.name),
    colors,
    chart.series.map((s) => (s.variant === 'light' ? 'light' : 'solid')),
    width,
    42,
  );
  const frame: Frame = { width, height, left: 64, right: 16, top: 42 + legend.height + 8, bottom: 56 };
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (chart.referenceLine) values.push(chart.referenceLine.value);
  const [lo, hi] = dataExtent(values, 0, chart.yMax);
  const ticks = niceTicks(lo, hi);
  const top = ticks[ticks.length - 1];
  const bottom = ticks[0];
  const plotHeight = height - frame.bottom - frame.top;
  const y = (v: number) => frame.top + plotHeight * (1 - (v - bottom) / (top - bottom || 1));
  const plotWidth = width - frame.left - frame.right;
  const groupWidth = plotWidth / Math.max(1, chart.categories.length);
  const barWidth = (groupWidth * 0.8) / Math.max(1, chart.series.length);
  const parts: string[] = [openSvg(width, height, chart.title), legend.svg, yAxis(frame, ticks, y, chart.yLabel)];
  const bars: string[] = [];
  chart.categories.forEach((category, c) => {
    const gx = frame.left + c * groupWidth + groupWidth * 0.1;
    chart.series.forEach((series, s) => {
      const value = series.values[c];
      const x = gx + s * barWidth;
      if (value === null || value === undefined || !Number.isFinite(value)) {
        bars.push(`<text x="${n(x + barWidth / 2)}" y="${n(y(bottom) - 3)}" font-size="8" fill="#999" text-anchor="middle">n/a</text>`);
        return;
      }
      const y0 = y(Math.max(bottom, Math.min(0, top)));
      const y1 = y(value);
      bars.push(
        `<rect x="${n(x)}" y="${n(Math.min(y0, y1))}" width="${n(Math.max(0.5, barWidth - 1))}" height="${n(Math.abs(y1 - y0))}" fill="${colors[s]}"${series.variant === 'light' ? ' fill-opacity="0.4"' : ''}><title>${escapeXml(`${category} · ${series.name}: ${formatTick(value)}`)}</title></rect>`,
      );
    });
    bars.push(
      `<text x="${n(frame.left + c * groupWidth + groupWidth / 2)}" y="${n(height - frame.bottom + 16)}" font-size="11" text-anchor="middle">${escapeXml(category)}</text>`,
    );
  });
  parts.push(`<g class="bars">${bars.join('')}</g>`);
  if (chart.referenceLine) {
    const ry = y(chart.referenceLine.value);
    parts.push(
      `<g class="reference"><line x1="${n(frame.left)}" y1="${n(ry)}" x2="${n(width - frame.right)}" y2="${n(ry)}" stroke="#555" stroke-dasharray="4 3"/><text x="${n(width - frame.right - 2)}" y="${n(ry - 4)}" font-size="10" text-anchor="end">${escapeXml(chart.referenceLine.label)}</text></g>`,
    );
  }
  parts.push(`<line x1="${n(frame.left)}" y1="${n(y(bottom))}" x2="${n(width - frame.right)}" y2="${n(y(bottom))}" stroke="#333"/>`);
  parts.push(`<text x="${n(frame.left + plotWidth / 2)}" y="${n(height - 12)}" font-size="12" text-anchor="middle">${escapeXml(chart.xLabel)}</text>`);
  parts.push(watermark(frame, options.quick ?? false, options.watermark));
  parts.push('</svg>');
  return parts.join('');
}

function renderXY(chart: XYChartData, connect: boolean, options: SvgOptions): string {
  const width = options.width ?? 760;
  const height = options.height ?? 420;
  const series: XYSeries[] = chart.series.map((s) => ({ ...s, points: s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)) }));
  const colors = assignColors(series);
  const legend = options.hideLegend
    ? { svg: '', height: 0 }
    : legendItems(
        series.map((s) => s.name),
        colors,
        series.map((s) => (s.dashed ? 'dashed' : 'solid')),
        width,
        42,
      );
  const hasRight = chart.y2Label !== undefined && series.some((s) => s.axis === 'right');
  const frame: Frame = { width, height, left: 64, right: hasRight ? 64 : 24, top: 42 + legend.height + 8, bottom: 56 };
  const log = chart.xLog === true;
  const tx = (v: number) => (log ? Math.log10(v) : v);
  const xs = series.flatMap((s) => s.points.map((p) => tx(p.x))).filter(Number.isFinite);
  // Error bars stay inside a fixed y range (invocation cannot leave [0, 1]).
  const clampY = (v: number) => Math.min(chart.yMax ?? Number.POSITIVE_INFINITY, Math.max(chart.yMin ?? Number.NEGATIVE_INFINITY, v));
  const onLeft = series.filter((s) => !hasRight || s.axis !== 'right');
  const ys = onLeft.flatMap((s) => s.points.flatMap((p) => (p.yError ? [clampY(p.y - p.yError), clampY(p.y + p.yError)] : [p.y])));
  const xLo = chart.xMin !== undefined ? tx(chart.xMin) : xs.length ? Math.min(...xs) : 0;
  const xHi = chart.xMax !== undefined ? tx(chart.xMax) : xs.length ? Math.max(...xs) : 1;
  // A log axis is ticked at the data's own x values (the bounds), padded by a tenth of the range.
  const logValues = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b);
  const pad = (xHi - xLo || 1) * 0.08;
  const xTicks = log ? [xLo - pad, xHi + pad] : niceTicks(xLo, xHi > xLo ? xHi : xLo + 1);
  const [yLo, yHi] = dataExtent(ys, chart.yMin, chart.yMax);
  const yTicks = niceTicks(yLo, yHi);
  const plotWidth = width - frame.left - frame.right;
  const plotHeight = height - frame.top - frame.bottom;
  const x0 = xTicks[0];
  const x1 = xTicks[xTicks.length - 1];
  const y0 = yTicks[0];
  const y1 = yTicks[yTicks.length - 1];
  const sx = (v: number) => frame.left + (plotWidth * (tx(v) - x0)) / (x1 - x0 || 1);
  const sy = (v: number) => frame.top + plotHeight * (1 - (v - y0) / (y1 - y0 || 1));
  const syLeft = sy;
  const parts: string[] = [openSvg(width, height, chart.title), legend.svg, yAxis(frame, yTicks, sy, chart.yLabel)];
  let sy2 = sy;
  if (hasRight) {
    const [r0, r1] = dataExtent(series.filter((s) => s.axis === 'right').flatMap((s) => s.points.map((p) => p.y)));
    const rightTicks = niceTicks(r0, r1);
    const lo = rightTicks[0];
    const hi = rightTicks[rightTicks.length - 1];
    sy2 = (v: number) => frame.top + plotHeight * (1 - (v - lo) / (hi - lo || 1));
    const x = width - frame.right;
    const mid = (frame.top + height - frame.bottom) / 2;
    const ticks = rightTicks.map(
      (t) =>
        `<line x1="${n(x)}" y1="${n(sy2(t))}" x2="${n(x + 4)}" y2="${n(sy2(t))}" stroke="#333"/><text x="${n(x + 6)}" y="${n(sy2(t) + 4)}" font-size="11">${escapeXml(formatTick(t))}</text>`,
    );
    parts.push(
      `<g class="y2-axis"><line x1="${n(x)}" y1="${n(frame.top)}" x2="${n(x)}" y2="${n(height - frame.bottom)}" stroke="#333"/>${ticks.join('')}<text x="${n(width - 12)}" y="${n(mid)}" font-size="12" text-anchor="middle" transform="rotate(90 ${n(width - 12)} ${n(mid)})">${escapeXml(chart.y2Label ?? '')}</text></g>`,
    );
  }
  const xAxis = (log ? logValues : xTicks).map(
    (t) =>
      `<line x1="${n(sx(t))}" y1="${n(height - frame.bottom)}" x2="${n(sx(t))}" y2="${n(height - frame.bottom + 4)}" stroke="#333"/><text x="${n(sx(t))}" y="${n(height - frame.bottom + 16)}" font-size="11" text-anchor="middle">${escapeXml(formatTick(t))}</text>`,
  );
  for (const mark of chart.marks ?? []) {
    const mx = sx(mark.x);
    xAxis.push(
      `<g class="mark"><line x1="${n(mx)}" y1="${n(frame.top)}" x2="${n(mx)}" y2="${n(height - frame.bottom)}" stroke="#999" stroke-dasharray="2 3"/><text x="${n(mx)}" y="${n(frame.top + 11)}" font-size="10" fill="#555" text-anchor="middle">${escapeXml(mark.label)}</text></g>`,
    );
  }
  parts.push(
    `<g class="x-axis"><line x1="${n(frame.left)}" y1="${n(height - frame.bottom)}" x2="${n(width - frame.right)}" y2="${n(height - frame.bottom)}" stroke="#333"/>${xAxis.join('')}</g>`,
  );
  parts.push(`<text x="${n(frame.left + plotWidth / 2)}" y="${n(height - 12)}" font-size="12" text-anchor="middle">${escapeXml(chart.xLabel)}</text>`);
  series.forEach((s, i) => {
    const color = colors[i];
    const sy = hasRight && s.axis === 'right' ? sy2 : syLeft;
    const g: string[] = [];
    if (connect && s.points.length > 1) {
      g.push(
        `<polyline fill="none" stroke="${color}" stroke-width="1.8"${s.dashed ? ' stroke-dasharray="5 3"' : ''} points="${s.points.map((p) => `${n(sx(p.x))},${n(sy(p.y))}`).join(' ')}"/>`,
      );
    }
    const radius = connect && s.points.length > 30 ? 0 : 3.5;
    for (const p of s.points) {
      if (p.yError && p.yError > 0) {
        const [top, bottom] = [sy(clampY(p.y + p.yError)), sy(clampY(p.y - p.yError))];
        const cx = sx(p.x);
        g.push(
          `<path class="error-bar" d="M${n(cx)} ${n(top)}V${n(bottom)}M${n(cx - 3)} ${n(top)}H${n(cx + 3)}M${n(cx - 3)} ${n(bottom)}H${n(cx + 3)}" stroke="${color}" stroke-width="1.2" fill="none"/>`,
        );
      }
      if (radius > 0) {
        g.push(
          `<circle cx="${n(sx(p.x))}" cy="${n(sy(p.y))}" r="${radius}" fill="${s.dashed ? '#ffffff' : color}" stroke="${color}"><title>${escapeXml(`${s.name}: (${formatTick(p.x)}, ${formatTick(p.y)}${p.yError ? ` ± ${formatTick(p.yError)}` : ''})${p.label ? ` ${p.label}` : ''}`)}</title></circle>`,
        );
      }
      if (p.label) {
        // Labels in the right half end at the point, so that they stay inside the plot.
        const right = sx(p.x) > frame.left + plotWidth / 2;
        g.push(`<text x="${n(sx(p.x) + (right ? -5 : 5))}" y="${n(sy(p.y) - 6)}" font-size="9" fill="#333"${right ? ' text-anchor="end"' : ''}>${escapeXml(p.label)}</text>`);
      }
    }
    parts.push(`<g class="series" data-series="${escapeXml(s.name)}">${g.join('')}</g>`);
  });
  parts.push(watermark(frame, options.quick ?? false, options.watermark));
  parts.push('</svg>');
  return parts.join('');
}

/** Line chart: each series drawn as a polyline (dashed when `dashed`), markers when few points. */
export function renderLineChart(chart: XYChartData, options: SvgOptions = {}): string {
  return renderXY(chart, true, options);
}

/** Scatter: markers (with optional point labels), no lines. */
export function renderScatterChart(chart: XYChartData, options: SvgOptions = {}): string {
  return renderXY(chart, false, options);
}

/**
 * Small multiples: each panel rendered as its own XY chart (nested <svg>, its legend dropped) in a grid, under one
 * title and one legend of the first panel's series.
 */
export function renderFacetChart(chart: FacetChartData, options: SvgOptions = {}): string {
  const columns = Math.max(1, chart.columns);
  const panelWidth = 360;
  const panelHeight = 280;
  const rows = Math.ceil(chart.panels.length / columns);
  const width = options.width ?? columns * panelWidth;
  const first = chart.panels[0]?.series ?? [];
  const colors = assignColors(first);
  const legend = legendItems(
    first.map((s) => s.name),
    colors,
    first.map((s) => (s.dashed ? 'dashed' : 'solid')),
    width,
    chart.note ? 58 : 42,
  );
  const top = (chart.note ? 58 : 42) + legend.height;
  const height = top + rows * panelHeight;
  const parts: string[] = [openSvg(width, height, chart.title)];
  if (chart.note) parts.push(`<text x="${n(width / 2)}" y="38" font-size="11" fill="#444" text-anchor="middle">${escapeXml(chart.note)}</text>`);
  parts.push(legend.svg);
  chart.panels.forEach((panel, k) => {
    const x = (k % columns) * (width / columns);
    const y = top + Math.floor(k / columns) * panelHeight;
    const inner = renderXY({ ...panel, series: panel.series }, true, { width: Math.floor(width / columns), height: panelHeight, hideLegend: true });
    parts.push(`<g class="panel" transform="translate(${n(x)} ${n(y)})">${inner}</g>`);
  });
  if (options.quick) parts.push(watermark({ width, height, left: 0, right: 0, top, bottom: 0 }, true, options.watermark));
  parts.push('</svg>');
  return parts.join('');
}

/** Renders any chart of ./figures.ts. */
export function renderChart(chart: ChartData, options: SvgOptions = {}): string {
  switch (chart.kind) {
    case 'bar':
      return renderBarChart(chart, options);
    case 'line':
      return renderLineChart(chart, options);
    case 'scatter':
      return renderScatterChart(chart, options);
    case 'facets':
      return renderFacetChart(chart, options);
    default: {
      const unknown: never = chart;
      throw new Error(`Unsupported chart kind: ${(unknown as { kind: string }).kind}`);
    }
  }
}
