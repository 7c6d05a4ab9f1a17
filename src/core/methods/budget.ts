/**
 * The training budget of every method, in one place (issue #3 §1; paper §V-A compares methods at equal
 * optimizer, activation and losses — the budget rule below is the lab's, stated so the UI can quote it).
 */
import type { LabConfig, MethodId } from '../config';

/** The rule, in words, for the UI. */
export const METHOD_BUDGET_RULE =
  'Every network-training phase gets config.steps optimizer steps (Adam, batches of config.batchSize drawn with replacement ' +
  "from that phase's data). AXNet, weight sharing and the lone approximator train in one phase: steps. Onepass: approximator " +
  'steps, then classifier steps (2 × steps). Iterative: R rounds × (approximator steps + classifier steps) (2R × steps).';

/** Which network a phase trains, and with which loss. */
export type PhaseKind =
  /** J = La + Lp with p_label per batch (eq. 1–2): AXNet, weight sharing. */
  | 'joint'
  /** La = MSE of H(x) alone. */
  | 'approximator'
  /** Lp = cross-entropy of the classifier against fixed eq. 1 labels of the training data. */
  | 'classifier';

export interface MethodPhase {
  /** Shown in the UI, e.g. 'round 3/8 · classifier'. */
  label: string;
  kind: PhaseKind;
  /** Optimizer steps of this phase (always config.steps). */
  steps: number;
  /** Iterative round, 1-based (1 for the one-round methods). */
  round: number;
}

/** The phases of a method in training order; their steps add up to computeMethodTotalSteps. */
export function listMethodPhases(config: Pick<LabConfig, 'steps' | 'rounds'>, method: MethodId): MethodPhase[] {
  const steps = config.steps;
  switch (method) {
    case 'axnet':
      return [{ label: 'AXNet · J = La + Lp', kind: 'joint', steps, round: 1 }];
    case 'weightsharing':
      return [{ label: 'weight sharing · J = La + Lp', kind: 'joint', steps, round: 1 }];
    case 'lone':
      return [{ label: 'approximator', kind: 'approximator', steps, round: 1 }];
    case 'onepass':
      return [
        { label: 'approximator', kind: 'approximator', steps, round: 1 },
        { label: 'classifier', kind: 'classifier', steps, round: 1 },
      ];
    case 'iterative': {
      const rounds = Math.max(1, Math.floor(config.rounds));
      const phases: MethodPhase[] = [];
      for (let r = 1; r <= rounds; r++) {
        phases.push({ label: `round ${r}/${rounds} · approximator`, kind: 'approximator', steps, round: r });
        phases.push({ label: `round ${r}/${rounds} · classifier`, kind: 'classifier', steps, round: r });
      }
      return phases;
    }
    default: {
      const unknown: never = method;
      throw new Error(`Unsupported method: ${String(unknown)}`);
    }
  }
}

/** Total optimizer steps of a method (METHOD_BUDGET_RULE). AXNet: config.steps. */
export function computeMethodTotalSteps(config: Pick<LabConfig, 'steps' | 'rounds'>, method: MethodId): number {
  return listMethodPhases(config, method).reduce((sum, phase) => sum + phase.steps, 0);
}
