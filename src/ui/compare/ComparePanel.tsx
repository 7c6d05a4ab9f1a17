/**
 * Compare mode (several methods ticked): the true invocation of every method (thick) and its
 * predicted invocation (thin, faded) in one canvas chart, so Fig. 2a (weight sharing oscillates) and
 * Fig. 2b (AXNet climbs steadily) can be seen side by side. The x-axis is each method's fraction of its
 * own step budget by default (iterative trains 2R·N steps, AXNet N: both span the full width), with
 * options for training wall time and raw steps. Each method has its own colour AND dash, a legend entry
 * and an end label with its last value. Below, the §V metrics, parameter counts and training time per
 * method, formatted like the readouts. One worker per method (compareController.ts).
 */
import { RunMessageText } from '../RunFailureLine';
import { useId, useMemo, useState } from 'react';
import type { MethodId } from '../../core/config';
import { METHODS, formatStepBudgetGroups, isBaselineMethod, methodLabelIn } from '../../core/methods/registry';
import { describeMethodPhase } from '../../core/methods/budget';
import type { MethodTopology } from '../../core/weights';
import type { LanguageId } from '../../core/language';
import { resolveTarget } from '../../core/targets/index';
import type { CompareRun } from '../../state/compareSlice';
import { buildCompareTable, formatMetric, selectConfig, type CompareAxis } from '../../state/selectors';
import { useLabStore } from '../../state/store';
import { LiveChart, type LiveAxis, type LiveSeries } from '../charts/LiveChart';
import { formatNumber, useLanguage, useT } from '../i18n';
import './compare.css';
import { ExportMenu, ExportScope } from '../exports/ExportMenu';
import { useRunStem } from '../exports/RunExports';

/** Pixel columns each run is pre-decimated to before the runs are joined (the chart decimates again to its width). */
const COLUMNS_PER_RUN = 1024;

type CompareT = ReturnType<typeof useT<'compare'>>;

/** The x-axis choices: catalog keys of the radio button and the axis title, and the tick format. */
const AXIS_OPTIONS: Record<CompareAxis, { button: 'axisButtonBudget' | 'axisButtonTime' | 'axisButtonSteps'; axis: 'axisBudget' | 'axisTime' | 'axisSteps' }> = {
  budget: { button: 'axisButtonBudget', axis: 'axisBudget' },
  time: { button: 'axisButtonTime', axis: 'axisTime' },
  steps: { button: 'axisButtonSteps', axis: 'axisSteps' },
};

function formatAxisValue(axis: CompareAxis, value: number, language: LanguageId): string {
  if (axis === 'budget') return `${Math.round(value)} %`;
  if (axis === 'time') return `${Number(value.toPrecision(3))} s`;
  return formatNumber(value, language);
}

/** The training time of a run, in seconds with one decimal (the readouts' format). */
function formatSeconds(ms: number, t: CompareT): string {
  return t('seconds', { value: (ms / 1000).toFixed(1) });
}

/** The worker's topology line in the page's language: English as the worker writes it, Chinese from its widths. */
function describeTopology(topology: MethodTopology, language: LanguageId, t: CompareT): string {
  if (language === 'en') return topology.description;
  const nets = [
    t('approximatorNet', { widths: topology.approximator.join('-') }),
    topology.predictor ? t('predictorNet', { widths: topology.predictor.join('-') }) : t('noPredictor'),
  ];
  return t('topology', { nets: nets.join(' + '), parameters: topology.parameters });
}

/** A short line in the method's colour and dash, as in the chart. */
function MethodSwatch({ method }: { method: MethodId }) {
  const { color, dash } = METHODS[method];
  return (
    <svg className="method-swatch-line" width="34" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="33" y2="5" stroke={color} strokeWidth="3" strokeDasharray={dash ? dash.join(' ') : undefined} />
    </svg>
  );
}

/** Parameter-count text of a run: total with its split. */
function formatCounts(run: CompareRun): string {
  const counts = run.parameterCounts;
  if (!counts) return '–';
  const parts = [`A ${counts.approximator}`];
  if (counts.predictor > 0) parts.push(`P ${counts.predictor}`);
  return `${counts.total} (${parts.join(' + ')})`;
}

function ParameterMatchNote({ runs }: { runs: readonly CompareRun[] }) {
  const t = useT('compare');
  const language = useLanguage();
  const config = useLabStore(selectConfig);
  const axnet = runs.find((run) => run.method === 'axnet');
  const baseline = runs.find((run) => isBaselineMethod(run.method) && run.parameterCounts);
  const match = axnet?.topology?.match ?? null;
  const lines: string[] = runs.filter((run) => run.topology).map((run) => `${methodLabelIn(run.method, language)}: ${describeTopology(run.topology!, language, t)}`);
  let verdict = '';
  let difference: number | null = null;
  if (match) {
    difference = (match.ratio - 1) * 100;
    verdict = t('matched', {
      approximator: match.approximatorHidden.join('-'),
      predictor: match.predictorHidden.join('-'),
      axnet: match.axnetParams,
      baseline: match.baselineParams,
      difference: `${difference >= 0 ? '+' : ''}${difference.toFixed(1)}`,
    });
  } else if (axnet?.parameterCounts && baseline?.parameterCounts) {
    const a = axnet.parameterCounts.total;
    const b = baseline.parameterCounts.total;
    difference = b > 0 ? ((a - b) / b) * 100 : 0;
    verdict = `${t('unmatched', { axnet: a, method: methodLabelIn(baseline.method, language), baseline: b, difference: `${difference >= 0 ? '+' : ''}${difference.toFixed(1)}` })}${
      config.matchParameters ? t('matchNotFound') : t('matchHint')
    }`;
  } else if (config.matchParameters) {
    verdict = t('matchOn');
  }
  const notes = runs.flatMap((run) => run.notes.map((note) => `${methodLabelIn(run.method, language)}: ${note}`));
  return (
    <div className="small compare-params" data-testid="compare-param-note" data-difference={difference === null ? '' : difference.toFixed(2)}>
      <p>
        {t('paramIntro')} {verdict}
      </p>
      {lines.length > 0 ? (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {notes.length > 0 ? <p className="muted">{notes.join(' ')}</p> : null}
    </div>
  );
}

export function ComparePanel() {
  return (
    <ExportScope>
      <ComparePanelBody />
    </ExportScope>
  );
}

function ComparePanelBody() {
  const t = useT('compare');
  const language = useLanguage();
  const exportStem = useRunStem();
  const runs = useLabStore((state) => state.compareRuns);
  const config = useLabStore(selectConfig);
  const target = resolveTarget(config);
  const [axis, setAxis] = useState<CompareAxis>('budget');
  const [showPredicted, setShowPredicted] = useState(true);
  const axisName = useId();
  const methods: readonly MethodId[] = runs.length > 0 ? runs.map((run) => run.method) : config.methods;
  const table = useMemo(() => buildCompareTable(runs, axis, COLUMNS_PER_RUN), [runs, axis]);
  const runMethods = runs.map((run) => run.method).join(',');
  const series = useMemo(
    () =>
      runs.flatMap((run): LiveSeries[] => {
        const name = methodLabelIn(run.method, language);
        const { color, dash } = METHODS[run.method];
        const style = { color, dash: dash ? [...dash] : undefined };
        return [
          { ...style, label: t('seriesTrue', { method: name }), width: 3, endLabel: name },
          { ...style, label: t('seriesPredicted', { method: name }), width: 1.5, alpha: 0.55, show: showPredicted },
        ];
      }),
    // The chart's shape depends on which methods run, not on their data.
    [runMethods, showPredicted, t, language],
  );
  const maxSteps = Math.max(config.steps, ...runs.map((run) => run.totalSteps));
  const xAxis = useMemo((): LiveAxis => {
    const range: [number, number] | undefined = axis === 'budget' ? [0, 100] : axis === 'steps' ? [0, maxSteps] : undefined;
    return { label: t(AXIS_OPTIONS[axis].axis), range, fromZeroTo: 0, format: (value) => formatAxisValue(axis, value, language) };
  }, [axis, maxSteps, t, language]);
  const yAxis = useMemo((): LiveAxis => ({ label: t('axisInvocation'), range: [0, 1], format: (value) => value.toFixed(1) }), [t]);
  const worstOutputNote = useT('metrics')('worstOutputNote');
  const anyPoints = runs.some((run) => run.history.length > 0);
  const summary = runs
    .filter((run) => run.history.length > 0)
    .map((run) => {
      const last = run.history[run.history.length - 1];
      return t('chartSummary', {
        method: methodLabelIn(run.method, language),
        progress: formatAxisValue('budget', run.totalSteps > 0 ? (100 * last.step) / run.totalSteps : 0, language),
        trueInvocation: formatMetric(last.metrics.trueInvocation),
        predictedInvocation: formatMetric(last.metrics.predictedInvocation),
      });
    })
    .join('; ');

  return (
    <section className="panel" data-testid="panel-compare" id="panel-compare" aria-labelledby="compare-title">
      <header className="panel-header">
        <div className="panel-title-row">
          <h2 id="compare-title">{t('title')}</h2>
          <ExportMenu stem={exportStem} testId="export-compare" />
        </div>
        <p className="panel-caption">
          {t('caption', { testSize: config.testSize, target: target.id, evalEvery: config.evalEvery })} {t('budget', { parts: formatStepBudgetGroups(language) })}
        </p>
      </header>
      <ul className="compare-legend" aria-label={t('methods')}>
        {methods.map((method) => {
          const run = runs.find((r) => r.method === method);
          return (
            <li key={method} data-testid={`compare-curve-${method}`} data-points={run?.history.length ?? 0} data-status={run?.status ?? 'idle'}>
              <MethodSwatch method={method} />
              <strong>{methodLabelIn(method, language)}</strong>
              <span className="muted small">
                {' '}
                {t(`status.${run ? run.status : 'idle'}`)}
                {run ? `${t('step', { step: formatNumber(run.step, language) })}${run.totalSteps ? ` / ${formatNumber(run.totalSteps, language)}` : ''}` : ''}
                {run?.phase && run.status !== 'done' ? ` · ${describeMethodPhase(run.phase, run.phaseMessage, language)}` : ''}
                {run ? ` · ${formatSeconds(run.trainingMs, t)}` : ''}
              </span>
              {run?.message ? (
                <span className="compare-error" role="status" data-testid={`compare-error-${method}`}>
                  {' '}
                  <RunMessageText message={run.message} localized={run.localizedMessage} />
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className="compare-options">
        <fieldset className="compare-axis" data-testid="compare-axis">
          <legend>{t('xAxis')}</legend>
          {(Object.keys(AXIS_OPTIONS) as CompareAxis[]).map((option) => (
            <label key={option}>
              <input type="radio" name={axisName} value={option} checked={axis === option} onChange={() => setAxis(option)} data-testid={`compare-axis-${option}`} />
              {t(AXIS_OPTIONS[option].button)}
            </label>
          ))}
        </fieldset>
        <label className="compare-predicted">
          <input type="checkbox" checked={showPredicted} onChange={(event) => setShowPredicted(event.target.checked)} data-testid="compare-show-predicted" />
          {t('predictedToo')}
        </label>
      </div>
      <div className="chart-box" data-testid="compare-chart-box" data-axis={axis}>
        {!anyPoints ? (
          <p className="placeholder">{t('placeholder', { step: Math.min(config.evalEvery, config.steps) })}</p>
        ) : (
          <LiveChart
            table={table}
            series={series}
            x={xAxis}
            y={yAxis}
            height={340}
            ariaLabel={t('chartLabel', { axis: t(AXIS_OPTIONS[axis].axis), summary })}
            testId="compare-chart"
            exportLabel={t('chartExport')}
          />
        )}
      </div>
      <div className="table-wrap">
        <table className="compare-table" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">{t('method')}</th>
              <th scope="col" title={t('stepTitle')}>
                {t('stepColumn')}
              </th>
              <th scope="col" title={t('trueInvocationTitle')}>
                {t('trueInvocation')}
              </th>
              <th scope="col" title={t('predictedInvocationTitle')}>
                {t('predictedInvocation')}
              </th>
              <th scope="col" title={t('predictionAccuracyTitle')}>
                {t('predictionAccuracy')}
              </th>
              <th scope="col" title={t('overallErrorTitle', { worst: worstOutputNote })}>
                {t('overallError')}
              </th>
              <th scope="col" title={t('parametersTitle')}>
                {t('parameters')}
              </th>
              <th scope="col" title={t('trainingTimeTitle')}>
                {t('trainingTime')}
              </th>
            </tr>
          </thead>
          <tbody>
            {methods.map((method) => {
              const run = runs.find((r) => r.method === method);
              const last = run && run.history.length > 0 ? run.history[run.history.length - 1].metrics : null;
              return (
                <tr key={method} data-testid={`compare-row-${method}`}>
                  <th scope="row">
                    <MethodSwatch method={method} /> {methodLabelIn(method, language)}
                  </th>
                  <td>
                    {String(run ? run.step : 0)}
                    {run?.totalSteps ? <span className="muted"> / {run.totalSteps}</span> : null}
                  </td>
                  <td>{formatMetric(last?.trueInvocation)}</td>
                  <td>{formatMetric(last?.predictedInvocation)}</td>
                  <td>{formatMetric(last?.predictionAccuracy)}</td>
                  <td>
                    {formatMetric(last?.overallError)}
                    {last && last.overallErrorWorstOutput !== last.overallError ? (
                      <span className="muted" title={worstOutputNote} data-testid={`compare-error-worst-${method}`}>
                        {' '}
                        {t('worstOutput', { value: formatMetric(last.overallErrorWorstOutput) })}
                      </span>
                    ) : null}
                  </td>
                  <td data-testid={`compare-params-${method}`}>{run ? formatCounts(run) : '–'}</td>
                  <td>{run ? formatSeconds(run.trainingMs, t) : '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ParameterMatchNote runs={runs} />
    </section>
  );
}
