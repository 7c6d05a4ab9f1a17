/**
 * Fig. 4 (d) of the paper, live: for each approximator hidden layer i and neuron j, the activation
 * a_j(i) without the control, ReLU(W(i)ᵀa(i) + b(i)), the control value c_j(i) from the predictor, and the
 * layer's output with it — a_j(i)·c_j(i) with ⊙c after the activation (Algorithm 1, the default), or
 * ReLU((W(i)ᵀa(i))_j·c_j(i) + b_j(i)) with ⊙c inside it (eq. 4 as printed) — each as a map over the input grid,
 * with the target's input names and ranges on the axes and one numbered colour bar per layer and quantity.
 * The cursor (hover or arrow keys) marks the point on every map and outlines the neurons that the
 * control vector suppresses there.
 */
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { resolveTarget } from '../../core/targets/index';
import { SUPPRESSION_THRESHOLD, isSuppressed } from '../../core/axnetMath';
import { CONTROL_PLACEMENT_SPECS } from '../../core/modelChoices';
import { computePageRange } from '../../core/paging';
import { findRange, readSurfaceAt, selectConfig, selectSurface } from '../../state/selectors';
import { useLabStore } from '../../state/store';
import { DIVERGING, SEQUENTIAL, createLinearScale, formatTick, type ColorScale } from '../charts/colormap';
import { ColorBar, Heatmap, HeatmapFrame } from '../charts/Heatmap';
import { useProgressiveCount } from '../useProgressiveCount';
import { useT } from '../i18n';
import { describeGrid, useFocusWithin, useGridCursor, useInputNameGloss, useReadoutTexts } from './SurfacePanel';
import { explainMissingGrid, formatControlReadout } from './surfaceReadout';
import './views.css';
import { ExportMenu, ExportScope } from '../exports/ExportMenu';
import { useRunStem } from '../exports/RunExports';

/** Control-vector maps are at least this wide (CSS px); they grow with the panel. */
export const CONTROL_MAP_MIN = 96;
/** At most this many neurons (3 maps each) are drawn at once; the rest are a page away (Prev / Next). */
export const CONTROL_NEURONS_PER_PAGE = 32;
/** Neurons (three maps each) mounted per animation frame when a page of them first appears (useProgressiveCount). */
export const CONTROL_NEURONS_PER_FRAME = 8;

export function ControlVectorPanel() {
  return (
    <ExportScope>
      <ControlVectorPanelBody />
    </ExportScope>
  );
}

function ControlVectorPanelBody() {
  const t = useT('panels');
  const readoutTexts = useReadoutTexts();
  const gloss = useInputNameGloss();
  const exportStem = useRunStem();
  const surface = useDeferredValue(useLabStore(selectSurface)); // maps render at transition priority, in slices
  const config = useLabStore(selectConfig);
  const target = resolveTarget(config);
  const { hover, cell, onCursor, onActivate } = useGridCursor(surface);
  const readoutId = useId();
  const focus = useFocusWithin();
  const [page, setPage] = useState(0);

  // One scale per layer: activations (before and after share it, so ⊙c's effect shows), and c symmetric about 0.
  const layerScales = useMemo(
    () =>
      surface?.hidden.map((layer) => {
        const [aMin, aMax] = findRange(layer.before, layer.after);
        const [cMin, cMax] = findRange(layer.control);
        const cBound = Math.max(Math.abs(cMin), Math.abs(cMax), 1e-6);
        const control: ColorScale = {
          ...createLinearScale(-cBound, cBound),
          mark: cBound > SUPPRESSION_THRESHOLD ? { value: SUPPRESSION_THRESHOLD, label: `|c| ${SUPPRESSION_THRESHOLD}` } : null,
        };
        return { activation: createLinearScale(aMin, aMax), control };
      }) ?? [],
    [surface],
  );

  // The neurons of every layer in one list, paged: layer i's neurons are items firstNeuron[i] … firstNeuron[i] + width − 1.
  const hiddenLayers = surface?.hidden ?? [];
  const firstNeuron = hiddenLayers.map((_, i) => hiddenLayers.slice(0, i).reduce((sum, layer) => sum + layer.width, 0));
  const totalNeurons = hiddenLayers.reduce((sum, layer) => sum + layer.width, 0);
  const pageRange = computePageRange(totalNeurons, page, CONTROL_NEURONS_PER_PAGE);
  // Per shown neuron j of layer i: the cells where it is suppressed (|c_j| < 0.1), outlined on its c map (key "i-j").
  const suppressedCells = useMemo(() => {
    const cellsByNeuron = new Map<string, Uint8Array>();
    let first = 0; // the layer's first neuron in the paged list
    for (const [i, layer] of (surface?.hidden ?? []).entries()) {
      const cells = layer.control.length / layer.width;
      const from = Math.max(0, pageRange.start - first);
      const to = Math.min(layer.width, pageRange.end - first);
      for (let j = from; j < to; j++)
        cellsByNeuron.set(
          `${i}-${j}`,
          Uint8Array.from({ length: cells }, (_, c) => (isSuppressed(layer.control[c * layer.width + j]) ? 1 : 0)),
        );
      first += layer.width;
    }
    return cellsByNeuron;
  }, [surface, pageRange.start, pageRange.end]);
  // A page of up to 32 neurons × 3 maps mounts 8 neurons a frame (the default nets' 8 neurons at once).
  const mountedOnPage = useProgressiveCount(pageRange.end - pageRange.start, CONTROL_NEURONS_PER_FRAME, `${page}|${hiddenLayers.map((layer) => layer.width).join('-')}`);

  const missing = explainMissingGrid(target, t('control.view'), t('control.instead'), readoutTexts);
  if (missing) {
    return (
      <section className="panel view-note-panel" data-testid="panel-control" id="panel-control" aria-labelledby="control-title">
        <p className="view-note" data-testid="control-unavailable">
          <strong id="control-title">{t('control.unavailable')}</strong> {missing}
        </p>
      </section>
    );
  }
  const grid = describeGrid(target, surface?.ranges ?? [target.inputRanges[0], target.inputRanges[1]], gloss);
  if (!surface) {
    return (
      <section className="panel view-note-panel" data-testid="panel-control" id="panel-control" aria-labelledby="control-title">
        <p className="view-note" data-testid="control-waiting">
          <strong id="control-title">{t('control.waitingTitle')}</strong> {t('control.waitingText', { inputs: grid.names.inputs.join(', ') })}
        </p>
      </section>
    );
  }
  const values = hover ? readSurfaceAt(surface, hover) : null;
  const layers = surface.hidden.map((layer, i) => layer.layer ?? i);
  const pager =
    pageRange.pages > 1 ? (
      <nav className="view-pager" aria-label={t('control.pagerLabel')} data-testid="control-pager">
        <button type="button" className="prompt-button" data-testid="control-page-prev" disabled={pageRange.page === 0} onClick={() => setPage(pageRange.page - 1)}>
          {t('control.pagePrev')}
        </button>
        <span data-testid="control-page-range" aria-live="polite">
          {t('control.pageRange', { from: pageRange.start + 1, to: pageRange.end, total: totalNeurons })}
        </span>
        <button
          type="button"
          className="prompt-button"
          data-testid="control-page-next"
          disabled={pageRange.page === pageRange.pages - 1}
          onClick={() => setPage(pageRange.page + 1)}
        >
          {t('control.pageNext')}
        </button>
      </nav>
    ) : null;

  return (
    <section className="panel" data-testid="panel-control" id="panel-control" aria-labelledby="control-title" {...focus.handlers}>
      <header className="panel-header">
        <div className="panel-title-row">
          <h2 id="control-title">{t('control.title')}</h2>
          <ExportMenu stem={exportStem} testId="export-control" />
        </div>
        <p className="panel-caption view-caption">
          {t('control.caption', { inputs: grid.names.inputs.join(', '), rule: t('control.rule', { threshold: SUPPRESSION_THRESHOLD }) })}
          <span data-testid="control-placement">
            {t('control.placement', {
              formula: CONTROL_PLACEMENT_SPECS[config.controlPlacement].formula,
              where: t(`control.placementWhere.${config.controlPlacement}`),
            })}
          </span>
          .
        </p>
      </header>
      {surface.hidden.length === 0 ? (
        <p className="view-note">{t('control.noControl')}</p>
      ) : (
        <>
          {pager}
          <div className="view-control-layers">
            {surface.hidden.map((layer, i) => {
              // With fusion 'first' or 'second' (§III-D) only some hidden layers carry a control vector.
              const layerNumber = layers[i] + 1;
              const scale = layerScales[i];
              const shownFrom = Math.max(0, pageRange.start - firstNeuron[i]);
              const shownTo = Math.min(layer.width, pageRange.start + mountedOnPage - firstNeuron[i]);
              if (shownTo <= shownFrom) return null; // none of this layer's neurons on this page
              return (
                <div className="view-control-layer" key={i}>
                  <div className="view-control-layer-head">
                    <h3>
                      {t('control.layer', { layer: layerNumber })} <span className="muted">{t('control.layerNote', { width: layer.width, layer: layerNumber })}</span>
                    </h3>
                    <div className="view-control-bars">
                      <ColorBar scale={scale.activation} lut={SEQUENTIAL} title={t('control.activationBar')} testId={`control-bar-a-${i}`} count={3} />
                      <ColorBar scale={scale.control} lut={DIVERGING} title={t('control.controlBar')} testId={`control-bar-c-${i}`} count={3} />
                    </div>
                  </div>
                  <div className="view-control-neurons">
                    {Array.from({ length: shownTo - shownFrom }, (_, k) => {
                      const j = shownFrom + k;
                      const neuron = values?.neurons[i]?.[j] ?? null;
                      const suppressed = neuron?.suppressed ?? false;
                      const common = {
                        resolution: surface.resolution,
                        stride: layer.width,
                        offset: j,
                        step: surface.step,
                        cursor: cell,
                        onCursor,
                        onActivate,
                        describedBy: readoutId,
                        cursorColor: suppressed ? '#d32f2f' : '#111111',
                      };
                      const frame = { x: grid.x, y: grid.y, resolution: surface.resolution, compact: true };
                      const name = t('control.neuronName', { layer: layerNumber, neuron: j + 1 });
                      return (
                        <div
                          key={j}
                          className={`view-neuron${suppressed ? ' suppressed' : ''}`}
                          data-testid={`control-neuron-${i}-${j}`}
                          data-suppressed={values ? String(suppressed) : undefined}
                        >
                          <div className="view-neuron-title">
                            <span>
                              a<sub>{j + 1}</sub>
                              <sup>({layerNumber})</sup>
                            </span>
                            {neuron ? (
                              <span className="view-neuron-values" title={t('control.valuesTitle')}>
                                {formatTick(neuron.before)} · {formatTick(neuron.control)} · {formatTick(neuron.after)}
                              </span>
                            ) : null}
                            {suppressed ? <span className="view-badge-suppressed">{t('control.suppressed')}</span> : null}
                          </div>
                          <div className="view-neuron-maps">
                            <HeatmapFrame {...frame} title={t('control.before')}>
                              <Heatmap
                                {...common}
                                testId={`control-before-${i}-${j}`}
                                label={t('control.beforeLabel', { name })}
                                values={layer.before}
                                scale={scale.activation}
                                lut={SEQUENTIAL}
                                tabbable={false}
                              />
                            </HeatmapFrame>
                            <HeatmapFrame {...frame} hideY title="c">
                              <Heatmap
                                {...common}
                                testId={`control-c-${i}-${j}`}
                                label={t('control.controlLabel', { name })}
                                values={layer.control}
                                scale={scale.control}
                                lut={DIVERGING}
                                outline={suppressedCells.get(`${i}-${j}`)}
                                outlineColor="#111111"
                              />
                            </HeatmapFrame>
                            <HeatmapFrame {...frame} hideY title={t('control.after')}>
                              <Heatmap
                                {...common}
                                testId={`control-after-${i}-${j}`}
                                label={t('control.afterLabel', { name })}
                                values={layer.after}
                                scale={scale.activation}
                                lut={SEQUENTIAL}
                                tabbable={false}
                              />
                            </HeatmapFrame>
                          </div>
                        </div>
                      );
                    })}
                  </div>
                </div>
              );
            })}
          </div>
          <p className="view-readout" id={readoutId} data-testid="control-hover" aria-live={focus.live}>
            {values ? formatControlReadout(values, grid.names, layers, readoutTexts) : t('control.hoverHint', { step: surface.step })}
          </p>
        </>
      )}
    </section>
  );
}
