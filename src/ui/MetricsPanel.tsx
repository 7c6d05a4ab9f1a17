/** Live readouts of the §V metrics at the latest evaluation, plus parameter count and training time. */
import { formatMetric, selectLatestPoint, selectParameterCounts, selectStep, selectTrainingMs } from '../state/selectors';
import { useLabStore } from '../state/store';

export const PARAMETER_RULE = 'weights + biases of both nets; the paper’s own counts use a different rule';

const ACCURACY_NOTE = 'Paper (§V): fraction of test samples that are safe AND predicted safe. Authors’ code: agreement of the two labels, mean(p_label == predicted).';
const ERROR_NOTE =
  'Paper (§V): mean error over the samples predicted safe, each sample’s error the mean over its outputs, as the authors’ code averages it. Authors’ code: mean over ALL samples of (predicted safe × error).';
/** Tooltip of the worst-output variant of the overall error (InvocationMetrics.overallErrorWorstOutput). */
export const WORST_OUTPUT_ERROR_NOTE =
  'Worst output: the same mean with each sample’s error its largest output error, the error of the safe label (eq. 1: every output within the bound). Equal to the overall error for one output or an rms metric.';
/** Tooltip of the paper's overall error when it is undefined (metrics.ts: null over an empty set). */
export const UNDEFINED_ERROR_NOTE = 'Undefined: no input was predicted safe (every test input goes to the CPU).';

/**
 * The paper's overall error as shown: "—" with a tooltip when no input was predicted safe (the mean over
 * an empty set, null in metrics.ts), formatMetric otherwise ("–" before the first evaluation).
 */
export function describeOverallError(metrics: { overallError: number | null } | null): { value: string; note: string } {
  if (metrics !== null && metrics.overallError === null) return { value: '—', note: `${UNDEFINED_ERROR_NOTE} ${ERROR_NOTE}` };
  return { value: formatMetric(metrics?.overallError), note: ERROR_NOTE };
}

/** The worst-output variant as shown: "—" when undefined (nothing predicted safe), "–" before the first evaluation. */
export function describeWorstOutputError(metrics: { overallErrorWorstOutput: number | null } | null): string {
  return metrics !== null && metrics.overallErrorWorstOutput === null ? '—' : formatMetric(metrics?.overallErrorWorstOutput);
}

interface SecondaryValue {
  label: string;
  value: string;
  testId: string;
  /** Its own tooltip; default: the readout's. */
  note?: string;
}

interface ReadoutProps {
  label: string;
  testId: string;
  value: string;
  note?: string;
  secondary?: readonly SecondaryValue[];
}

function Readout({ label, testId, value, note, secondary = [] }: ReadoutProps) {
  return (
    <div className="readout" title={note}>
      <span className="readout-label">{label}</span>
      <span className="readout-value" data-testid={testId}>
        {value}
      </span>
      {secondary.map((extra) => (
        <span className="readout-secondary" title={extra.note ?? note} key={extra.testId}>
          {extra.label} <span data-testid={extra.testId}>{extra.value}</span>
        </span>
      ))}
    </div>
  );
}

export function MetricsPanel() {
  const step = useLabStore(selectStep);
  const latest = useLabStore(selectLatestPoint);
  const counts = useLabStore(selectParameterCounts);
  const trainingMs = useLabStore(selectTrainingMs);
  const metrics = latest?.metrics ?? null;
  const method = useLabStore((state) => state.method);
  const phase = useLabStore((state) => state.phase);
  const totalSteps = useLabStore((state) => state.totalSteps);
  const overallError = describeOverallError(metrics);

  return (
    <section className="metrics" aria-label="Metrics">
      <Readout label="Step" testId="metric-step" value={String(step)} note="Training steps taken by the trainer" />
      <Readout
        label="True invocation"
        testId="metric-true-invocation"
        value={formatMetric(metrics?.trueInvocation)}
        note="Fraction of test samples whose approximation is within the error bound"
      />
      <Readout
        label="Predicted invocation"
        testId="metric-predicted-invocation"
        value={formatMetric(metrics?.predictedInvocation)}
        note="Fraction of test samples the predictor marks safe"
      />
      <Readout
        label="Prediction accuracy"
        testId="metric-prediction-accuracy"
        value={formatMetric(metrics?.predictionAccuracy)}
        note={ACCURACY_NOTE}
        secondary={[{ label: 'code:', value: formatMetric(metrics?.codeAgreement), testId: 'metric-code-agreement' }]}
      />
      <Readout
        label="Overall error"
        testId="metric-overall-error"
        value={overallError.value}
        note={overallError.note}
        secondary={[
          { label: 'code:', value: formatMetric(metrics?.codeOverallError), testId: 'metric-code-overall-error' },
          {
            label: 'worst output:',
            value: describeWorstOutputError(metrics),
            testId: 'metric-overall-error-worst-output',
            note: WORST_OUTPUT_ERROR_NOTE,
          },
        ]}
      />
      <Readout
        label="Parameters"
        testId="metric-params"
        value={counts ? String(counts.total) : '–'}
        note={`${PARAMETER_RULE}${counts ? `. Approximator ${counts.approximator}, predictor ${counts.predictor}${counts.lone ? `; lone approximator ${counts.lone} (not included)` : ''}.` : ''}`}
      />
      <Readout
        label="Training time"
        testId="metric-training-time"
        value={`${(trainingMs / 1000).toFixed(1)} s`}
        note="Wall time spent in training steps in the worker (evaluation and drawing excluded)"
      />
      <p className="metrics-note muted small">
        {latest
          ? `Metrics at step ${latest.step}, loss ${formatMetric(latest.loss)} (MSE ${formatMetric(latest.mse)} + CE ${formatMetric(latest.crossEntropy)}).`
          : 'Metrics appear at the first evaluation.'}
        {method ? (
          <span data-testid="metric-phase">
            {' '}
            Method {method}, {totalSteps.toLocaleString('en-US')} steps in all{phase ? `; now: ${phase}` : ''}.
          </span>
        ) : null}{' '}
        Secondary values (“code:”) are the authors’ code variants; hover for the difference.
      </p>
    </section>
  );
}
