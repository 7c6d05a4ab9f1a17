/**
 * A heatmap of one scalar over the n×n input grid, drawn with ImageData and a colour LUT, plus the
 * pieces that make it readable: a numbered colour bar (ColorBar) and a frame with axis ticks (HeatmapFrame).
 * Grid layout (SurfaceSnapshot): value of cell (i, j) at (j·n + i)·stride + offset, i along the
 * first input (left → right), j along the second input (bottom → top).
 * - The map repaints only when its data (array identity, scale, outlines) or its pixel size changes;
 *   the cursor lives on a second, transparent canvas on top, so hovering never redraws the data.
 * - Without a fixed `size` the map fills its container's width (square), at devicePixelRatio, cells crisp.
 * - Keyboard: the map is focusable; arrows move the cursor cell (moveGridCursor), Enter activates it.
 * Test hooks: data-drawn-step (step of the data drawn), data-paints (repaint count: moving the cursor adds none),
 * data-cursor on the cursor layer ("i,j" or empty).
 */
import { memo, useEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { createLinearScale, dropCrowdedTicks, formatLutGradient, indexOnScale, listScaleTicks, scaleToUnit, type ColorScale, type Lut } from './colormap';
import { findCellAt, moveGridCursor, type GridCell } from './gridCursor';
import { queueSliced } from './slicedQueue';
import { useOnScreen } from '../useOnScreen';
import { useElementWidth } from '../useElementWidth';
import './heatmap.css';
import { escapeXml } from '../../core/escapeXml';
import { canvasToPng } from '../exports/download';
import { useFigureExport } from '../exports/ExportMenu';
import { useT } from '../i18n';

/**
 * The map as a vector SVG: one <rect> per grid cell in its LUT colour (magenta off the scale, as drawn), the
 * first input left → right and the second bottom → top, at `size` CSS px; the outlines are left out.
 */
export function renderHeatmapSvg(props: Pick<HeatmapProps, 'values' | 'resolution' | 'stride' | 'offset' | 'scale' | 'lut' | 'label'> & { size: number }): string {
  const { values, resolution: n, stride = 1, offset = 0, scale, lut, label } = props;
  const size = Math.max(1, Math.round(props.size));
  const cell = size / n;
  const colourScale: ColorScale = { ...scale, clipped: false, mark: null };
  const rects: string[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const value = values[(j * n + i) * stride + offset];
      const k = indexOnScale(colourScale, value);
      const fill = k < 0 ? '#ff00ff' : `rgb(${lut[k * 3]},${lut[k * 3 + 1]},${lut[k * 3 + 2]})`;
      const title = Number.isFinite(value) ? `<title>${Number(value.toPrecision(4))}</title>` : '';
      rects.push(`<rect x="${(i * cell).toFixed(2)}" y="${((n - 1 - j) * cell).toFixed(2)}" width="${cell.toFixed(2)}" height="${cell.toFixed(2)}" fill="${fill}">${title}</rect>`);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges" role="img" aria-label="${escapeXml(label)}"><title>${escapeXml(label)}</title>${rects.join('')}</svg>`;
}

export interface HeatmapProps {
  testId: string;
  label: string;
  values: ArrayLike<number>;
  resolution: number;
  stride?: number;
  offset?: number;
  scale: ColorScale;
  lut: Lut;
  /** Display size in CSS pixels (square); absent: the width of the container. */
  size?: number;
  /** Cells where this mask is 1 get their region boundary outlined. */
  outline?: Uint8Array | null;
  outlineColor?: string;
  /** Second outline, dashed (e.g. the true safe region on the predicted-safe map). */
  dashedOutline?: Uint8Array | null;
  /** Step of the data, written to data-drawn-step after each redraw. */
  step: number;
  /** Cursor position in cell units (i, j), or null. */
  cursor: GridCell | null;
  cursorColor?: string;
  onCursor?: (cell: GridCell | null) => void;
  /** Enter on the focused map, or a click. */
  onActivate?: (cell: GridCell) => void;
  /** In the tab order (default) or focusable only by script / pointer. */
  tabbable?: boolean;
  /** Id of the element that reads out the values at the cursor (aria-describedby). */
  describedBy?: string;
}

function strokeBoundary(context: CanvasRenderingContext2D, mask: Uint8Array, n: number, cell: number): void {
  context.beginPath();
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const here = mask[j * n + i];
      const y = (n - 1 - j) * cell;
      if (i + 1 < n && mask[j * n + i + 1] !== here) {
        context.moveTo((i + 1) * cell, y);
        context.lineTo((i + 1) * cell, y + cell);
      }
      if (j + 1 < n && mask[(j + 1) * n + i] !== here) {
        context.moveTo(i * cell, y);
        context.lineTo((i + 1) * cell, y);
      }
    }
  }
  context.stroke();
}

function HeatmapImpl(props: HeatmapProps) {
  const t = useT('panels');
  const { values, resolution: n, stride = 1, offset = 0, scale, lut, outline, dashedOutline, step, outlineColor } = props;
  const boxRef = useRef<HTMLDivElement>(null);
  const baseRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const scratchRef = useRef<HTMLCanvasElement | null>(null);
  /** Whether the cursor layer holds a drawing (to clear). */
  const cursorDrawnRef = useRef(false);
  const measured = useElementWidth(boxRef, 0, props.size === undefined);
  const onScreen = useOnScreen(boxRef);
  const cssSize = props.size ?? measured;
  const pixelRatio = typeof window === 'undefined' ? 1 : Math.min(3, window.devicePixelRatio || 1);
  const pixels = Math.max(1, Math.round(cssSize * pixelRatio));
  const { kind, min, max } = scale;
  useFigureExport(
    props.testId,
    props.label,
    () => (baseRef.current ? canvasToPng(baseRef.current) : Promise.reject(new Error('The map is not drawn yet.'))),
    () => renderHeatmapSvg({ values, resolution: n, stride, offset, scale, lut, label: props.label, size: cssSize || 256 }),
  );

  // Data layer: runs only when the data, its scale, the outlines or the pixel size change. The paint goes through the
  // sliced queue (slicedQueue.ts): the ~30 maps of a run's first evaluation paint over several short tasks, and a
  // newer paint of the same map replaces a pending one.
  useEffect(() => {
    const canvas = baseRef.current;
    if (!canvas || n < 1 || cssSize <= 0 || !onScreen) return;
    return queueSliced(baseRef, () => {
      const context = canvas.getContext('2d');
      if (!context) return;
      scratchRef.current ??= document.createElement('canvas');
      const scratch = scratchRef.current;
      scratch.width = n;
      scratch.height = n;
      const scratchContext = scratch.getContext('2d');
      if (!scratchContext) return;
      const image = scratchContext.createImageData(n, n);
      const colourScale: ColorScale = { kind, min, max, clipped: false, mark: null };
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < n; i++) {
          const k = indexOnScale(colourScale, values[(j * n + i) * stride + offset]);
          const p = ((n - 1 - j) * n + i) * 4;
          if (k < 0) {
            image.data[p] = 255;
            image.data[p + 1] = 0;
            image.data[p + 2] = 255;
            image.data[p + 3] = 255;
          } else {
            image.data[p] = lut[k * 3];
            image.data[p + 1] = lut[k * 3 + 1];
            image.data[p + 2] = lut[k * 3 + 2];
            image.data[p + 3] = 255;
          }
        }
      }
      scratchContext.putImageData(image, 0, 0);
      // One grid cell = one flat square (no smoothing): the grid the network was sampled on, as it is.
      context.imageSmoothingEnabled = false;
      context.clearRect(0, 0, canvas.width, canvas.height);
      context.drawImage(scratch, 0, 0, canvas.width, canvas.height);
      const cell = canvas.width / n;
      context.lineWidth = Math.max(1.5, pixelRatio * 2);
      if (dashedOutline) {
        context.strokeStyle = 'rgba(20, 20, 20, 0.9)';
        context.setLineDash([4 * pixelRatio, 3 * pixelRatio]);
        strokeBoundary(context, dashedOutline, n, cell);
        context.setLineDash([]);
      }
      if (outline) {
        context.strokeStyle = outlineColor ?? '#ffffff';
        strokeBoundary(context, outline, n, cell);
      }
      canvas.dataset.drawnStep = String(step);
      canvas.dataset.paints = String(Number(canvas.dataset.paints ?? '0') + 1);
    });
  }, [values, n, stride, offset, kind, min, max, lut, outline, dashedOutline, step, pixels, pixelRatio, cssSize, outlineColor, onScreen]);

  const { cursor, cursorColor } = props;
  const ci = cursor?.i ?? -1;
  const cj = cursor?.j ?? -1;
  // Cursor layer: a crosshair through the cursor cell and the cell's square.
  useEffect(() => {
    const canvas = overlayRef.current;
    if (!canvas) return;
    canvas.dataset.cursor = ci < 0 ? '' : `${ci},${cj}`;
    // Nothing drawn and nothing to draw: no context is made (a view mounts dozens of maps with no cursor).
    if (ci < 0 && !cursorDrawnRef.current) return;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.clearRect(0, 0, canvas.width, canvas.height);
    cursorDrawnRef.current = false;
    if (ci < 0 || n < 1) return;
    cursorDrawnRef.current = true;
    const cell = canvas.width / n;
    const x = (ci + 0.5) * cell;
    const y = (n - 1 - cj + 0.5) * cell;
    const half = Math.max(3 * pixelRatio, cell * 0.75);
    context.lineWidth = Math.max(1, pixelRatio);
    context.strokeStyle = 'rgba(255, 255, 255, 0.75)';
    context.beginPath();
    context.moveTo(0, y);
    context.lineTo(x - half, y);
    context.moveTo(x + half, y);
    context.lineTo(canvas.width, y);
    context.moveTo(x, 0);
    context.lineTo(x, y - half);
    context.moveTo(x, y + half);
    context.lineTo(x, canvas.height);
    context.stroke();
    context.lineWidth = 2 * pixelRatio;
    context.strokeStyle = '#ffffff';
    context.strokeRect(x - half - pixelRatio, y - half - pixelRatio, 2 * (half + pixelRatio), 2 * (half + pixelRatio));
    context.strokeStyle = cursorColor ?? '#111111';
    context.strokeRect(x - half, y - half, 2 * half, 2 * half);
  }, [ci, cj, cursorColor, n, pixels, pixelRatio]);

  const { onCursor, onActivate } = props;
  const cellOf = (event: MouseEvent<HTMLElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return findCellAt((event.clientX - rect.left) / rect.width, (event.clientY - rect.top) / rect.height, n);
  };
  const handleKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && cursor && onActivate) {
      event.preventDefault();
      onActivate(cursor);
      return;
    }
    if (event.key === 'Escape') {
      onCursor?.(null);
      return;
    }
    const next = moveGridCursor(cursor, event.key, n, event.shiftKey);
    if (!next || !onCursor) return;
    event.preventDefault();
    onCursor(next);
  };

  const style = props.size === undefined ? undefined : { width: props.size, height: props.size };
  const canvasStyle = { width: cssSize || '100%', height: cssSize || '100%' };
  return (
    <div
      ref={boxRef}
      className="hm"
      style={style}
      data-testid={`${props.testId}-map`}
      role="group"
      aria-roledescription="heatmap"
      aria-label={t('charts.heatmapKeys', { label: props.label })}
      aria-describedby={props.describedBy}
      tabIndex={props.tabbable === false ? -1 : 0}
      onKeyDown={handleKey}
    >
      <canvas ref={baseRef} data-testid={props.testId} aria-label={props.label} role="img" width={pixels} height={pixels} style={canvasStyle} />
      <canvas
        ref={overlayRef}
        className="hm-overlay"
        data-testid={`${props.testId}-cursor`}
        width={pixels}
        height={pixels}
        style={canvasStyle}
        onMouseMove={(event) => onCursor?.(cellOf(event))}
        onMouseLeave={() => onCursor?.(null)}
        onClick={(event) => onActivate?.(cellOf(event))}
      />
    </div>
  );
}

export const Heatmap = memo(HeatmapImpl);

/** A horizontal colour bar: the LUT's gradient with numbered ticks (ends included) and an optional mark (the bound). */
export function ColorBar({ scale, lut, title, testId, count = 4 }: { scale: ColorScale; lut: Lut; title?: string; testId?: string; count?: number }) {
  const barRef = useRef<HTMLDivElement>(null);
  // Labels that would touch are dropped for the bar's measured width (ends only before the first layout).
  const width = useElementWidth(barRef);
  const ticks = dropCrowdedTicks(listScaleTicks(scale, count, 0), width);
  const mark = scale.mark && scale.mark.value >= scale.min && scale.mark.value <= scale.max ? scale.mark : null;
  const markT = mark ? scaleToUnit(scale, mark.value) : 0;
  return (
    <div className="hm-bar" data-testid={testId} data-scale={scale.kind}>
      {title ? <div className="hm-bar-title">{title}</div> : null}
      {mark ? (
        <div className="hm-bar-mark-row">
          <span
            className={`hm-bar-mark-label${markT > 0.8 ? ' end' : markT < 0.2 ? ' start' : ''}`}
            style={{ left: `${markT * 100}%` }}
            data-testid={testId ? `${testId}-mark` : undefined}
          >
            {mark.label}
          </span>
        </div>
      ) : null}
      <div className="hm-bar-gradient" style={{ background: formatLutGradient(lut) }}>
        {mark ? <span className="hm-bar-mark" style={{ left: `${markT * 100}%` }} /> : null}
      </div>
      <div className="hm-bar-ticks" ref={barRef}>
        {ticks.map((tick, k) => (
          <span key={k} className={`hm-tick${k === 0 ? ' first' : k === ticks.length - 1 ? ' last' : ''}`} style={{ left: `${tick.t * 100}%` }}>
            {tick.label}
          </span>
        ))}
      </div>
    </div>
  );
}

export interface GridAxis {
  name: string;
  range: readonly [number, number];
}

/** Position (0..1 from the start of the axis) of value v on a grid of n cell centres spanning [lo, hi]. */
function placeOnGrid(value: number, range: readonly [number, number], n: number): number {
  const span = range[1] - range[0];
  const k = span === 0 ? (n - 1) / 2 : ((value - range[0]) / span) * (n - 1);
  return n <= 1 ? 0.5 : (k + 0.5) / n;
}

function AxisTicks({ axis, n, count, vertical }: { axis: GridAxis; n: number; count: number; vertical: boolean }) {
  const ticks = listScaleTicks(createLinearScale(axis.range[0], axis.range[1]), count);
  return (
    <div className={vertical ? 'hm-axis-y' : 'hm-axis-x'} aria-hidden="true">
      {ticks.map((tick, k) => {
        const at = placeOnGrid(tick.value, axis.range, n) * 100;
        return (
          <span key={k} className={`hm-axis-tick${k === 0 ? ' first' : k === ticks.length - 1 ? ' last' : ''}`} style={vertical ? { bottom: `${at}%` } : { left: `${at}%` }}>
            {tick.label}
          </span>
        );
      })}
    </div>
  );
}

export interface HeatmapFrameProps {
  title: ReactNode;
  subtitle?: ReactNode;
  x: GridAxis;
  y: GridAxis;
  resolution: number;
  /** Small maps: ticks at the ends only, shorter names. */
  compact?: boolean;
  /** Hide the y axis (maps beside one that shows it). */
  hideY?: boolean;
  colorBar?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}

/** Title, y-axis ticks and name, the map, x-axis ticks and name, then the colour bar. */
export function HeatmapFrame({ title, subtitle, x, y, resolution, compact = false, hideY = false, colorBar, children, className, testId }: HeatmapFrameProps) {
  const count = compact ? 1 : 4;
  return (
    <figure className={`hm-frame${compact ? ' compact' : ''}${hideY ? ' no-y' : ''} ${className ?? ''}`} data-testid={testId}>
      <figcaption className="hm-title">
        <strong>{title}</strong>
        {subtitle ? <span className="hm-subtitle"> {subtitle}</span> : null}
      </figcaption>
      <div className="hm-grid">
        {hideY ? null : (
          <>
            <div className="hm-axis-name-y" aria-hidden="true">
              {y.name}
            </div>
            <AxisTicks axis={y} n={resolution} count={count} vertical />
          </>
        )}
        <div className="hm-cell">{children}</div>
        <div className="hm-below">
          <AxisTicks axis={x} n={resolution} count={count} vertical={false} />
          <div className="hm-axis-name-x" aria-hidden="true">
            {x.name}
          </div>
          {colorBar}
        </div>
      </div>
    </figure>
  );
}
