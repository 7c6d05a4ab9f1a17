/**
 * Fig. 4 (a)–(c) of the paper, live: heatmaps over the grid of a 2-input target (Bessel J_ν(x) over (ν, x),
 * inversek2j's θ1/θ2 over (x, y)): the target, AXNet's output, the lone approximator's output, AXNet's
 * |error| on a log scale around the bound with the safe region (error < bound, eq. 1) outlined, and the
 * predictor's P(safe) with the predicted-safe region (P > 0.5).
 * The cursor (mouse or arrow keys on a focused map) is the store's hover point, shared by every map.
 */
import { useCallback, useDeferredValue, useId, useMemo, useState, type FocusEvent } from 'react';
import { resolveTarget } from '../../core/targets/index';
import type { TargetSpec } from '../../core/targets/types';
import type { SurfaceSnapshot } from '../../core/weights';
import { findGridIndex, findRange, gridValue, listSurfaceOutputs, readSurfaceAt, selectConfig, selectHover, selectSurface } from '../../state/selectors';
import { useLabStore } from '../../state/store';
import { DIVERGING, PROBABILITY, SEQUENTIAL, buildErrorScale, createLinearScale, formatTick, type ColorScale } from '../charts/colormap';
import type { GridCell } from '../charts/gridCursor';
import { ColorBar, Heatmap, HeatmapFrame, type GridAxis } from '../charts/Heatmap';
import { useT } from '../i18n';
import { explainMissingGrid, formatSurfaceReadout, shortenName, type ReadoutNames, type ReadoutTexts } from './surfaceReadout';
import './views.css';
import { ExportMenu, ExportScope } from '../exports/ExportMenu';
import { useRunStem } from '../exports/RunExports';

/** Cursor handling shared by the surface and control-vector panels: cells ↔ input-space points (the store's hover). */
export function useGridCursor(surface: SurfaceSnapshot | null) {
  const hover = useLabStore(selectHover);
  const setHover = useLabStore((state) => state.setHover);
  const cell = useMemo<GridCell | null>(() => {
    if (!surface || !hover) return null;
    const index = findGridIndex(surface, hover);
    return { i: index % surface.resolution, j: Math.floor(index / surface.resolution) };
  }, [surface, hover]);
  const onCursor = useCallback(
    (next: GridCell | null) => {
      if (!surface || !next) {
        setHover(null);
        return;
      }
      const n = surface.resolution;
      setHover({ u: gridValue(surface.ranges[0], next.i, n), v: gridValue(surface.ranges[1], next.j, n) });
    },
    [surface, setHover],
  );
  // Enter on a map (or a click) runs that point on the NPU view (pickNpuPoint, src/state/npuSlice.ts).
  const onActivate = useCallback(
    (at: GridCell) => {
      if (!surface) return;
      const n = surface.resolution;
      useLabStore.getState().pickNpuPoint([gridValue(surface.ranges[0], at.i, n), gridValue(surface.ranges[1], at.j, n)]);
    },
    [surface],
  );
  return { hover, cell, onCursor, onActivate };
}

/**
 * Whether focus is inside a panel: its readout is an aria-live region only then, so that moving the cursor
 * on one panel's map is read out once (by that panel), and mouse hovering is not read out at all.
 */
export function useFocusWithin() {
  const [focused, setFocused] = useState(false);
  const handlers = {
    onFocus: () => setFocused(true),
    onBlur: (event: FocusEvent<HTMLElement>) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
    },
  };
  return { live: focused ? ('polite' as const) : ('off' as const), handlers };
}

/** The readout sentences (surfaceReadout.ts) in the current language. */
export function useReadoutTexts(): ReadoutTexts {
  const t = useT('panels');
  return t('readout', { returnObjects: true }) as ReadoutTexts;
}

/** The input names' glosses in the current language: "ν (order)" → "ν（阶）" in 中文; the symbols stay. */
export function useInputNameGloss(): (name: string) => string {
  const t = useT('panels');
  return useCallback((name: string) => name.replace(/^(.*\S)\s+\(order\)$/, (_, symbol: string) => t('surface.orderGloss', { symbol })), [t]);
}

/** Axis names and ranges of the two plotted inputs, and the short names the readouts use. */
export function describeGrid(
  target: TargetSpec,
  ranges: readonly [readonly [number, number], readonly [number, number]],
  gloss: (name: string) => string = (name) => name,
): { x: GridAxis; y: GridAxis; names: ReadoutNames } {
  const xName = gloss(target.inputNames[0] ?? 'x₁');
  const yName = gloss(target.inputNames[1] ?? 'x₂');
  return {
    x: { name: xName, range: ranges[0] },
    y: { name: yName, range: ranges[1] },
    names: { inputs: [shortenName(xName), shortenName(yName)], outputs: target.outputNames.map(shortenName) },
  };
}

const P_SAFE_SCALE: ColorScale = { ...createLinearScale(0, 1), mark: { value: 0.5, label: 'P = 0.5' } };

export function SurfacePanel() {
  return (
    <ExportScope>
      <SurfacePanelBody />
    </ExportScope>
  );
}

function SurfacePanelBody() {
  const t = useT('panels');
  const readoutTexts = useReadoutTexts();
  const gloss = useInputNameGloss();
  const exportStem = useRunStem();
  const surface = useDeferredValue(useLabStore(selectSurface)); // maps render at transition priority, in slices
  const config = useLabStore(selectConfig);
  const target = resolveTarget(config);
  const { hover, cell, onCursor, onActivate } = useGridCursor(surface);
  const [picked, setPicked] = useState(0);
  const readoutId = useId();
  const focus = useFocusWithin();

  const outputs = useMemo(() => (surface ? listSurfaceOutputs(surface) : []), [surface]);
  const k = Math.min(picked, Math.max(0, outputs.length - 1));
  const output = outputs[k] ?? null;
  const outputName = target.outputNames[k] ?? t('surface.output', { index: k + 1 });

  const derived = useMemo(() => {
    if (!surface) return null;
    const cells = surface.resolution * surface.resolution;
    const safeMask = new Uint8Array(cells);
    const predictedMask = new Uint8Array(cells);
    for (let c = 0; c < cells; c++) {
      safeMask[c] = surface.error[c] < config.errorBound ? 1 : 0;
      predictedMask[c] = surface.safeProbability[c] > 0.5 ? 1 : 0;
    }
    const errorScale = buildErrorScale(findRange(surface.error)[1], config.errorBound);
    // The bound's mark on the colour bar, in the current language.
    if (errorScale.mark) errorScale.mark = { ...errorScale.mark, label: t('surface.boundMark', { bound: formatTick(errorScale.mark.value) }) };
    return { errorScale, safeMask, predictedMask };
  }, [surface, config.errorBound, t]);
  const valueScale = useMemo(() => {
    if (!output) return createLinearScale(0, 1);
    const [lo, hi] = findRange(output.target, output.axnet, output.lone);
    return createLinearScale(lo, hi);
  }, [output]);

  const missing = explainMissingGrid(target, t('surface.view'), '', readoutTexts);
  if (missing) {
    return (
      <section className="panel view-note-panel" data-testid="panel-surface" id="panel-surface" aria-labelledby="surface-title">
        <p className="view-note" data-testid="surface-unavailable">
          <strong id="surface-title">{t('surface.unavailable')}</strong> {missing}
        </p>
      </section>
    );
  }
  const grid = describeGrid(target, surface?.ranges ?? [target.inputRanges[0], target.inputRanges[1]], gloss);
  const [xShort, yShort] = grid.names.inputs;
  if (!surface || !derived || !output) {
    return (
      <section className="panel view-note-panel" data-testid="panel-surface" id="panel-surface" aria-labelledby="surface-title">
        <p className="view-note" data-testid="surface-waiting">
          <strong id="surface-title">{t('surface.waiting', { title: target.title })}</strong>{' '}
          {t('surface.waitingText', { outputs: grid.names.outputs.join(t('surface.and')), x: xShort, y: yShort })}
        </p>
      </section>
    );
  }
  const values = hover ? readSurfaceAt(surface, hover) : null;
  const metricName =
    target.errorMetric === 'relative'
      ? t('surface.metricRelative')
      : target.errorMetric === 'absolute'
        ? t('surface.metricAbsolute')
        : target.errorMetric === 'rms'
          ? t('surface.metricRms')
          : target.errorMetric;

  return (
    <section className="panel" data-testid="panel-surface" id="panel-surface" aria-labelledby="surface-title" {...focus.handlers}>
      <header className="panel-header">
        <div className="panel-title-row">
          <h2 id="surface-title">{t('surface.title', { title: target.title })}</h2>
          <ExportMenu stem={exportStem} testId="export-surface" />
        </div>
        <p className="panel-caption view-caption">
          {t('surface.caption', { outputs: target.outputNames.map(shortenName).join(t('surface.and')), x: xShort, y: yShort, bound: config.errorBound })}
        </p>
        {outputs.length > 1 ? (
          <fieldset className="view-output-picker" data-testid="surface-output-picker">
            <legend>{t('surface.outputShown')}</legend>
            {outputs.map((_, index) => (
              <label key={index} className={index === k ? 'active' : undefined}>
                <input type="radio" name={`surface-output-${readoutId}`} checked={index === k} onChange={() => setPicked(index)} data-testid={`surface-output-${index}`} />
                {target.outputNames[index] ?? t('surface.output', { index: index + 1 })}
              </label>
            ))}
          </fieldset>
        ) : null}
      </header>
      <div className="view-map-grid" data-output={k}>
        <HeatmapFrame
          title={t('surface.target')}
          subtitle={outputName}
          x={grid.x}
          y={grid.y}
          resolution={surface.resolution}
          colorBar={<ColorBar scale={valueScale} lut={DIVERGING} testId="surface-target-bar" title={t('surface.targetBar', { name: shortenName(outputName) })} />}
        >
          <Heatmap
            testId="surface-target"
            label={t('surface.targetLabel', { name: outputName })}
            values={output.target}
            resolution={surface.resolution}
            scale={valueScale}
            lut={DIVERGING}
            step={surface.step}
            cursor={cell}
            onCursor={onCursor}
            onActivate={onActivate}
            describedBy={readoutId}
          />
        </HeatmapFrame>
        <HeatmapFrame
          title="AXNet"
          subtitle={t('surface.outputSubtitle', { name: shortenName(outputName) })}
          x={grid.x}
          y={grid.y}
          resolution={surface.resolution}
          colorBar={<ColorBar scale={valueScale} lut={DIVERGING} title={t('surface.sameScale')} />}
        >
          <Heatmap
            testId="surface-axnet"
            label={t('surface.axnetLabel', { name: outputName })}
            values={output.axnet}
            resolution={surface.resolution}
            scale={valueScale}
            lut={DIVERGING}
            step={surface.step}
            cursor={cell}
            onCursor={onCursor}
            onActivate={onActivate}
            describedBy={readoutId}
          />
        </HeatmapFrame>
        {output.lone ? (
          <HeatmapFrame
            title={t('surface.lone')}
            subtitle={t('surface.outputSubtitle', { name: shortenName(outputName) })}
            x={grid.x}
            y={grid.y}
            resolution={surface.resolution}
            colorBar={<ColorBar scale={valueScale} lut={DIVERGING} title={t('surface.sameScale')} />}
          >
            <Heatmap
              testId="surface-lone"
              label={t('surface.loneLabel', { name: outputName })}
              values={output.lone}
              resolution={surface.resolution}
              scale={valueScale}
              lut={DIVERGING}
              step={surface.step}
              cursor={cell}
              onCursor={onCursor}
              onActivate={onActivate}
              describedBy={readoutId}
            />
          </HeatmapFrame>
        ) : null}
        <HeatmapFrame
          title={t('surface.errorTitle')}
          subtitle={t('surface.errorSubtitle', { metric: metricName, all: outputs.length > 1 ? t('surface.allOutputs') : '' })}
          x={grid.x}
          y={grid.y}
          resolution={surface.resolution}
          colorBar={<ColorBar scale={derived.errorScale} lut={SEQUENTIAL} testId="surface-error-bar" title={t('surface.errorBar')} />}
        >
          <Heatmap
            testId="surface-error"
            label={t('surface.errorLabel', { metric: metricName })}
            values={surface.error}
            resolution={surface.resolution}
            scale={derived.errorScale}
            lut={SEQUENTIAL}
            step={surface.step}
            outline={derived.safeMask}
            outlineColor="#ffffff"
            cursor={cell}
            onCursor={onCursor}
            onActivate={onActivate}
            describedBy={readoutId}
          />
        </HeatmapFrame>
        <HeatmapFrame
          title={t('surface.safeTitle')}
          subtitle={t('surface.safeSubtitle')}
          x={grid.x}
          y={grid.y}
          resolution={surface.resolution}
          colorBar={<ColorBar scale={P_SAFE_SCALE} lut={PROBABILITY} testId="surface-safe-bar" title={t('surface.safeBar')} />}
        >
          <Heatmap
            testId="surface-safe"
            label={t('surface.safeLabel')}
            values={surface.safeProbability}
            resolution={surface.resolution}
            scale={P_SAFE_SCALE}
            lut={PROBABILITY}
            step={surface.step}
            outline={derived.predictedMask}
            outlineColor="#1b5e20"
            dashedOutline={derived.safeMask}
            cursor={cell}
            onCursor={onCursor}
            onActivate={onActivate}
            describedBy={readoutId}
          />
        </HeatmapFrame>
      </div>
      <p className="view-readout" id={readoutId} data-testid="surface-hover" aria-live={focus.live}>
        {values ? formatSurfaceReadout(values, grid.names, config.errorBound, readoutTexts) : t('surface.hoverHint', { step: surface.step })}
      </p>
    </section>
  );
}
