/**
 * Compare mode (several methods ticked): the true invocation of every method (thick) and its
 * predicted invocation (thin, faded) in one canvas chart, so Fig. 2a (weight sharing oscillates) and
 * Fig. 2b (AXNet climbs steadily) can be seen side by side. The x-axis is each method's fraction of its
 * own step budget by default (iterative trains 2R·N steps, AXNet N: both span the full width), with
 * options for training wall time and raw steps. Each method has its own colour AND dash, a legend entry
 * and an end label with its last value. Below, the §V metrics, parameter counts and training time per
 * method, formatted like the readouts. One worker per method (compareController.ts).
 */
import { useId, useMemo, useState } from 'react';
import type { MethodId } from '../../core/config';
import { METHODS, STEP_BUDGET_SUMMARY, isBaselineMethod } from '../../core/methods/registry';
import { resolveTarget } from '../../core/targets/index';
import type { CompareRun } from '../../state/compareSlice';
import { buildCompareTable, formatMetric, formatTrainingTime, selectConfig, type CompareAxis } from '../../state/selectors';
import { useLabStore } from '../../state/store';
import { LiveChart, type LiveAxis, type LiveSeries } from '../charts/LiveChart';
import { WORST_OUTPUT_ERROR_NOTE } from '../MetricsPanel';
import './compare.css';
import { ExportMenu, ExportScope } from '../exports/ExportMenu';
import { useRunStem } from '../exports/RunExports';

/** Pixel columns each run is pre-decimated to before the runs are joined (the chart decimates again to its width). */
const COLUMNS_PER_RUN = 1024;

const STATUS_TEXT = {
  idle: 'ready',
  initializing: 'starting…',
  running: 'training',
  paused: 'paused',
  done: 'done',
  error: 'failed',
} as const;

const AXIS_OPTIONS: Record<CompareAxis, { button: string; axis: string; format: (value: number) => string }> = {
  budget: { button: '% of its budget', axis: 'training progress (% of each method’s step budget)', format: (value) => `${Math.round(value)} %` },
  time: { button: 'training time', axis: 'training time (s, wall clock in the worker)', format: (value) => `${Number(value.toPrecision(3))} s` },
  steps: { button: 'training steps', axis: 'training step', format: (value) => value.toLocaleString('en-US') },
};

const FRACTION_AXIS: LiveAxis = { label: 'invocation (fraction of test inputs)', range: [0, 1], format: (value) => value.toFixed(1) };

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
  const config = useLabStore(selectConfig);
  const axnet = runs.find((run) => run.method === 'axnet');
  const baseline = runs.find((run) => isBaselineMethod(run.method) && run.parameterCounts);
  const match = axnet?.topology?.match ?? null;
  const lines: string[] = runs.filter((run) => run.topology).map((run) => `${METHODS[run.method].label}: ${run.topology!.description}`);
  let verdict = '';
  let difference: number | null = null;
  if (match) {
    difference = (match.ratio - 1) * 100;
    verdict = `Parameter-matched (§V-A): AXNet A ${match.approximatorHidden.join('-')} / C ${match.predictorHidden.join('-')} has ${match.axnetParams} parameters against the baseline's ${match.baselineParams} (${difference >= 0 ? '+' : ''}${difference.toFixed(1)}%, within 3%).`;
  } else if (axnet?.parameterCounts && baseline?.parameterCounts) {
    const a = axnet.parameterCounts.total;
    const b = baseline.parameterCounts.total;
    difference = b > 0 ? ((a - b) / b) * 100 : 0;
    verdict = `AXNet has ${a} parameters against ${METHODS[baseline.method].label}'s ${b} (${difference >= 0 ? '+' : ''}${difference.toFixed(1)}%).${
      config.matchParameters
        ? ' Parameter matching is on but no match within 3% was found (see the notes).'
        : ' Tick “Parameter-matched” to size AXNet to within 3% of the baseline (§V-A).'
    }`;
  } else if (config.matchParameters) {
    verdict = 'Parameter matching is on: AXNet is sized to within 3% of the baseline’s count (§V-A).';
  }
  const notes = runs.flatMap((run) => run.notes.map((note) => `${METHODS[run.method].label}: ${note}`));
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
  return (
    <ExportScope>
      <ComparePanelBody />
    </ExportScope>
  );
}

function ComparePanelBody() {
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
        const name = METHODS[run.method].label;
        const { color, dash } = METHODS[run.method];
        const style = { color, dash: dash ? [...dash] : undefined };
        return [
          { ...style, label: `${name}: true invocation`, width: 3, endLabel: name },
          { ...style, label: `${name}: predicted invocation`, width: 1.5, alpha: 0.55, show: showPredicted },
        ];
      }),
    // The chart's shape depends on which methods run, not on their data.
    [runMethods, showPredicted],
  );
  const maxSteps = Math.max(config.steps, ...runs.map((run) => run.totalSteps));
  const xAxis = useMemo((): LiveAxis => {
    const option = AXIS_OPTIONS[axis];
    const range: [number, number] | undefined = axis === 'budget' ? [0, 100] : axis === 'steps' ? [0, maxSteps] : undefined;
    return { label: option.axis, range, fromZeroTo: 0, format: option.format };
  }, [axis, maxSteps]);
  const anyPoints = runs.some((run) => run.history.length > 0);
  const summary = runs
    .filter((run) => run.history.length > 0)
    .map((run) => {
      const last = run.history[run.history.length - 1];
      return `${METHODS[run.method].label} at ${AXIS_OPTIONS.budget.format(run.totalSteps > 0 ? (100 * last.step) / run.totalSteps : 0)} of its budget: true invocation ${formatMetric(
        last.metrics.trueInvocation,
      )}, predicted invocation ${formatMetric(last.metrics.predictedInvocation)}`;
    })
    .join('; ');

  return (
    <section className="panel" data-testid="panel-compare" id="panel-compare" aria-labelledby="compare-title">
      <header className="panel-header">
        <div className="panel-title-row">
          <h2 id="compare-title">Compare methods</h2>
          <ExportMenu stem={exportStem} testId="export-compare" />
        </div>
        <p className="panel-caption">
          Like Fig. 2a against Fig. 2b: true invocation (thick) and predicted invocation (thin) of each method on the same {config.testSize}-sample test set of {target.id}, every{' '}
          {config.evalEvery} steps. Weight sharing tends to oscillate; AXNet tends to climb steadily. Press play: one worker per method, in parallel.{' '}
          {STEP_BUDGET_SUMMARY.charAt(0).toUpperCase() + STEP_BUDGET_SUMMARY.slice(1)}
        </p>
      </header>
      <ul className="compare-legend" aria-label="Methods">
        {methods.map((method) => {
          const run = runs.find((r) => r.method === method);
          return (
            <li key={method} data-testid={`compare-curve-${method}`} data-points={run?.history.length ?? 0} data-status={run?.status ?? 'idle'}>
              <MethodSwatch method={method} />
              <strong>{METHODS[method].label}</strong>
              <span className="muted small">
                {' '}
                {run ? STATUS_TEXT[run.status] : 'ready'}
                {run ? ` · step ${run.step.toLocaleString('en-US')}${run.totalSteps ? ` / ${run.totalSteps.toLocaleString('en-US')}` : ''}` : ''}
                {run?.phase && run.status !== 'done' ? ` · ${run.phase}` : ''}
                {run ? ` · ${formatTrainingTime(run.trainingMs)}` : ''}
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
      <div className="compare-options">
        <fieldset className="compare-axis" data-testid="compare-axis">
          <legend>x-axis</legend>
          {(Object.keys(AXIS_OPTIONS) as CompareAxis[]).map((option) => (
            <label key={option}>
              <input type="radio" name={axisName} value={option} checked={axis === option} onChange={() => setAxis(option)} data-testid={`compare-axis-${option}`} />
              {AXIS_OPTIONS[option].button}
            </label>
          ))}
        </fieldset>
        <label className="compare-predicted">
          <input type="checkbox" checked={showPredicted} onChange={(event) => setShowPredicted(event.target.checked)} data-testid="compare-show-predicted" />
          predicted invocation too
        </label>
      </div>
      <div className="chart-box" data-testid="compare-chart-box" data-axis={axis}>
        {!anyPoints ? (
          <p className="placeholder">Press play: each method’s curves appear at its first evaluation (step {Math.min(config.evalEvery, config.steps)}).</p>
        ) : (
          <LiveChart
            table={table}
            series={series}
            x={xAxis}
            y={FRACTION_AXIS}
            height={340}
            ariaLabel={`Compare chart, x-axis ${AXIS_OPTIONS[axis].axis}. ${summary}.`}
            testId="compare-chart"
            exportLabel="Compare chart"
          />
        )}
      </div>
      <div className="table-wrap">
        <table className="compare-table" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">Method</th>
              <th scope="col" title="Training steps taken, of the method's budget">
                Step
              </th>
              <th scope="col" title="Fraction of test samples whose approximation is within the error bound">
                True invocation
              </th>
              <th scope="col" title="Fraction of test samples the predictor marks safe">
                Predicted invocation
              </th>
              <th scope="col" title="Paper §V: fraction safe AND predicted safe">
                Prediction accuracy
              </th>
              <th
                scope="col"
                title={`Paper §V: mean error over the samples predicted safe, each sample’s error the mean over its outputs (authors’ code). ${WORST_OUTPUT_ERROR_NOTE}`}
              >
                Overall error
              </th>
              <th scope="col" title="Weights + biases of every net the method trains">
                Parameters
              </th>
              <th scope="col" title="Wall time spent in training steps in the worker">
                Training time
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
                    <MethodSwatch method={method} /> {METHODS[method].label}
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
                      <span className="muted" title={WORST_OUTPUT_ERROR_NOTE} data-testid={`compare-error-worst-${method}`}>
                        {' '}
                        (worst output {formatMetric(last.overallErrorWorstOutput)})
                      </span>
                    ) : null}
                  </td>
                  <td data-testid={`compare-params-${method}`}>{run ? formatCounts(run) : '–'}</td>
                  <td>{run ? formatTrainingTime(run.trainingMs) : '–'}</td>
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
