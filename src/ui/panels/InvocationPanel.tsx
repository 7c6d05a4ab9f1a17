/**
 * Fig. 2b of the paper, live: true invocation, predicted invocation and prediction accuracy of AXNet
 * versus training step, with the overall error on the right axis and the lone approximator's true
 * invocation dashed. Cheap by construction: no animation, no dots, at most 500 plotted points.
 */
import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { buildInvocationRows, selectConfig, selectHistory } from '../../state/selectors';
import { useLabStore } from '../../state/store';

const MAX_PLOTTED_POINTS = 500;

const SERIES = [
  { key: 'trueInvocation', name: 'true invocation', color: '#1565c0', axis: 'left', dash: undefined },
  { key: 'predictedInvocation', name: 'predicted invocation', color: '#ef6c00', axis: 'left', dash: undefined },
  { key: 'predictionAccuracy', name: 'prediction accuracy', color: '#2e7d32', axis: 'left', dash: undefined },
  { key: 'loneTrueInvocation', name: 'lone approximator: true invocation', color: '#6a1b9a', axis: 'left', dash: '6 4' },
  { key: 'overallError', name: 'overall error (right axis)', color: '#c62828', axis: 'right', dash: '2 3' },
] as const;

function formatTooltipValue(value: unknown): string {
  return typeof value === 'number' ? value.toFixed(4) : String(value);
}

export function InvocationPanel() {
  const history = useLabStore(selectHistory);
  const config = useLabStore(selectConfig);
  const rows = useMemo(() => buildInvocationRows(history, MAX_PLOTTED_POINTS), [history]);
  const hasLone = rows.some((row) => row.loneTrueInvocation !== null);

  return (
    <section className="panel" data-testid="panel-invocation" data-points={rows.length} id="panel-invocation" aria-labelledby="invocation-title">
      <header className="panel-header">
        <h2 id="invocation-title">Invocation</h2>
        <p className="panel-caption">
          Like Fig. 2b: the §V metrics on the {config.testSize}-sample test set every {config.evalEvery} steps.
        </p>
      </header>
      <div className="chart-box">
        {rows.length === 0 ? (
          <p className="placeholder">Curves appear at the first evaluation (step {Math.min(config.evalEvery, config.steps)}).</p>
        ) : (
          <ResponsiveContainer width="100%" height={280} initialDimension={{ width: 600, height: 280 }}>
            <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
              <CartesianGrid stroke="#e6e8ec" />
              <XAxis dataKey="step" type="number" domain={[0, 'dataMax']} tick={{ fontSize: 11 }} label={{ value: 'step', position: 'insideBottomRight', offset: -2, fontSize: 11 }} />
              <YAxis yAxisId="left" domain={[0, 1]} tick={{ fontSize: 11 }} width={40} />
              <YAxis yAxisId="right" orientation="right" tick={{ fontSize: 11 }} width={52} tickFormatter={(value: number) => value.toPrecision(2)} />
              <Tooltip formatter={formatTooltipValue} labelFormatter={(label) => `step ${String(label)}`} isAnimationActive={false} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {SERIES.filter((series) => series.key !== 'loneTrueInvocation' || hasLone).map((series) => (
                <Line key={series.key} yAxisId={series.axis} type="linear" dataKey={series.key} name={series.name} stroke={series.color}
                  strokeWidth={series.key === 'overallError' ? 1.5 : 2} strokeDasharray={series.dash} dot={false} isAnimationActive={false} connectNulls />
              ))}
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
    </section>
  );
}
