/**
 * Fig. 4: the last layer's per-weight sensitivity s_ij for BP, AxTrain-act, AxTrain-pas (and AxTrain when present),
 * on one shared colour scale relative to BP's maximum, with a numbered colour bar and a keyboard cursor that reads
 * out every map's value at the same weight. Maps are drawn transposed (rows = outputs, columns = hidden units) with
 * tall cells, so a 64 × 2 layer reads as two wide bands.
 */
import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { AXTRAIN_METHOD_LABELS, isClassificationDatasetId, type AxtrainConfig } from '../../../core/axtrain/config';
import { CLASSIFICATION_DATASETS } from '../../../core/axtrain/datasets';
import { describeSetting, readTrainingSetting } from '../../../core/axtrain/report';
import type { AxtrainMethodSnapshot } from '../../../core/axtrain/run';
import { ColorBar } from '../../charts/Heatmap';
import { SEQUENTIAL, indexOnScale, type ColorScale, type Lut } from '../../charts/colormap';
import {
  buildSensitivityMaps,
  formatNumber,
  layoutMatrixMap,
  moveMatrixCursor,
  type MatrixCell,
  type MatrixMapLayout,
  type SensitivityMapView,
  type SensitivityScaleTop,
} from './figureData';
import { FigureSection, MethodLineSwatch, Rich, StatusBadge, Waiting, useMeasuredBox } from './common';
import { useT } from '../../i18n';

interface MatrixMapProps {
  map: SensitivityMapView;
  scale: ColorScale;
  lut: Lut;
  layout: MatrixMapLayout;
  cursor: MatrixCell | null;
  onCursor: (cell: MatrixCell | null) => void;
  label: string;
  /** The group's label: `label` and how the keys move the cursor. */
  keysLabel: string;
  describedBy: string;
  testId: string;
}

/** One rows × cols map on a canvas: one flat rectangle per weight (no smoothing), the cursor cell outlined. */
const MatrixMap = memo(function MatrixMap({ map, scale, lut, layout, cursor, onCursor, label, keysLabel, describedBy, testId }: MatrixMapProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { rows, cols, relative } = map;
  const { cellWidth, cellHeight, width, height } = layout;
  const ratio = typeof window === 'undefined' ? 1 : Math.min(3, window.devicePixelRatio || 1);
  const row = cursor?.row ?? -1;
  const col = cursor?.col ?? -1;
  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const k = indexOnScale(scale, relative[r * cols + c]);
        context.fillStyle = k < 0 ? '#ff00ff' : `rgb(${lut[k * 3]}, ${lut[k * 3 + 1]}, ${lut[k * 3 + 2]})`;
        context.fillRect(c * cellWidth, r * cellHeight, cellWidth, cellHeight);
      }
    }
    if (row >= 0 && col >= 0) {
      context.lineWidth = 3;
      context.strokeStyle = '#ffffff';
      context.strokeRect(col * cellWidth - 1.5, row * cellHeight - 1.5, cellWidth + 3, cellHeight + 3);
      context.lineWidth = 1.5;
      context.strokeStyle = '#111111';
      context.strokeRect(col * cellWidth - 1.5, row * cellHeight - 1.5, cellWidth + 3, cellHeight + 3);
    }
    canvas.dataset.paints = String(Number(canvas.dataset.paints ?? '0') + 1);
  }, [relative, rows, cols, scale, lut, cellWidth, cellHeight, width, height, ratio, row, col]);

  const handleKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      onCursor(null);
      return;
    }
    const next = moveMatrixCursor(cursor, event.key, rows, cols, event.shiftKey);
    if (!next) return;
    event.preventDefault();
    onCursor(next);
  };
  const cellOf = (event: MouseEvent<HTMLCanvasElement>): MatrixCell => {
    const rect = event.currentTarget.getBoundingClientRect();
    const c = Math.floor(((event.clientX - rect.left) / Math.max(1, rect.width)) * cols);
    const r = Math.floor(((event.clientY - rect.top) / Math.max(1, rect.height)) * rows);
    return { row: Math.min(rows - 1, Math.max(0, r)), col: Math.min(cols - 1, Math.max(0, c)) };
  };
  return (
    <div
      className="axtrain-matrix"
      role="group"
      aria-roledescription="heatmap"
      aria-label={keysLabel}
      aria-describedby={describedBy}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a keyboard-operated heatmap (arrow keys move its cursor), focusable like Heatmap.tsx's maps
      tabIndex={0}
      onKeyDown={handleKey}
      style={{ width, height }}
      data-testid={`${testId}-map`}
    >
      <canvas
        ref={canvasRef}
        data-testid={testId}
        data-rows={rows}
        data-cols={cols}
        data-cursor={row < 0 ? '' : `${row},${col}`}
        role="img"
        aria-label={label}
        width={Math.round(width * ratio)}
        height={Math.round(height * ratio)}
        style={{ width, height }}
        onMouseMove={(event) => onCursor(cellOf(event))}
        onMouseLeave={() => onCursor(null)}
      />
    </div>
  );
});

/** Width of the output-name column left of each map (.axtrain-map-rows min-width + gap), CSS px. */
const ROW_LABEL_PX = 84;

/** Column ticks under a map: unit 1, every ~16th and the last (1-based, as the readout counts). */
function columnTicks(cols: number): number[] {
  const step = cols <= 16 ? 4 : cols <= 64 ? 16 : 32;
  const ticks = [1];
  for (let t = step; t < cols; t += step) ticks.push(t);
  if (ticks[ticks.length - 1] !== cols) ticks.push(cols);
  return ticks;
}

export function SensitivityMapPanel({ config, snapshots, running }: { config: AxtrainConfig; snapshots: readonly AxtrainMethodSnapshot[]; running: boolean }) {
  const [top, setTop] = useState<SensitivityScaleTop>('bp');
  const [cursor, setCursor] = useState<MatrixCell | null>(null);
  const view = useMemo(() => buildSensitivityMaps(snapshots, top), [snapshots, top]);
  const [boxRef, width] = useMeasuredBox(640);
  const readoutId = useId();
  const scaleName = useId();
  const classNames = isClassificationDatasetId(config.dataset) ? CLASSIFICATION_DATASETS[config.dataset].classNames : null;
  const t = useT('axtrain');
  // Breast cancer's class names are the registry's English; their Chinese is in the catalog (digits' are digits).
  const className = (j: number): string | undefined => {
    const name = classNames?.[j];
    return name === 'malignant' || name === 'benign' ? t(`classNames.${name}`) : name;
  };
  const outputName = (j: number) => {
    const name = className(j);
    return name ? t('sensitivity.outputNamed', { n: j + 1, name }) : t('sensitivity.output', { n: j + 1 });
  };
  const trainedFor = describeSetting(readTrainingSetting(config));
  const reference = view ? AXTRAIN_METHOD_LABELS[view.referenceMethod] : 'BP';
  const first = view?.maps[0];
  // The row labels take ROW_LABEL_PX left of each map.
  const layout = first ? layoutMatrixMap(first.rows, first.cols, Math.max(160, width - ROW_LABEL_PX - 8)) : null;
  const referenceMean = view?.maps.find((m) => m.method === view.referenceMethod)?.meanRelative ?? Number.NaN;
  const barTitle = top === 'bp' ? t('sensitivity.barTitleReference', { reference }) : t('sensitivity.barTitleAll', { reference });
  return (
    <FigureSection
      id="sensitivity"
      wide
      title={t('sensitivity.title')}
      caption={
        <>
          <p>
            <Rich text={t('sensitivity.captionP1', { reference })} slots={{ badge: <StatusBadge status="interpretation" title={t('sensitivity.badgeNote')} /> }} />
          </p>
          <p>
            <Rich text={t('sensitivity.captionP2', { setting: trainedFor })} slots={{ mlp: <span lang="en">MNIST-MLP</span> }} />
          </p>
        </>
      }
    >
      <div ref={boxRef} className="axtrain-maps-box">
        {!view || !layout ? (
          <Waiting testId="axtrain-sensitivity-waiting">{running ? t('sensitivity.waitingRunning') : t('sensitivity.waiting')}</Waiting>
        ) : (
          <div className="axtrain-maps" data-testid="axtrain-sensitivity-maps" data-scale-max={view.scale.max} data-reference-max={view.referenceMax}>
            <fieldset className="axtrain-toggle">
              <legend>{t('sensitivity.scaleEndsAt')}</legend>
              <label>
                <input type="radio" name={scaleName} checked={top === 'bp'} onChange={() => setTop('bp')} data-testid="axtrain-sensitivity-top-bp" />{' '}
                {t('sensitivity.scaleTopReference', { reference })}
              </label>
              <label>
                <input type="radio" name={scaleName} checked={top === 'all'} onChange={() => setTop('all')} data-testid="axtrain-sensitivity-top-all" />{' '}
                {t('sensitivity.scaleTopAll')}
              </label>
            </fieldset>
            {view.maps.map((map) => {
              const ratioToReference = map.meanRelative / referenceMean;
              return (
                <figure key={map.method} className="axtrain-map-frame" data-testid={`axtrain-sensitivity-${map.method}`} data-max={map.maxRelative} data-mean={map.meanRelative}>
                  <figcaption>
                    <MethodLineSwatch method={map.method} /> <strong>{AXTRAIN_METHOD_LABELS[map.method]}</strong>{' '}
                    <span className="muted small">
                      {t('sensitivity.mapStats', { max: formatNumber(map.maxRelative, 3), mean: formatNumber(map.meanRelative, 3) })}
                      {map.method !== view.referenceMethod ? t('sensitivity.mapRatio', { ratio: formatNumber(ratioToReference, 3), reference }) : ''}
                      {top === 'bp' && map.maxRelative > 1 ? t('sensitivity.aboveTop') : ''}
                    </span>
                  </figcaption>
                  <div className="axtrain-map-body">
                    <div className="axtrain-map-rows" style={{ height: layout.height }} aria-hidden="true">
                      {Array.from({ length: map.rows }, (_, j) => (
                        <span key={j} style={{ height: layout.cellHeight }}>
                          {className(j) ?? t('sensitivity.rowLabel', { n: j + 1 })}
                        </span>
                      ))}
                    </div>
                    <div>
                      <MatrixMap
                        map={map}
                        scale={view.scale}
                        lut={SEQUENTIAL}
                        layout={layout}
                        cursor={cursor}
                        onCursor={setCursor}
                        label={t('sensitivity.mapLabel', { method: AXTRAIN_METHOD_LABELS[map.method], rows: map.rows, cols: map.cols })}
                        keysLabel={t('sensitivity.mapKeys', {
                          label: t('sensitivity.mapLabel', { method: AXTRAIN_METHOD_LABELS[map.method], rows: map.rows, cols: map.cols }),
                        })}
                        describedBy={readoutId}
                        testId={`axtrain-sensitivity-${map.method}-canvas`}
                      />
                      <div className="axtrain-map-cols" style={{ width: layout.width }} aria-hidden="true">
                        {columnTicks(map.cols).map((tick) => (
                          <span key={tick} style={{ left: (tick - 0.5) * layout.cellWidth }}>
                            {tick}
                          </span>
                        ))}
                      </div>
                    </div>
                  </div>
                </figure>
              );
            })}
            <p className="axtrain-axis-name small">{t('sensitivity.axisName', { cols: first!.cols })}</p>
            <div className="axtrain-map-bar" style={{ maxWidth: Math.max(240, layout.width) }}>
              <ColorBar scale={view.scale} lut={SEQUENTIAL} title={barTitle} testId="axtrain-sensitivity-bar" count={5} />
            </div>
            <p className="view-readout" id={readoutId} data-testid="axtrain-sensitivity-readout" role="status" aria-live="polite">
              {cursor
                ? t('sensitivity.readout', {
                    unit: cursor.col + 1,
                    output: outputName(cursor.row),
                    values: view.maps
                      .map((m) => {
                        const at = cursor.row * m.cols + cursor.col;
                        return `${AXTRAIN_METHOD_LABELS[m.method]} ${formatNumber(m.relative[at], 3)} (s = ${formatNumber(m.raw[at], 3)})`;
                      })
                      .join(' · '),
                  })
                : t('sensitivity.readoutIdle', { reference, max: formatNumber(view.referenceMax, 3) })}
            </p>
          </div>
        )}
      </div>
    </FigureSection>
  );
}
