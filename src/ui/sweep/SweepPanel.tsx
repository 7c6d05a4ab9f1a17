/**
 * Sweep mode's views (a sweep spec in the store, src/core/sweep.ts): small multiples of every variant's
 * invocation curves (SweepMultiples) and the final metrics against the swept value (SweepSummary), with
 * a table of the summary. Both charts are canvases that subscribe to the store outside React and redraw
 * at most once per animation frame (only the variants that changed), so a 256-variant sweep does not
 * re-render React per message. The store itself gets the worker's progress once per frame (frameBatcher).
 */
import { useRunMessageText } from '../RunFailureLine';
import { formatMessage } from '../../core/messages';
import { divergenceMessage } from '../../core/divergence';
import { useEffect, useRef, useState } from 'react';
import { aggregateSweep, isSweepAxisLog, type SweepPlan, type SweepSummaryRow } from '../../core/sweep';
import { formatMetric } from '../../state/selectors';
import { methodLabelIn } from '../../core/methods/registry';
import { formatNumber, useLanguage, useT } from '../i18n';
import { useSweepParameterName } from './SweepControls';
import { useLabStore } from '../../state/store';
import { buildSweepRunRows, type SweepRun, type SweepVariantRun } from '../../state/sweepSlice';
import { PREDICTED_COLOR, TRUE_COLOR, ERROR_COLOR, drawSummaryChart, drawVariantCell, prepareCanvas } from './sweepCanvas';
import './sweep.css';

/** A swept value as a short label (0.0070711, 1e-4, 16). */
function formatSweepValue(value: number): string {
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e5)) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

/** Cell sizes by variant count (CSS px): fewer, larger multiples; 256 still fit a few screens. */
function cellSize(count: number): { min: number; plot: number } {
  if (count <= 16) return { min: 170, plot: 84 };
  if (count <= 64) return { min: 138, plot: 64 };
  return { min: 112, plot: 48 };
}

type SweepT = ReturnType<typeof useT<'sweep'>>;

function describeReadout(variant: SweepVariantRun, t: SweepT): string {
  if (variant.stopped) return t('stoppedAt', { step: variant.stopped.atStep });
  const last = variant.last?.metrics;
  return last ? t('readout', { trueInvocation: last.trueInvocation.toFixed(2), predictedInvocation: last.predictedInvocation.toFixed(2) }) : t('waiting');
}

/**
 * One canvas draws the grid of every variant's chart (256 canvases cost the compositor ~1 s per frame in
 * software rendering); a frame redraws only the cells whose variant changed. A visually hidden list gives
 * each variant an element with its value, seed and point count (screen readers, tests).
 */
function SweepMultiples({ plan }: { plan: SweepPlan }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const size = cellSize(plan.variants.length);
  const showSeed = plan.seeds.length > 1;
  const t = useT('sweep');
  const language = useLanguage();

  useEffect(() => {
    const box = boxRef.current;
    const canvas = canvasRef.current;
    const list = listRef.current;
    if (!box || !canvas || !list) return;
    const items = Array.from(list.querySelectorAll<HTMLElement>('[data-testid="sweep-multiple"]'));
    const count = plan.variants.length;
    let drawn: (SweepVariantRun | null)[] = plan.variants.map(() => null);
    let drawnTotal = -1;
    let layout: { width: number; columns: number; cellWidth: number; cellHeight: number } | null = null;
    let frame: number | null = null;
    const gap = 6;
    const captionHeight = 34; // two 12-px lines: value (· seed), readout
    const draw = () => {
      frame = null;
      const run = useLabStore.getState().sweepRun;
      if (!run || run.plan !== plan) return;
      let ctx: CanvasRenderingContext2D | null;
      if (!layout) {
        const width = box.clientWidth; // one layout read per resize
        const columns = Math.max(1, Math.floor((width + gap) / (size.min + gap)));
        const cellWidth = (width - gap * (columns - 1)) / columns;
        const cellHeight = captionHeight + size.plot + 6;
        const rows = Math.ceil(count / columns);
        const height = rows * cellHeight + (rows - 1) * gap;
        canvas.style.height = `${height}px`;
        layout = { width, columns, cellWidth, cellHeight };
        ctx = prepareCanvas(canvas, width, height);
        drawn = drawn.map(() => null);
      } else {
        ctx = canvas.getContext('2d');
      }
      if (!ctx) return;
      const total = run.totalSteps || plan.variants[0]?.config.steps || 1;
      if (total !== drawnTotal) drawn = drawn.map(() => null);
      drawnTotal = total;
      const { columns, cellWidth, cellHeight } = layout;
      run.variants.forEach((variant, k) => {
        if (drawn[k] === variant) return;
        drawn[k] = variant;
        const x = (k % columns) * (cellWidth + gap);
        const y = Math.floor(k / columns) * (cellHeight + gap);
        const readout = describeReadout(variant, t);
        const label = `${formatSweepValue(variant.value)}${showSeed ? t('seedLabel', { seed: variant.seed }) : ''}`;
        ctx!.save();
        ctx!.translate(x, y);
        drawVariantCell(ctx!, cellWidth, cellHeight, captionHeight, label, readout, variant, total);
        ctx!.restore();
        const item = items[k];
        if (item) {
          item.dataset.points = String(variant.steps.length);
          item.dataset.stopped = variant.stopped ? 'true' : 'false';
          item.textContent = `${label}: ${variant.stopped ? `${readout} (${formatMessage(divergenceMessage(variant.stopped), language)})` : readout}`;
        }
      });
    };
    const schedule = () => {
      if (frame === null) frame = requestAnimationFrame(draw);
    };
    const unsubscribe = useLabStore.subscribe((state, previous) => {
      if (state.sweepRun !== previous.sweepRun) schedule();
    });
    let observedWidth = -1;
    const observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? -1;
      if (width === observedWidth) return;
      observedWidth = width;
      layout = null;
      schedule();
    });
    observer.observe(box);
    schedule();
    return () => {
      unsubscribe();
      observer.disconnect();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [plan, size.min, size.plot, showSeed, t, language]);

  return (
    <div ref={boxRef} className="sweep-grid" data-testid="sweep-multiples">
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a canvas without tabIndex is not focusable; the list below carries its data for assistive tech */}
      <canvas ref={canvasRef} aria-hidden="true" />
      <ol ref={listRef} className="visually-hidden" aria-label={t('variants')}>
        {plan.variants.map((variant) => (
          <li key={variant.index} data-testid="sweep-multiple" data-variant={variant.index} data-value={variant.value} data-seed={variant.seed} data-points="0" />
        ))}
      </ol>
    </div>
  );
}

function SweepSummary({ plan }: { plan: SweepPlan }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const log = isSweepAxisLog(plan.spec, plan.values);
  const t = useT('sweep');
  const xLabel = useSweepParameterName()(plan.spec);
  const height = 300;

  useEffect(() => {
    const box = boxRef.current;
    const canvas = canvasRef.current;
    if (!box || !canvas) return;
    let frame: number | null = null;
    let drawnRun: SweepRun | null = null;
    let width = canvas.clientWidth;
    const draw = () => {
      frame = null;
      const run = useLabStore.getState().sweepRun;
      if (!run || run.plan !== plan || run === drawnRun) return;
      drawnRun = run;
      const rows = buildSweepRunRows(run);
      const summary = aggregateSweep(rows);
      const ctx = prepareCanvas(canvas, width, height);
      if (ctx)
        drawSummaryChart(ctx, width, height, summary, {
          log,
          xLabel,
          texts: { logScale: t('logScale'), axisInvocation: t('axisInvocation'), axisError: t('axisError'), axisErrorNone: t('axisErrorNone') },
        });
      box.dataset.rows = String(summary.length);
      box.dataset.variants = String(rows.length);
      box.setAttribute('aria-label', describeSummary(xLabel, summary, t));
    };
    const schedule = () => {
      if (frame === null) frame = requestAnimationFrame(draw);
    };
    const unsubscribe = useLabStore.subscribe((state, previous) => {
      if (state.sweepRun !== previous.sweepRun) schedule();
    });
    const observer = new ResizeObserver(() => {
      width = canvas.clientWidth;
      drawnRun = null;
      schedule();
    });
    observer.observe(box);
    schedule();
    return () => {
      unsubscribe();
      observer.disconnect();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [plan, log, xLabel, t]);

  return (
    <div ref={boxRef} className="sweep-summary" data-testid="sweep-summary" data-rows="0" data-variants="0" role="img" aria-label={t('summaryLabel', { label: xLabel })}>
      <canvas ref={canvasRef} style={{ height: `${height}px` }} />
    </div>
  );
}

function describeSummary(xLabel: string, rows: readonly SweepSummaryRow[], t: SweepT): string {
  if (rows.length === 0) return t('summaryEmpty', { label: xLabel });
  const best = rows.reduce((a, b) => (b.trueInvocation.mean > a.trueInvocation.mean ? b : a));
  return t('summaryBest', { label: xLabel, rows: rows.length, best: best.trueInvocation.mean.toFixed(3), value: formatSweepValue(best.value) });
}

const formatMeanStd = (m: { mean: number; std: number; n: number } | null) =>
  m === null || !Number.isFinite(m.mean) ? '–' : m.n > 1 ? `${formatMetric(m.mean)} ± ${formatMetric(m.std)}` : formatMetric(m.mean);

/** The summary as a table, rendered when the run pauses or ends (never per message). */
function SweepTable({ plan }: { plan: SweepPlan }) {
  const t = useT('sweep');
  const parameterName = useSweepParameterName();
  const status = useLabStore((state) => state.sweepRun?.status ?? 'idle');
  const [rows, setRows] = useState<SweepSummaryRow[]>([]);
  useEffect(() => {
    if (status === 'running' || status === 'initializing') return;
    const run = useLabStore.getState().sweepRun;
    setRows(run && run.plan === plan ? aggregateSweep(buildSweepRunRows(run)) : []);
  }, [status, plan]);
  if (rows.length === 0) return null;
  const seeds = plan.seeds.length;
  return (
    <details className="sweep-table-box" open={rows.length <= 16}>
      <summary>
        {t('table')}
        {seeds > 1 ? t('tableSeeds', { seeds }) : ''}
      </summary>
      <div className="table-wrap">
        <table className="compare-table" data-testid="sweep-table">
          <thead>
            <tr>
              <th scope="col">{parameterName(plan.spec)}</th>
              <th scope="col">{t('trueInvocation')}</th>
              <th scope="col">{t('predictedInvocation')}</th>
              <th scope="col">{t('predictionAccuracy')}</th>
              <th scope="col">{t('overallError')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.value}>
                <th scope="row">{formatSweepValue(row.value)}</th>
                <td>{formatMeanStd(row.trueInvocation)}</td>
                <td>{formatMeanStd(row.predictedInvocation)}</td>
                <td>{formatMeanStd(row.predictionAccuracy)}</td>
                <td>{formatMeanStd(row.overallError)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

function SweepStatus() {
  const t = useT('sweep');
  const tCompare = useT('compare');
  const language = useLanguage();
  const run = useLabStore((state) => state.sweepRun);
  // The status line re-renders with the run (≤ once per frame); it is one short line of text.
  const failure = useRunMessageText(run?.message ?? null, run?.localizedMessage ?? null);
  if (!run) return null;
  const stoppedCount = run.variants.filter((v) => v.stopped).length;
  return (
    <p className="sweep-status small" data-testid="sweep-status" data-status={run.status} data-step={run.step}>
      <strong>{tCompare(`status.${run.status}`)}</strong>
      {`${t('step', { step: formatNumber(run.step, language) })}${run.totalSteps ? ` / ${formatNumber(run.totalSteps, language)}` : ''}`}
      {run.backend ? ` · ${run.backend}` : ''}
      {run.modelStepsPerSecond > 0 ? t('modelSteps', { rate: formatNumber(Math.round(run.modelStepsPerSecond), language) }) : ''}
      {` · ${t('seconds', { value: (run.trainingMs / 1000).toFixed(1) })}`}
      {stoppedCount > 0 ? <span className="sweep-problem"> {stoppedCount === 1 ? t('stoppedOne') : t('stoppedMany', { n: stoppedCount })}</span> : null}
      {failure ? <span className="sweep-problem"> · {failure}</span> : null}
    </p>
  );
}

export function SweepPanel() {
  const sweep = useLabStore((state) => state.sweep);
  const config = useLabStore((state) => state.config);
  const plan = useLabStore((state) => state.sweepRun?.plan ?? null);
  const notes = useLabStore((state) => state.sweepRun?.notes ?? null);
  const t = useT('sweep');
  const language = useLanguage();
  const parameterName = useSweepParameterName();
  const label = sweep ? parameterName(sweep) : '';
  if (!sweep) return null;
  return (
    <section className="panel sweep-panel" aria-labelledby="sweep-title" data-testid="sweep-panel">
      <header className="panel-header">
        <h2 id="sweep-title">{t('title', { label })}</h2>
        <p className="panel-caption">
          {t('caption1', { method: methodLabelIn(config.methods[0], language), target: config.target })}
          <span className="sweep-key" style={{ background: TRUE_COLOR }} aria-hidden="true" /> {t('caption2')}
          <span className="sweep-key dashed" style={{ borderColor: PREDICTED_COLOR }} aria-hidden="true" /> {t('caption3', { label })}
          {sweep.seeds.kind === 'count' && sweep.seeds.count === 1 ? '' : t('captionSeeds')}
          {t('caption4')}
          <span className="sweep-key dotted" style={{ borderColor: ERROR_COLOR }} aria-hidden="true" /> {t('caption5')}
        </p>
      </header>
      {plan ? (
        <>
          <SweepStatus />
          {notes && notes.length > 0 ? <p className="muted small">{notes.map((note) => formatMessage(note, language)).join(' ')}</p> : null}
          <SweepSummary plan={plan} />
          <h3 className="sweep-subtitle">{t('curves')}</h3>
          <SweepMultiples plan={plan} />
          <SweepTable plan={plan} />
        </>
      ) : (
        <p className="placeholder">{t('placeholder')}</p>
      )}
    </section>
  );
}
