/**
 * Fig. 2b of the paper, live: true invocation, predicted invocation and prediction accuracy of AXNet
 * versus training step, with the overall error on the right axis and the lone approximator's true
 * invocation dashed. A canvas chart (LiveChart, uPlot): new evaluations are one setData call, decimated
 * to the plot's pixel columns; the store updates it at most once per frame (frameBatcher.ts).
 */
import { useMemo } from 'react';
import { METHODS } from '../../core/methods/registry';
import { INVOCATION_SERIES, buildInvocationTable, formatMetric, selectConfig, selectHistory, selectLatestPoint } from '../../state/selectors';
import { useLabStore } from '../../state/store';
import { LiveChart, type LiveSeries } from '../charts/LiveChart';
import { ExportMenu, ExportScope } from '../exports/ExportMenu';
import { ReproduceBlock, buildRunExportActions, useRunStem } from '../exports/RunExports';
import { formatNumber, useLanguage, useT } from '../i18n';

/** Line styles of the curves; their legend labels are the catalog's (panels.invocation.<key>). */
const SERIES_STYLE: Record<(typeof INVOCATION_SERIES)[number], Omit<LiveSeries, 'show' | 'label'>> = {
  trueInvocation: { color: '#1565c0', width: 3 },
  predictedInvocation: { color: '#ef6c00', width: 3 },
  predictionAccuracy: { color: '#2e7d32', width: 2.5 },
  loneTrueInvocation: { color: METHODS.lone.color, width: 2.5, dash: [10, 6] },
  overallError: { color: '#c62828', width: 2, dash: [3, 4], scale: 'y2' },
};

const formatFraction = (value: number) => value.toFixed(1);
/** Tick text of the error axis: 2 significant digits, exponent form only outside [0.001, 10⁴). */
const errorFormat = (value: number) => (value === 0 ? '0' : Math.abs(value) >= 1e-3 && Math.abs(value) < 1e4 ? String(Number(value.toPrecision(2))) : value.toExponential(1));

export function InvocationPanel() {
  return (
    <ExportScope>
      <InvocationPanelBody />
    </ExportScope>
  );
}

function InvocationPanelBody() {
  const t = useT('panels');
  const language = useLanguage();
  const stem = useRunStem();
  const hasWeights = useLabStore((state) => state.weights !== null);
  const history = useLabStore(selectHistory);
  const latest = useLabStore(selectLatestPoint);
  const config = useLabStore(selectConfig);
  const totalSteps = useLabStore((state) => state.totalSteps) || config.steps;
  const table = useMemo(() => buildInvocationTable(history), [history]);
  // The x-axis spans the whole run from the start, so the curves grow into it.
  const stepAxis = useMemo(
    () => ({ label: t('invocation.stepAxis'), range: [0, totalSteps] as [number, number], format: (value: number) => formatNumber(value, language) }),
    [totalSteps, t, language],
  );
  const fractionAxis = useMemo(() => ({ label: t('invocation.fractionAxis'), range: [0, 1] as [number, number], format: formatFraction }), [t]);
  const hasLone = latest !== null && latest.loneTrueInvocation !== null;
  const series = useMemo(
    () =>
      INVOCATION_SERIES.map(
        (key): LiveSeries => ({
          ...SERIES_STYLE[key],
          label: t(`invocation.${key}`),
          show: key !== 'loneTrueInvocation' || hasLone,
        }),
      ),
    [hasLone, t],
  );
  const errorAxis = useMemo(() => ({ label: t('invocation.errorAxis', { bound: config.errorBound }), format: errorFormat, fromZeroTo: config.errorBound }), [config.errorBound, t]);
  const summary = latest
    ? t('invocation.summary', {
        step: latest.step,
        trueInvocation: formatMetric(latest.metrics.trueInvocation),
        predictedInvocation: formatMetric(latest.metrics.predictedInvocation),
        predictionAccuracy: formatMetric(latest.metrics.predictionAccuracy),
        overallError: formatMetric(latest.metrics.overallError),
        lone: latest.loneTrueInvocation !== null ? t('invocation.summaryLone', { value: formatMetric(latest.loneTrueInvocation) }) : '',
      })
    : '';

  return (
    <section className="panel" data-testid="panel-invocation" data-points={history.length} id="panel-invocation" aria-labelledby="invocation-title">
      <header className="panel-header">
        <div className="panel-title-row">
          <h2 id="invocation-title">{t('invocation.title')}</h2>
          <ExportMenu stem={stem} testId="export-invocation" actions={buildRunExportActions(stem, hasWeights, history.length > 0, t('exports', { returnObjects: true }))}>
            <ReproduceBlock />
          </ExportMenu>
        </div>
        <p className="panel-caption">{t('invocation.caption', { testSize: config.testSize, evalEvery: config.evalEvery })}</p>
      </header>
      <div className="chart-box">
        {history.length === 0 ? (
          <p className="placeholder">{t('invocation.placeholder', { step: Math.min(config.evalEvery, config.steps) })}</p>
        ) : (
          <LiveChart
            table={table}
            series={series}
            x={stepAxis}
            y={fractionAxis}
            y2={errorAxis}
            height={300}
            ariaLabel={summary}
            testId="invocation-chart"
            exportLabel={t('invocation.exportLabel')}
          />
        )}
      </div>
    </section>
  );
}
