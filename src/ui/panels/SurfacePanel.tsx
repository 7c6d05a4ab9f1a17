/**
 * Fig. 4 (a)–(c) of the paper, live: heatmaps over the (ν, x) grid of the Bessel target J_ν(x),
 * AXNet's output, the lone approximator's output, AXNet's |error| with the safe region
 * (error < bound, eq. 1) outlined, and the predicted-safe region (P(safe) > 0.5).
 */
import { useMemo, type ReactNode } from 'react';
import { getTarget } from '../../core/targets/index';
import type { SurfaceSnapshot } from '../../ml/types';
import { findGridIndex, findRange, formatMetric, gridValue, readSurfaceAt, selectConfig, selectHover, selectSurface } from '../../state/selectors';
import { useLabStore } from '../../state/store';
import { DIVERGING, PROBABILITY, SEQUENTIAL, formatLutGradient, type Lut } from '../charts/colormap';
import { Heatmap } from '../charts/Heatmap';

const MAP_SIZE = 168;

export interface Cell {
  i: number;
  j: number;
}

/** Hover handling shared by the surface and control-vector panels: cells ↔ input-space points. */
export function useHoverCell(surface: SurfaceSnapshot | null) {
  const hover = useLabStore(selectHover);
  const setHover = useLabStore((state) => state.setHover);
  const cell = useMemo<Cell | null>(() => {
    if (!surface || !hover) return null;
    const index = findGridIndex(surface, hover);
    return { i: index % surface.resolution, j: Math.floor(index / surface.resolution) };
  }, [surface, hover]);
  const onHoverCell = (next: Cell | null) => {
    if (!surface || !next) {
      setHover(null);
      return;
    }
    const n = surface.resolution;
    setHover({ u: gridValue(surface.ranges[0], next.i, n), v: gridValue(surface.ranges[1], next.j, n) });
  };
  return { hover, cell, onHoverCell };
}

function Legend({ lut, min, max, caption }: { lut: Lut; min: number; max: number; caption: string }) {
  return (
    <div className="legend" title={caption}>
      <span className="legend-value">{formatLegend(min)}</span>
      <span className="legend-bar" style={{ background: formatLutGradient(lut) }} />
      <span className="legend-value">{formatLegend(max)}</span>
    </div>
  );
}

function formatLegend(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  return magnitude >= 1000 || magnitude < 0.01 ? value.toExponential(1) : value.toFixed(2);
}

interface MapFrameProps {
  title: string;
  subtitle?: string;
  xName: string;
  yName: string;
  ranges: SurfaceSnapshot['ranges'];
  children: ReactNode;
  legend: ReactNode;
}

function MapFrame({ title, subtitle, xName, yName, ranges, children, legend }: MapFrameProps) {
  return (
    <figure className="map-frame">
      <figcaption>
        <strong>{title}</strong>
        {subtitle ? <span className="muted"> {subtitle}</span> : null}
      </figcaption>
      <div className="map-body">
        <div className="axis-y">
          <span>{ranges[1][1]}</span>
          <span className="axis-name">{yName}</span>
          <span>{ranges[1][0]}</span>
        </div>
        <div>
          {children}
          <div className="axis-x">
            <span>{ranges[0][0]}</span>
            <span className="axis-name">{xName}</span>
            <span>{ranges[0][1]}</span>
          </div>
        </div>
      </div>
      {legend}
    </figure>
  );
}

export function SurfacePanel() {
  const surface = useLabStore(selectSurface);
  const config = useLabStore(selectConfig);
  const target = getTarget(config.target);
  const { hover, cell, onHoverCell } = useHoverCell(surface);

  const derived = useMemo(() => {
    if (!surface) return null;
    const valueRange = findRange(surface.target, surface.axnet, surface.lone);
    const errorRange: [number, number] = [0, findRange(surface.error)[1]];
    const cells = surface.resolution * surface.resolution;
    const safeMask = new Uint8Array(cells);
    const predictedMask = new Uint8Array(cells);
    for (let k = 0; k < cells; k++) {
      safeMask[k] = surface.error[k] < config.errorBound ? 1 : 0;
      predictedMask[k] = surface.safeProbability[k] > 0.5 ? 1 : 0;
    }
    return { valueRange, errorRange, safeMask, predictedMask };
  }, [surface, config.errorBound]);

  const hoverValues = surface && hover ? readSurfaceAt(surface, hover) : null;
  const [xName, yName] = [target.inputNames[0] ?? 'x₁', target.inputNames[1] ?? 'x₂'];

  return (
    <section className="panel" data-testid="panel-surface" id="panel-surface" aria-labelledby="surface-title">
      <header className="panel-header">
        <h2 id="surface-title">{target.id === 'bessel_Jnu' ? 'Bessel surface' : `${target.title} surface`}</h2>
        <p className="panel-caption">
          Like Fig. 4: the target {target.outputNames[0]} over ({xName}, {yName}), what AXNet and a lone approximator make of it, where AXNet
          is within the bound ({config.errorBound}, white outline), and where the predictor says “safe” (P &gt; 0.5, green; dashed: truly safe).
        </p>
      </header>
      {!surface || !derived ? (
        <p className="placeholder">
          {target.inputDim === 2
            ? 'Press play or step: the maps appear as soon as the worker has built the networks.'
            : `Surface views need a target with two inputs (bessel_Jnu); ${target.id} has ${target.inputDim}. Its metrics and curves are live above.`}
        </p>
      ) : (
        <>
          {/* A click on a map runs the hovered point on the NPU view (pickNpuPoint, src/state/npuSlice.ts). */}
          <div className="map-grid" onClick={() => {
            const point = useLabStore.getState().hover;
            if (point) useLabStore.getState().pickNpuPoint([point.u, point.v]);
          }}>
            <MapFrame title="Target" subtitle={target.outputNames[0]} xName={xName} yName={yName} ranges={surface.ranges}
              legend={<Legend lut={DIVERGING} min={derived.valueRange[0]} max={derived.valueRange[1]} caption="shared scale of target, AXNet and lone outputs" />}>
              <Heatmap testId="surface-target" label="target function" values={surface.target} resolution={surface.resolution}
                min={derived.valueRange[0]} max={derived.valueRange[1]} lut={DIVERGING} size={MAP_SIZE} step={surface.step} marker={cell} onHoverCell={onHoverCell} />
            </MapFrame>
            <MapFrame title="AXNet" subtitle="output" xName={xName} yName={yName} ranges={surface.ranges}
              legend={<Legend lut={DIVERGING} min={derived.valueRange[0]} max={derived.valueRange[1]} caption="same scale as the target" />}>
              <Heatmap testId="surface-axnet" label="AXNet output" values={surface.axnet} resolution={surface.resolution}
                min={derived.valueRange[0]} max={derived.valueRange[1]} lut={DIVERGING} size={MAP_SIZE} step={surface.step} marker={cell} onHoverCell={onHoverCell} />
            </MapFrame>
            {surface.lone ? (
              <MapFrame title="Lone approximator" subtitle="output" xName={xName} yName={yName} ranges={surface.ranges}
                legend={<Legend lut={DIVERGING} min={derived.valueRange[0]} max={derived.valueRange[1]} caption="same scale as the target" />}>
                <Heatmap testId="surface-lone" label="lone approximator output" values={surface.lone} resolution={surface.resolution}
                  min={derived.valueRange[0]} max={derived.valueRange[1]} lut={DIVERGING} size={MAP_SIZE} step={surface.step} marker={cell} onHoverCell={onHoverCell} />
              </MapFrame>
            ) : null}
            <MapFrame title="|error|" subtitle="AXNet, safe region outlined" xName={xName} yName={yName} ranges={surface.ranges}
              legend={<Legend lut={SEQUENTIAL} min={derived.errorRange[0]} max={derived.errorRange[1]} caption={`${target.errorMetric} error; white outline: error < ${config.errorBound}`} />}>
              <Heatmap testId="surface-error" label="AXNet error" values={surface.error} resolution={surface.resolution}
                min={derived.errorRange[0]} max={derived.errorRange[1]} lut={SEQUENTIAL} size={MAP_SIZE} step={surface.step}
                outline={derived.safeMask} outlineColor="#ffffff" marker={cell} onHoverCell={onHoverCell} />
            </MapFrame>
            <MapFrame title="P(safe)" subtitle="predicted safe > 0.5" xName={xName} yName={yName} ranges={surface.ranges}
              legend={<Legend lut={PROBABILITY} min={0} max={1} caption="predictor's softmax P(safe | x); solid: P = 0.5, dashed: true safe region" />}>
              <Heatmap testId="surface-safe" label="predicted safe probability" values={surface.safeProbability} resolution={surface.resolution}
                min={0} max={1} lut={PROBABILITY} size={MAP_SIZE} step={surface.step}
                outline={derived.predictedMask} outlineColor="#1b5e20" dashedOutline={derived.safeMask} marker={cell} onHoverCell={onHoverCell} />
            </MapFrame>
          </div>
          <p className="hover-readout" data-testid="surface-hover" aria-live="polite">
            {hoverValues ? (
              <>
                {xName} = {hoverValues.u.toFixed(3)}, {yName} = {hoverValues.v.toFixed(3)} · target {formatMetric(hoverValues.target)} · AXNet{' '}
                {formatMetric(hoverValues.axnet)} · lone {hoverValues.lone === null ? '–' : formatMetric(hoverValues.lone)} · error{' '}
                {formatMetric(hoverValues.error)} {hoverValues.error < config.errorBound ? '(safe)' : '(unsafe)'} · P(safe){' '}
                {formatMetric(hoverValues.safeProbability)}
              </>
            ) : (
              `Hover a map to read the values at a point (step ${surface.step}).`
            )}
          </p>
        </>
      )}
    </section>
  );
}
