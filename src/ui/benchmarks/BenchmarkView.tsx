/**
 * The benchmark view of the lab: what the trained network does to the chosen target.
 * - 2-D-input targets (bessel_Jnu, inversek2j): the surface heatmaps (SurfacePanel, like Fig. 4);
 * - image targets (jpeg, sobel, kmeans): a test photograph, the exact and the approximated image,
 *   and which tiles went to the CPU (predicted unsafe) or to the network;
 * - other targets: an explanation and an output-vs-target scatter of fresh samples.
 * Targets without a 2-input grid get one line saying why there are no surfaces, not an empty panel.
 * The worker sends the image and scatter data when a run pauses or ends (src/core/benchmarkViews.ts).
 * data-drawn-step on the section is written after the drawing, so tests can wait for it.
 */
import { useDeferredValue, useEffect, useRef } from 'react';
import { ExportMenu, ExportScope, useSvgElementExport } from '../exports/ExportMenu';
import { useRunStem } from '../exports/RunExports';
import type { ImageBenchmarkView, ScatterBenchmarkView, ViewImage } from '../../core/benchmarkViews';
import { isImageTarget } from '../../core/imageViews';
import { resolveTarget } from '../../core/targets/index';
import { selectConfig, selectSurface } from '../../state/selectors';
import { useLabStore } from '../../state/store';
import { createLinearScale, listScaleTicks } from '../charts/colormap';
import { SurfacePanel } from '../panels/SurfacePanel';
import { useT } from '../i18n';
import { useReadoutTexts } from '../panels/SurfacePanel';
import { explainMissingGrid } from '../panels/surfaceReadout';
import './benchmarks.css';

/** Scatter drawing units (viewBox); on screen it is as wide as the panel allows, up to 560 CSS px. */
const SCATTER_SIZE = 440;
const SCATTER_PAD = 64;

/**
 * One photograph, at its own pixel size in the canvas and as wide as its grid cell on screen
 * (image-rendering: pixelated: every pixel a sharp square, so jpeg's 8×8 block artefacts show).
 */
function ImageCanvas({ image, label, testId }: { image: ViewImage; label: string; testId: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    canvas.width = image.width;
    canvas.height = image.height;
    context.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0);
  }, [image]);
  return (
    <figure className="bench-figure">
      <canvas ref={ref} data-testid={testId} role="img" aria-label={label} className="bench-canvas" style={{ aspectRatio: `${image.width} / ${image.height}` }} />
      <figcaption>
        {label}{' '}
        <span className="bench-size">
          ({image.width}×{image.height} px)
        </span>
      </figcaption>
    </figure>
  );
}

/** What one model row is, per image target (catalog keys of panels.benchmark). */
const IMAGE_NOTES = { jpeg: 'benchmark.noteJpeg', sobel: 'benchmark.noteSobel', kmeans: 'benchmark.noteKmeans' } as const satisfies Record<ImageBenchmarkView['target'], string>;

function ImageView({ view }: { view: ImageBenchmarkView }) {
  const t = useT('panels');
  return (
    <>
      <p className="panel-caption bench-caption">
        {t('benchmark.imageCaption', {
          photo: view.photoId,
          note: t(IMAGE_NOTES[view.target]),
          step: view.step,
          cpuPercent: (view.cpuFraction * 100).toFixed(1),
          psnr: Number.isFinite(view.psnr) ? `${view.psnr.toFixed(1)} dB` : t('benchmark.identical'),
        })}
      </p>
      <div className="bench-images" data-testid="benchmark-images" data-cpu-fraction={view.cpuFraction.toFixed(4)}>
        <ImageCanvas image={view.input} label={t('benchmark.original')} testId="bench-input" />
        <ImageCanvas image={view.exact} label={t('benchmark.exact')} testId="bench-exact" />
        <ImageCanvas image={view.approximated} label={t('benchmark.approximated')} testId="bench-approximated" />
        <ImageCanvas image={view.routing} label={t('benchmark.routing')} testId="bench-routing" />
      </div>
    </>
  );
}

function ScatterView({ view, outputName }: { view: ScatterBenchmarkView; outputName: string }) {
  const t = useT('panels');
  let lo = Infinity;
  let hi = -Infinity;
  for (const array of [view.exact, view.approximated])
    for (const value of array) {
      if (!Number.isFinite(value)) continue;
      lo = Math.min(lo, value);
      hi = Math.max(hi, value);
    }
  if (!(lo < hi)) {
    lo = Number.isFinite(lo) ? lo - 1 : 0;
    hi = Number.isFinite(hi) ? hi + 1 : 1;
  }
  const svgRef = useRef<SVGSVGElement>(null);
  useSvgElementExport('benchmark-scatter', 'Network against exact output', svgRef);
  const span = SCATTER_SIZE - 2 * SCATTER_PAD;
  const sx = (v: number) => SCATTER_PAD + ((v - lo) / (hi - lo)) * span;
  const sy = (v: number) => SCATTER_SIZE - SCATTER_PAD - ((v - lo) / (hi - lo)) * span;
  const safeCount = view.safe.reduce((sum, s) => sum + s, 0);
  return (
    <>
      <p className="panel-caption bench-caption">{t('benchmark.scatterCaption', { n: view.exact.length, step: view.step, output: outputName, safe: safeCount })}</p>
      <svg
        ref={svgRef}
        className="bench-scatter"
        data-testid="benchmark-scatter"
        data-points={view.exact.length}
        width={SCATTER_SIZE}
        height={SCATTER_SIZE}
        viewBox={`0 0 ${SCATTER_SIZE} ${SCATTER_SIZE}`}
        role="img"
        aria-label={t('benchmark.scatterLabel')}
      >
        <rect x={SCATTER_PAD} y={SCATTER_PAD} width={span} height={span} fill="#fafbfc" stroke="#e1e4e8" />
        <line x1={sx(lo)} y1={sy(lo)} x2={sx(hi)} y2={sy(hi)} stroke="#9aa5b1" strokeDasharray="4 3" />
        {Array.from(view.exact, (x, k) => (
          <circle key={k} cx={sx(x)} cy={sy(Math.min(hi, Math.max(lo, view.approximated[k])))} r={3} fill={view.safe[k] ? '#2563eb' : '#ea580c'} fillOpacity={0.65} />
        ))}
        {listScaleTicks(createLinearScale(lo, hi), 4).map((tick, k) => (
          <g key={k} className="bench-scatter-tick">
            <line x1={sx(tick.value)} x2={sx(tick.value)} y1={SCATTER_SIZE - SCATTER_PAD} y2={SCATTER_SIZE - SCATTER_PAD + 5} />
            <text x={sx(tick.value)} y={SCATTER_SIZE - SCATTER_PAD + 21} textAnchor="middle">
              {tick.label}
            </text>
            <line x1={SCATTER_PAD - 5} x2={SCATTER_PAD} y1={sy(tick.value)} y2={sy(tick.value)} />
            <text x={SCATTER_PAD - 8} y={sy(tick.value) + 5} textAnchor="end">
              {tick.label}
            </text>
          </g>
        ))}
        <text className="bench-scatter-name" x={SCATTER_PAD + span / 2} y={SCATTER_SIZE - 10} textAnchor="middle">
          {t('benchmark.exactName', { output: outputName })}
        </text>
        <text className="bench-scatter-name" x={16} y={SCATTER_PAD + span / 2} textAnchor="middle" transform={`rotate(-90 16 ${SCATTER_PAD + span / 2})`}>
          {t('benchmark.networkName', { output: outputName })}
        </text>
      </svg>
    </>
  );
}

export function BenchmarkView() {
  const t = useT('panels');
  const readoutTexts = useReadoutTexts();
  const config = useLabStore(selectConfig);
  const surface = useDeferredValue(useLabStore(selectSurface)); // maps render at transition priority, in slices
  const benchmark = useLabStore((state) => state.benchmark);
  const target = resolveTarget(config);
  const ref = useRef<HTMLElement>(null);
  const twoD = target.inputDim === 2 && !isImageTarget(target.id);
  const view = benchmark && benchmark.target === target.id ? benchmark : null;
  const drawnStep = twoD ? (surface ? surface.step : null) : view ? view.step : null;
  const exportStem = useRunStem();

  // Children (heatmaps, canvases) draw in their own effects, which run before this one.
  useEffect(() => {
    if (ref.current) ref.current.dataset.drawnStep = drawnStep === null ? '' : String(drawnStep);
  });

  return (
    <section className="benchmark-view" ref={ref} data-testid="benchmark-view" data-target={target.id} id="panel-benchmark">
      {twoD ? (
        <SurfacePanel />
      ) : (
        <ExportScope>
          <section className="panel" aria-labelledby="benchmark-title">
            <header className="panel-header">
              <div className="panel-title-row">
                <h2 id="benchmark-title">{t('benchmark.title', { title: target.title })}</h2>
                <ExportMenu stem={exportStem} testId="export-benchmark" />
              </div>
              <p className="bench-note" data-testid="surface-unavailable">
                {explainMissingGrid(target, t('surface.view'), isImageTarget(target.id) ? t('benchmark.seePhotographs') : t('benchmark.seeScatter'), readoutTexts)}
              </p>
              {!view ? (
                <p className="panel-caption bench-caption">
                  {target.description} {isImageTarget(target.id) ? t('benchmark.imageHint') : t('benchmark.scatterHint')}
                </p>
              ) : null}
            </header>
            {view?.kind === 'image' ? <ImageView view={view} /> : null}
            {view?.kind === 'scatter' ? <ScatterView view={view} outputName={target.outputNames[0] ?? t('benchmark.output')} /> : null}
          </section>
        </ExportScope>
      )}
    </section>
  );
}
