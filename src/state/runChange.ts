/**
 * What a settings change does to the current run: a pure decision, status × change → action.
 * The rule (issue 7, run-state traps): a change never silently throws away a run the user can
 * still look at. A run that is training restarts (with a notice); a paused or finished run that has
 * trained steps is kept, with the settings it was trained with, and the user is asked whether the
 * changed settings (held aside as a proposal) should start a new run; a run with nothing to lose is
 * simply dropped.
 */
import { getLanguage, type LanguageId } from '../core/language';
import { formatMessage, message, type Message, type MessageId } from '../core/messages';
import type { LabConfig } from '../core/config';
import type { RunStatus } from './store';
import { URL_PARAMS } from '../core/link';

export type RunChangeAction =
  /** No run: the new settings apply to the next Play, nothing else happens. */
  | 'ignore'
  /** Nothing trained yet, or the run failed: drop it without asking. */
  | 'discard'
  /** Training right now: reset to step 0 with the new settings, and say so in a notice. */
  | 'restart'
  /** Paused or finished with steps trained: keep the run and its settings, hold the change aside and ask (New run / Keep current). */
  | 'ask'
  /** A question is open and the proposal is back to the run's own settings: close the question, keep the run. */
  | 'withdraw';

export interface RunChangeInput {
  status: RunStatus;
  /** Training steps the run has taken (the lowest over the methods in compare mode). */
  step: number;
  /** A question about an earlier change is still open. */
  pending: boolean;
  /** The settings proposed (with this change folded in) equal those the current run was trained with. */
  matchesRun: boolean;
}

export function decideConfigChange({ status, step, pending, matchesRun }: RunChangeInput): RunChangeAction {
  if (pending) return matchesRun ? 'withdraw' : 'ask';
  switch (status) {
    case 'idle':
      return 'ignore';
    case 'error':
      return 'discard';
    case 'initializing':
    case 'running':
      return 'restart';
    case 'paused':
    case 'done':
      return step > 0 ? 'ask' : 'discard';
    default: {
      const unknown: never = status;
      throw new Error(`Unsupported run status: ${String(unknown)}`);
    }
  }
}

/** The question's text: what the change would discard. */
export function describeRunChange(step: number, language: LanguageId = 'en'): string {
  return formatMessage(message('runChangeQuestion', { step: step.toLocaleString(getLanguage(language).locale) }), language);
}

/** Each field's label, a message of src/core/messages.ts (in every interface language). */
const FIELD_LABELS: Partial<Record<keyof LabConfig, MessageId>> = {
  target: 'fieldTarget',
  approximatorHidden: 'fieldApproximator',
  predictorHidden: 'fieldPredictor',
  learningRate: 'fieldLearningRate',
  batchSize: 'fieldBatchSize',
  errorBound: 'fieldErrorBound',
  trainLone: 'fieldLoneApproximator',
  trainSize: 'fieldTrainingSamples',
  testSize: 'fieldTestSamples',
  evalEvery: 'fieldEvaluationInterval',
  steps: 'fieldSteps',
  predictionOutput: 'fieldPredictionOutput',
  chooseType: 'fieldChooseType',
  matchParameters: 'fieldParameterMatching',
  initialization: 'fieldInitialization',
  controlPlacement: 'fieldControlPlacement',
};

function formatValue(value: unknown): string | Message {
  if (Array.isArray(value)) return value.join('-');
  if (typeof value === 'boolean') return message(value ? 'valueOn' : 'valueOff');
  return String(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields whose values differ between two configs. */
export function changedFields(before: Readonly<LabConfig>, after: Readonly<LabConfig>): (keyof LabConfig)[] {
  // In the link's parameter order (URL_PARAMS), not the object's key order, so the list reads the same however a config was built.
  const linkOrder = URL_PARAMS.map((spec) => spec.field).filter((key) => key in after);
  const keys = [...new Set<keyof LabConfig>([...linkOrder, ...(Object.keys(after) as (keyof LabConfig)[])])];
  return keys.filter((key) => !sameValue(before[key], after[key]));
}

/**
 * Folds one more edit (before → after) into the settings waiting for an answer: the fields the
 * edit changed take its values, every other field keeps the proposal's.
 */
export function mergeConfigChange(proposal: Readonly<LabConfig>, before: Readonly<LabConfig>, after: Readonly<LabConfig>): LabConfig {
  const next = { ...proposal } as Record<keyof LabConfig, unknown>;
  for (const key of changedFields(before, after)) next[key] = after[key];
  return next as unknown as LabConfig;
}

/** One message per changed field: "learning rate 0.01 → 0.05", rendered in the page's language. */
export function configChangeMessages(before: Readonly<LabConfig>, after: Readonly<LabConfig>): Message[] {
  return changedFields(before, after).map((key) => {
    const label = FIELD_LABELS[key];
    return message('configChange', { field: label ? message(label) : key, before: formatValue(before[key]), after: formatValue(after[key]) });
  });
}

/** The changes in words, one line per changed field. */
export function describeConfigChanges(before: Readonly<LabConfig>, after: Readonly<LabConfig>, language: LanguageId = 'en'): string[] {
  return configChangeMessages(before, after).map((change) => formatMessage(change, language));
}
