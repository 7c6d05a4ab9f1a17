/**
 * The training budget of every method, in one place (issue #3 §1; paper §V-A compares methods at equal
 * optimizer, activation and losses — the budget rule below is the lab's, stated so the UI can quote it).
 */
import type { LabConfig, MethodId } from '../config';
import type { LanguageId } from '../language';
import { formatMessage, message, type Message } from '../messages';

/** The rule, in words (the message 'methodBudgetRule' in English; the UI shows it in its language). */
export const METHOD_BUDGET_RULE = formatMessage(message('methodBudgetRule'), 'en');

/** Which network a phase trains, and with which loss. */
export type PhaseKind =
  /** J = La + Lp with p_label per batch (eq. 1–2): AXNet, weight sharing. */
  | 'joint'
  /** La = MSE of H(x) alone. */
  | 'approximator'
  /** Lp = cross-entropy of the classifier against fixed eq. 1 labels of the training data. */
  | 'classifier';

export interface MethodPhase {
  /** Shown in the UI, e.g. 'round 3/8 · classifier': `message` in English (the worker posts it; logs and the CLI print it). */
  label: string;
  /** The label in every interface language (src/core/messages.ts); the lab's methods have one, AxTrain's and NAS's programs not. */
  message?: Message;
  kind: PhaseKind;
  /** Optimizer steps of this phase (always config.steps). */
  steps: number;
  /** Iterative round, 1-based (1 for the one-round methods). */
  round: number;
}

/** The phases of a method in training order; their steps add up to computeMethodTotalSteps. */
export function listMethodPhases(config: Pick<LabConfig, 'steps' | 'rounds'>, method: MethodId): MethodPhase[] {
  const steps = config.steps;
  const phase = (kind: PhaseKind, round: number, shown: Message): MethodPhase => ({ label: formatMessage(shown, 'en'), message: shown, kind, steps, round });
  const joint = (name: Message) => message('phaseJoint', { method: name });
  switch (method) {
    case 'axnet':
      return [phase('joint', 1, joint(message('methodAxnet')))];
    case 'weightsharing':
      return [phase('joint', 1, joint(message('methodWeightSharing')))];
    case 'lone':
      return [phase('approximator', 1, message('phaseApproximator'))];
    case 'onepass':
      return [phase('approximator', 1, message('phaseApproximator')), phase('classifier', 1, message('phaseClassifier'))];
    case 'iterative': {
      const rounds = Math.max(1, Math.floor(config.rounds));
      const phases: MethodPhase[] = [];
      for (let r = 1; r <= rounds; r++) {
        phases.push(phase('approximator', r, message('phaseRound', { round: r, rounds, part: message('phaseApproximator') })));
        phases.push(phase('classifier', r, message('phaseRound', { round: r, rounds, part: message('phaseClassifier') })));
      }
      return phases;
    }
    default: {
      const unknown: never = method;
      throw new Error(`Unsupported method: ${String(unknown)}`);
    }
  }
}

/** A phase a worker posted, in `language`: its message (MethodPhase.message) when it has one, else its label as posted. */
export function describeMethodPhase(label: string, phaseMessage: Message | null, language: LanguageId): string {
  return phaseMessage ? formatMessage(phaseMessage, language) : label;
}

/** Total optimizer steps of a method (METHOD_BUDGET_RULE). AXNet: config.steps. */
export function computeMethodTotalSteps(config: Pick<LabConfig, 'steps' | 'rounds'>, method: MethodId): number {
  return listMethodPhases(config, method).reduce((sum, phase) => sum + phase.steps, 0);
}
