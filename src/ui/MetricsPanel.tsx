/** Live readouts of the §V metrics at the latest evaluation, plus parameter count and training time. */
import { formatMetric, selectLatestPoint, selectParameterCounts, selectStep, selectTrainingMs } from '../state/selectors';
import { useLabStore } from '../state/store';
import { describeMethodPhase } from '../core/methods/budget';
import { formatNumber, useLanguage, useT } from './i18n';
import { en } from './i18n/locales/en';

/** English texts, for the modules that quote them outside a translated component (the catalog is the one source). */
export const PARAMETER_RULE = en.metrics.parameterRule;
/** Tooltip of the worst-output variant of the overall error (InvocationMetrics.overallErrorWorstOutput). */
export const WORST_OUTPUT_ERROR_NOTE = en.metrics.worstOutputNote;
/** Tooltip of the paper's overall error when it is undefined (metrics.ts: null over an empty set). */
export const UNDEFINED_ERROR_NOTE = en.metrics.undefinedErrorNote;

/**
 * The paper's overall error as shown: "—" with a tooltip when no input was predicted safe (the mean over
 * an empty set, null in metrics.ts), formatMetric otherwise ("–" before the first evaluation). Notes in the
 * given language (default English).
 */
export function describeOverallError(
  metrics: { overallError: number | null } | null,
  notes: { undefinedErrorNote: string; errorNote: string } = en.metrics,
): { value: string; note: string } {
  if (metrics !== null && metrics.overallError === null) return { value: '—', note: `${notes.undefinedErrorNote} ${notes.errorNote}` };
  return { value: formatMetric(metrics?.overallError), note: notes.errorNote };
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
  const t = useT('metrics');
  const language = useLanguage();
  const step = useLabStore(selectStep);
  const latest = useLabStore(selectLatestPoint);
  const counts = useLabStore(selectParameterCounts);
  const trainingMs = useLabStore(selectTrainingMs);
  const metrics = latest?.metrics ?? null;
  const method = useLabStore((state) => state.method);
  const phase = useLabStore((state) => state.phase);
  const phaseMessage = useLabStore((state) => state.phaseMessage);
  const totalSteps = useLabStore((state) => state.totalSteps);
  const overallError = describeOverallError(metrics, { undefinedErrorNote: t('undefinedErrorNote'), errorNote: t('errorNote') });

  return (
    <section className="metrics" aria-label={t('label')}>
      <Readout label={t('step')} testId="metric-step" value={String(step)} note={t('stepNote')} />
      <Readout label={t('trueInvocation')} testId="metric-true-invocation" value={formatMetric(metrics?.trueInvocation)} note={t('trueInvocationNote')} />
      <Readout label={t('predictedInvocation')} testId="metric-predicted-invocation" value={formatMetric(metrics?.predictedInvocation)} note={t('predictedInvocationNote')} />
      <Readout
        label={t('predictionAccuracy')}
        testId="metric-prediction-accuracy"
        value={formatMetric(metrics?.predictionAccuracy)}
        note={t('accuracyNote')}
        secondary={[{ label: t('code'), value: formatMetric(metrics?.codeAgreement), testId: 'metric-code-agreement' }]}
      />
      <Readout
        label={t('overallError')}
        testId="metric-overall-error"
        value={overallError.value}
        note={overallError.note}
        secondary={[
          { label: t('code'), value: formatMetric(metrics?.codeOverallError), testId: 'metric-code-overall-error' },
          {
            label: t('worstOutput'),
            value: describeWorstOutputError(metrics),
            testId: 'metric-overall-error-worst-output',
            note: t('worstOutputNote'),
          },
        ]}
      />
      <Readout
        label={t('parameters')}
        testId="metric-params"
        value={counts ? String(counts.total) : '–'}
        note={`${t('parameterRule')}${counts ? `. ${t('parameterSplit', { approximator: counts.approximator, predictor: counts.predictor })}${counts.lone ? `; ${t('parameterLone', { lone: counts.lone })}` : ''}.` : ''}`}
      />
      <Readout label={t('trainingTime')} testId="metric-training-time" value={t('seconds', { value: (trainingMs / 1000).toFixed(1) })} note={t('trainingTimeNote')} />
      <p className="metrics-note muted small">
        {latest ? t('at', { step: latest.step, loss: formatMetric(latest.loss), mse: formatMetric(latest.mse), ce: formatMetric(latest.crossEntropy) }) : t('before')}
        {method ? (
          <span data-testid="metric-phase">
            {' '}
            {t('method', { method, total: formatNumber(totalSteps, language) })}
            {phase ? t('methodNow', { phase: phase === 'done' ? t('phaseDone') : describeMethodPhase(phase, phaseMessage, language) }) : ''}.
          </span>
        ) : null}{' '}
        {t('secondary')}
      </p>
    </section>
  );
}
