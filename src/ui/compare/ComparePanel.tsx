/**
 * Compare mode (several methods ticked): the true invocation of every method (solid) and its
 * predicted invocation (dashed) in one chart, so Fig. 2a (weight sharing oscillates) and Fig. 2b
 * (AXNet climbs steadily) can be seen side by side; below, the final §V metrics, parameter counts
 * and training time per method. One worker per method (compareController.ts).
 */
import { useMemo } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MethodId } from '../../core/config';
import { getTarget } from '../../core/targets/index';
import type { CompareRun } from '../../state/compareSlice';
import { downsampleHistory, formatMetric, selectConfig } from '../../state/selectors';
import { useLabStore } from '../../state/store';
import { METHOD_COLORS, METHOD_LABELS, STEP_BUDGET_RULE } from './methodInfo';
import './compare.css';

const MAX_POINTS_PER_SERIES = 300;

const STATUS_TEXT = {
  idle: 'ready',
  initializing: 'starting…',
  running: 'training',
  paused: 'paused',
  done: 'done',
  error: 'failed',
} as const;

interface SeriesPoint {
  step: number;
  value: number;
}

function buildSeries(run: CompareRun, key: 'trueInvocation' | 'predictedInvocation'): SeriesPoint[] {
  return downsampleHistory(run.history, MAX_POINTS_PER_SERIES).map((point) => ({ step: point.step, value: point.metrics[key] }));
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
  const config = useLabStore(selectConfig);
  const axnet = runs.find((run) => run.method === 'axnet');
  const baseline = runs.find((run) => (run.method === 'onepass' || run.method === 'iterative') && run.parameterCounts);
  const match = axnet?.topology?.match ?? null;
  const lines: string[] = runs.filter((run) => run.topology).map((run) => `${METHOD_LABELS[run.method].name}: ${run.topology!.description}`);
  let verdict = '';
  let difference: number | null = null;
  if (match) {
    difference = (match.ratio - 1) * 100;
    verdict = `Parameter-matched (§V-A): AXNet A ${match.approximatorHidden.join('-')} / C ${match.predictorHidden.join('-')} has ${match.axnetParams} parameters against the baseline's ${match.baselineParams} (${difference >= 0 ? '+' : ''}${difference.toFixed(1)}%, within 3%).`;
  } else if (axnet?.parameterCounts && baseline?.parameterCounts) {
    const a = axnet.parameterCounts.total;
    const b = baseline.parameterCounts.total;
    difference = b > 0 ? ((a - b) / b) * 100 : 0;
    verdict = `AXNet has ${a} parameters against ${METHOD_LABELS[baseline.method].name}'s ${b} (${difference >= 0 ? '+' : ''}${difference.toFixed(1)}%).${
      config.matchParameters ? ' Parameter matching is on but no match within 3% was found (see the notes).' : ' Tick “Parameter-matched” to size AXNet to within 3% of the baseline (§V-A).'
    }`;
  } else if (config.matchParameters) {
    verdict = 'Parameter matching is on: AXNet is sized to within 3% of the baseline’s count (§V-A).';
  }
  const notes = runs.flatMap((run) => run.notes.map((note) => `${METHOD_LABELS[run.method].name}: ${note}`));
  return (
    <div className="small compare-params" data-testid="compare-param-note" data-difference={difference === null ? '' : difference.toFixed(2)}>
      <p>Parameters count the weights + biases of every net a method deploys (a shared layer once). {verdict}</p>
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
  const runs = useLabStore((state) => state.compareRuns);
  const config = useLabStore(selectConfig);
  const target = getTarget(config.target);
  const methods: readonly MethodId[] = runs.length > 0 ? runs.map((run) => run.method) : config.methods;
  const series = useMemo(
    () => runs.map((run) => ({ method: run.method, truth: buildSeries(run, 'trueInvocation'), predicted: buildSeries(run, 'predictedInvocation') })),
    [runs],
  );
  const maxStep = Math.max(config.steps, ...runs.map((run) => run.totalSteps));
  const anyPoints = series.some((s) => s.truth.length > 0);

  return (
    <section className="panel" data-testid="panel-compare" id="panel-compare" aria-labelledby="compare-title">
      <header className="panel-header">
        <h2 id="compare-title">Compare methods</h2>
        <p className="panel-caption">
          Like Fig. 2a against Fig. 2b: true invocation (solid) and predicted invocation (dashed) of each method on the same {config.testSize}-sample
          test set of {target.id}, every {config.evalEvery} steps. Weight sharing tends to oscillate; AXNet tends to climb steadily. Press play:
          one worker per method, in parallel. {STEP_BUDGET_RULE.charAt(0).toUpperCase() + STEP_BUDGET_RULE.slice(1)}
        </p>
      </header>
      <ul className="compare-legend" aria-label="Methods">
        {methods.map((method) => {
          const run = runs.find((r) => r.method === method);
          return (
            <li key={method} data-testid={`compare-curve-${method}`} data-points={run?.history.length ?? 0} data-status={run?.status ?? 'idle'}>
              <span className="method-swatch" style={{ background: METHOD_COLORS[method] }} aria-hidden="true" />
              <strong>{METHOD_LABELS[method].name}</strong>
              <span className="muted small">
                {' '}
                {run ? STATUS_TEXT[run.status] : 'ready'}
                {run ? ` · step ${run.step.toLocaleString('en-US')}${run.totalSteps ? ` / ${run.totalSteps.toLocaleString('en-US')}` : ''}` : ''}
                {run?.phase && run.status !== 'done' ? ` · ${run.phase}` : ''}
                {run ? ` · ${(run.trainingMs / 1000).toFixed(1)} s` : ''}
              </span>
              {run?.message ? (
                <span className="compare-error" role="status" data-testid={`compare-error-${method}`}>
                  {' '}
                  {run.message}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p className="muted small compare-key">
        <svg width="28" height="8" aria-hidden="true"><line x1="0" y1="4" x2="28" y2="4" stroke="#444" strokeWidth="2" /></svg> true invocation{' '}
        <svg width="28" height="8" aria-hidden="true"><line x1="0" y1="4" x2="28" y2="4" stroke="#444" strokeWidth="1.5" strokeDasharray="5 4" /></svg> predicted invocation
      </p>
      <div className="chart-box">
        {!anyPoints ? (
          <p className="placeholder">Press play: each method’s curves appear at its first evaluation (step {Math.min(config.evalEvery, config.steps)}).</p>
        ) : (
          <ResponsiveContainer width="100%" height={300} initialDimension={{ width: 600, height: 300 }}>
            <LineChart margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
              <CartesianGrid stroke="#e6e8ec" />
              <XAxis dataKey="step" type="number" domain={[0, maxStep]} allowDuplicatedCategory={false} tick={{ fontSize: 11 }}
                label={{ value: 'step', position: 'insideBottomRight', offset: -2, fontSize: 11 }} />
              <YAxis domain={[0, 1]} tick={{ fontSize: 11 }} width={40} />
              <Tooltip formatter={(value: unknown) => (typeof value === 'number' ? value.toFixed(4) : String(value))} labelFormatter={(label) => `step ${String(label)}`}
                isAnimationActive={false} />
              {series.flatMap((s) => [
                <Line key={`${s.method}-true`} data={s.truth} dataKey="value" name={`${METHOD_LABELS[s.method].name}: true invocation`} stroke={METHOD_COLORS[s.method]}
                  strokeWidth={2} dot={false} isAnimationActive={false} type="linear" />,
                <Line key={`${s.method}-pred`} data={s.predicted} dataKey="value" name={`${METHOD_LABELS[s.method].name}: predicted invocation`}
                  stroke={METHOD_COLORS[s.method]} strokeWidth={1.5} strokeDasharray="5 4" dot={false} isAnimationActive={false} type="linear" />,
              ])}
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
      <div className="table-wrap">
        <table className="compare-table" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">Method</th>
              <th scope="col">Step</th>
              <th scope="col" title="Fraction of test samples whose approximation is within the error bound">True inv.</th>
              <th scope="col" title="Fraction of test samples the predictor marks safe">Pred. inv.</th>
              <th scope="col" title="Paper §V: fraction safe AND predicted safe">Pred. acc.</th>
              <th scope="col" title="Paper §V: mean error over the samples predicted safe">Overall error</th>
              <th scope="col" title="Weights + biases of every net the method trains">Parameters</th>
              <th scope="col" title="Wall time spent in training steps in the worker">Training time</th>
            </tr>
          </thead>
          <tbody>
            {methods.map((method) => {
              const run = runs.find((r) => r.method === method);
              const last = run && run.history.length > 0 ? run.history[run.history.length - 1].metrics : null;
              return (
                <tr key={method} data-testid={`compare-row-${method}`}>
                  <th scope="row">
                    <span className="method-swatch" style={{ background: METHOD_COLORS[method] }} aria-hidden="true" /> {METHOD_LABELS[method].name}
                  </th>
                  <td>{run ? run.step : 0}</td>
                  <td>{formatMetric(last?.trueInvocation)}</td>
                  <td>{formatMetric(last?.predictedInvocation)}</td>
                  <td>{formatMetric(last?.predictionAccuracy)}</td>
                  <td>{formatMetric(last?.overallError)}</td>
                  <td data-testid={`compare-params-${method}`}>{run ? formatCounts(run) : '–'}</td>
                  <td>{run ? `${(run.trainingMs / 1000).toFixed(1)} s` : '–'}</td>
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
