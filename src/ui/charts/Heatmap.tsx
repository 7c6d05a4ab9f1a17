/**
 * A heatmap of one scalar over the n×n input grid, drawn with ImageData and a colour LUT.
 * Grid layout (SurfaceSnapshot): value of cell (i, j) at (j·n + i)·stride + offset, i along the
 * first input (left → right), j along the second input (bottom → top).
 * A second, transparent canvas on top carries the hover marker, so hovering never redraws the data.
 */
import { useEffect, useRef, type MouseEvent } from 'react';
import { indexInLut, type Lut } from './colormap';

export interface HeatmapProps {
  testId: string;
  label: string;
  values: ArrayLike<number>;
  resolution: number;
  stride?: number;
  offset?: number;
  min: number;
  max: number;
  lut: Lut;
  /** Display size in CSS pixels (square). */
  size: number;
  /** Cells where this mask is 1 get their region boundary outlined. */
  outline?: Uint8Array | null;
  outlineColor?: string;
  /** Second outline, dashed (e.g. the true safe region on the predicted-safe map). */
  dashedOutline?: Uint8Array | null;
  /** Step of the data, written to data-drawn-step after each redraw. */
  step: number;
  /** Marker position in cell units (i, j), or null. */
  marker: { i: number; j: number } | null;
  markerColor?: string;
  onHoverCell?: (cell: { i: number; j: number } | null) => void;
  className?: string;
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

export function Heatmap(props: HeatmapProps) {
  const { values, resolution: n, stride = 1, offset = 0, min, max, lut, size, outline, dashedOutline, step } = props;
  const baseRef = useRef<HTMLCanvasElement>(null);
  const overlayRef = useRef<HTMLCanvasElement>(null);
  const scratchRef = useRef<HTMLCanvasElement | null>(null);
  const pixelRatio = typeof window === 'undefined' ? 1 : Math.min(2, window.devicePixelRatio || 1);
  const pixels = Math.round(size * pixelRatio);

  useEffect(() => {
    const canvas = baseRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context || n < 1) return;
    scratchRef.current ??= document.createElement('canvas');
    const scratch = scratchRef.current;
    scratch.width = n;
    scratch.height = n;
    const scratchContext = scratch.getContext('2d');
    if (!scratchContext) return;
    const image = scratchContext.createImageData(n, n);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const k = indexInLut(values[(j * n + i) * stride + offset], min, max);
        const p = ((n - 1 - j) * n + i) * 4;
        if (k < 0) {
          image.data.set([255, 0, 255, 255], p);
        } else {
          image.data[p] = lut[k * 3];
          image.data[p + 1] = lut[k * 3 + 1];
          image.data[p + 2] = lut[k * 3 + 2];
          image.data[p + 3] = 255;
        }
      }
    }
    scratchContext.putImageData(image, 0, 0);
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.drawImage(scratch, 0, 0, canvas.width, canvas.height);
    const cell = canvas.width / n;
    context.lineWidth = Math.max(1, pixelRatio * 1.5);
    if (dashedOutline) {
      context.strokeStyle = 'rgba(20, 20, 20, 0.85)';
      context.setLineDash([3 * pixelRatio, 3 * pixelRatio]);
      strokeBoundary(context, dashedOutline, n, cell);
      context.setLineDash([]);
    }
    if (outline) {
      context.strokeStyle = props.outlineColor ?? '#ffffff';
      strokeBoundary(context, outline, n, cell);
    }
    canvas.dataset.drawnStep = String(step);
  }, [values, n, stride, offset, min, max, lut, outline, dashedOutline, step, pixels, pixelRatio, props.outlineColor]);

  const { marker, markerColor } = props;
  useEffect(() => {
    const canvas = overlayRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    context.clearRect(0, 0, canvas.width, canvas.height);
    if (!marker || n < 1) return;
    const cell = canvas.width / n;
    const x = (marker.i + 0.5) * cell;
    const y = (n - 1 - marker.j + 0.5) * cell;
    const radius = Math.max(3 * pixelRatio, cell * 0.9);
    context.lineWidth = 2 * pixelRatio;
    context.strokeStyle = '#ffffff';
    context.beginPath();
    context.arc(x, y, radius + pixelRatio, 0, Math.PI * 2);
    context.stroke();
    context.strokeStyle = markerColor ?? '#111111';
    context.beginPath();
    context.arc(x, y, radius, 0, Math.PI * 2);
    context.stroke();
  }, [marker, markerColor, n, pixels, pixelRatio]);

  const { onHoverCell } = props;
  const handleMove = (event: MouseEvent<HTMLCanvasElement>) => {
    if (!onHoverCell) return;
    const rect = event.currentTarget.getBoundingClientRect();
    const fx = (event.clientX - rect.left) / rect.width;
    const fy = (event.clientY - rect.top) / rect.height;
    const i = Math.min(n - 1, Math.max(0, Math.floor(fx * n)));
    const j = Math.min(n - 1, Math.max(0, n - 1 - Math.floor(fy * n)));
    onHoverCell({ i, j });
  };

  return (
    <div className={`heatmap ${props.className ?? ''}`} style={{ width: size, height: size }}>
      <canvas ref={baseRef} data-testid={props.testId} aria-label={props.label} role="img" width={pixels} height={pixels} style={{ width: size, height: size }} />
      <canvas
        ref={overlayRef}
        className="heatmap-overlay"
        width={pixels}
        height={pixels}
        style={{ width: size, height: size }}
        onMouseMove={handleMove}
        onMouseLeave={() => onHoverCell?.(null)}
      />
    </div>
  );
}
