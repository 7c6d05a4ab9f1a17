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

const SERIES_STYLE: Record<(typeof INVOCATION_SERIES)[number], Omit<LiveSeries, 'show'>> = {
  trueInvocation: { label: 'true invocation', color: '#1565c0', width: 3 },
  predictedInvocation: { label: 'predicted invocation', color: '#ef6c00', width: 3 },
  predictionAccuracy: { label: 'prediction accuracy', color: '#2e7d32', width: 2.5 },
  loneTrueInvocation: { label: `${METHODS.lone.label}: true invocation`, color: METHODS.lone.color, width: 2.5, dash: [10, 6] },
  overallError: { label: 'overall error (right axis)', color: '#c62828', width: 2, dash: [3, 4], scale: 'y2' },
};

const FRACTION_AXIS = { label: 'invocation (fraction of test inputs)', range: [0, 1] as [number, number], format: (value: number) => value.toFixed(1) };
const formatStep = (value: number) => value.toLocaleString('en-US');
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
  const stem = useRunStem();
  const hasWeights = useLabStore((state) => state.weights !== null);
  const history = useLabStore(selectHistory);
  const latest = useLabStore(selectLatestPoint);
  const config = useLabStore(selectConfig);
  const totalSteps = useLabStore((state) => state.totalSteps) || config.steps;
  const table = useMemo(() => buildInvocationTable(history), [history]);
  // The x-axis spans the whole run from the start, so the curves grow into it.
  const stepAxis = useMemo(() => ({ label: 'training step', range: [0, totalSteps] as [number, number], format: formatStep }), [totalSteps]);
  const hasLone = latest !== null && latest.loneTrueInvocation !== null;
  const series = useMemo(() => INVOCATION_SERIES.map((key): LiveSeries => ({ ...SERIES_STYLE[key], show: key !== 'loneTrueInvocation' || hasLone })), [hasLone]);
  const errorAxis = useMemo(() => ({ label: `overall error (bound ${config.errorBound})`, format: errorFormat, fromZeroTo: config.errorBound }), [config.errorBound]);
  const summary = latest
    ? `Invocation curves to step ${latest.step}: true invocation ${formatMetric(latest.metrics.trueInvocation)}, predicted invocation ${formatMetric(
        latest.metrics.predictedInvocation,
      )}, prediction accuracy ${formatMetric(latest.metrics.predictionAccuracy)}, overall error ${formatMetric(latest.metrics.overallError)}${
        latest.loneTrueInvocation !== null ? `, lone approximator ${formatMetric(latest.loneTrueInvocation)}` : ''
      }.`
    : '';

  return (
    <section className="panel" data-testid="panel-invocation" data-points={history.length} id="panel-invocation" aria-labelledby="invocation-title">
      <header className="panel-header">
        <div className="panel-title-row">
          <h2 id="invocation-title">Invocation</h2>
          <ExportMenu stem={stem} testId="export-invocation" actions={buildRunExportActions(stem, hasWeights, history.length > 0)}>
            <ReproduceBlock />
          </ExportMenu>
        </div>
        <p className="panel-caption">
          Like Fig. 2b: the §V metrics on the {config.testSize}-sample test set every {config.evalEvery} steps.
        </p>
      </header>
      <div className="chart-box">
        {history.length === 0 ? (
          <p className="placeholder">Curves appear at the first evaluation (step {Math.min(config.evalEvery, config.steps)}).</p>
        ) : (
          <LiveChart
            table={table}
            series={series}
            x={stepAxis}
            y={FRACTION_AXIS}
            y2={errorAxis}
            height={300}
            ariaLabel={summary}
            testId="invocation-chart"
            exportLabel="Invocation chart"
          />
        )}
      </div>
    </section>
  );
}
