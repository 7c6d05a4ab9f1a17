/**
 * Fig. 4 (d) of the paper, live: for each approximator hidden layer i and neuron j, the activation
 * a_j(i) before the Hadamard product, the control value c_j(i) from the predictor, and a_j(i)·c_j(i)
 * after it (eq. 4), each as a small map over the input grid. Hovering marks the point on every map
 * and highlights the neurons that the control vector suppresses there.
 */
import { useMemo } from 'react';
import { getTarget } from '../../core/targets/index';
import { SUPPRESSION_RULE, findRange, formatMetric, readSurfaceAt, selectConfig, selectSurface } from '../../state/selectors';
import { useLabStore } from '../../state/store';
import { DIVERGING, SEQUENTIAL, formatLutGradient } from '../charts/colormap';
import { Heatmap } from '../charts/Heatmap';
import { useHoverCell } from './SurfacePanel';

const SMALL_MAP = 60;

export function ControlVectorPanel() {
  const surface = useLabStore(selectSurface);
  const config = useLabStore(selectConfig);
  const target = getTarget(config.target);
  const { hover, cell, onHoverCell } = useHoverCell(surface);

  const layerScales = useMemo(
    () =>
      surface?.hidden.map((layer) => {
        const activation = findRange(layer.before, layer.after);
        const [cMin, cMax] = findRange(layer.control);
        const cBound = Math.max(Math.abs(cMin), Math.abs(cMax), 1e-6);
        return { activation, control: [-cBound, cBound] as [number, number] };
      }) ?? [],
    [surface],
  );
  const hoverValues = surface && hover ? readSurfaceAt(surface, hover) : null;

  return (
    <section className="panel" data-testid="panel-control" id="panel-control" aria-labelledby="control-title">
      <header className="panel-header">
        <h2 id="control-title">Control vectors</h2>
        <p className="panel-caption">
          Like Fig. 4d: per hidden neuron of the approximator, activation before ⊙c, control value c, and activation after ⊙c (eq. 4:
          a(i+1) = f(W(i)ᵀ a(i) ⊙ c(i) + b(i))). Hover any map: neurons {SUPPRESSION_RULE} at that point are outlined in red.
        </p>
        <div className="legend-row">
          <span className="muted">activation</span>
          <span className="legend-bar small" style={{ background: formatLutGradient(SEQUENTIAL) }} />
          <span className="muted">c (white = 0)</span>
          <span className="legend-bar small" style={{ background: formatLutGradient(DIVERGING) }} />
        </div>
      </header>
      {!surface ? (
        <p className="placeholder">
          {target.inputDim === 2 ? 'Press play or step to see the control vectors at work.' : `Control-vector maps need a two-input target (bessel_Jnu).`}
        </p>
      ) : surface.hidden.length === 0 ? (
        <p className="placeholder">This method has no control vectors: only AXNet multiplies its hidden activations by c(i) (eq. 4).</p>
      ) : (
        <div className="control-layers">
          {surface.hidden.map((layer, i) => {
            // With fusion 'first' or 'second' (§III-D) only some hidden layers carry a control vector.
            const layerNumber = (layer.layer ?? i) + 1;
            return (
            <div className="control-layer" key={i}>
              <h3>
                Hidden layer {layerNumber} <span className="muted">({layer.width} neurons, c({layerNumber}) from the predictor)</span>
              </h3>
              <div className="control-neurons">
                {Array.from({ length: layer.width }, (_, j) => {
                  const neuron = hoverValues?.neurons[i]?.[j] ?? null;
                  const suppressed = neuron?.suppressed ?? false;
                  const scale = layerScales[i];
                  const common = { resolution: surface.resolution, stride: layer.width, offset: j, size: SMALL_MAP, step: surface.step, marker: cell, onHoverCell,
                    markerColor: suppressed ? '#d32f2f' : '#111111' };
                  return (
                    <div key={j} className={`control-neuron${suppressed ? ' suppressed' : ''}`} data-testid={`control-neuron-${i}-${j}`}
                      data-suppressed={hoverValues ? String(suppressed) : undefined}>
                      <div className="neuron-title">
                        a<sub>{j + 1}</sub>
                        <sup>({layerNumber})</sup>
                        {neuron ? (
                          <span className="neuron-values" title="before · c · after at the hover point">
                            {formatMetric(neuron.before)} · {formatMetric(neuron.control)} · {formatMetric(neuron.after)}
                          </span>
                        ) : null}
                        {suppressed ? <span className="badge-suppressed">suppressed</span> : null}
                      </div>
                      <div className="neuron-maps">
                        <Heatmap {...common} testId={`control-before-${i}-${j}`} label={`activation before control, layer ${layerNumber} neuron ${j + 1}`}
                          values={layer.before} min={scale.activation[0]} max={scale.activation[1]} lut={SEQUENTIAL} />
                        <Heatmap {...common} testId={`control-c-${i}-${j}`} label={`control value, layer ${layerNumber} neuron ${j + 1}`}
                          values={layer.control} min={scale.control[0]} max={scale.control[1]} lut={DIVERGING} />
                        <Heatmap {...common} testId={`control-after-${i}-${j}`} label={`activation after control, layer ${layerNumber} neuron ${j + 1}`}
                          values={layer.after} min={scale.activation[0]} max={scale.activation[1]} lut={SEQUENTIAL} />
                      </div>
                      <div className="neuron-labels muted">
                        <span>before</span>
                        <span>c</span>
                        <span>after</span>
                      </div>
                    </div>
                  );
                })}
              </div>
            </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
