/**
 * Budget protocols of the §V study (issue 11): how many optimizer steps each method gets, and where its
 * result is read. Pure TS. The paper states no budget rule; each protocol is one defensible reading.
 *
 *   perPhase    every network-training phase gets N steps (the lab's METHOD_BUDGET_RULE): AXNet N, onepass 2N,
 *               iterative 2RN — 1 : 2 : 16 at R = 8. The result is read at the last step.
 *   equalSteps  every method gets the same total T of optimizer steps, split evenly over its phases
 *               (AXNet one phase of T; onepass T/2 + T/2; iterative 2R phases of T/2R). One AXNet step updates
 *               both of its nets (J = La + Lp, eq. 2) and counts once. Read at the last step.
 *   converge    the equalSteps schedule with T as the cap, early-stopped on the validation split's true invocation
 *               (findEarlyStop): the model kept is the best validation evaluation, and its training time runs to the
 *               stop step. Fig. 10a's training-time claim is measured this way.
 *
 * converge reads the very runs of equalSteps (same configs, same cache keys): a model of the batched engine trains
 * independently of the others, so the weights at step s are the same whether or not it trained past s, and
 * reading the best validation evaluation of the full run equals stopping there with the best weights restored.
 */
import type { LabConfig, MethodId } from '../config';
import { listMethodPhases } from '../methods/budget';

export const STUDY_PROTOCOLS = ['perPhase', 'equalSteps', 'converge'] as const;
export type StudyProtocol = (typeof STUDY_PROTOCOLS)[number];

/** The training schedules the protocols need: converge reads equalSteps runs. */
export const STUDY_SCHEDULES = ['perPhase', 'equalSteps'] as const;
export type StudySchedule = (typeof STUDY_SCHEDULES)[number];

export interface StudyProtocolSpec {
  id: StudyProtocol;
  label: string;
  schedule: StudySchedule;
  /** The rule in one sentence (report, Paper view). */
  rule: string;
}

export const STUDY_PROTOCOL_SPECS: Readonly<Record<StudyProtocol, StudyProtocolSpec>> = Object.freeze({
  perPhase: {
    id: 'perPhase',
    label: 'per phase (N steps per phase)',
    schedule: 'perPhase',
    rule: 'every network-training phase gets N optimizer steps: AXNet N, onepass 2N, iterative 2RN (1 : 2 : 16 at R = 8); read at the last step',
  },
  equalSteps: {
    id: 'equalSteps',
    label: 'equal total steps',
    schedule: 'equalSteps',
    rule: 'every method gets the same total T optimizer steps, split evenly over its phases (an AXNet step updates both nets and counts once); read at the last step',
  },
  converge: {
    id: 'converge',
    label: 'to convergence (early stopping)',
    schedule: 'equalSteps',
    rule: 'the equal-steps schedule with T as the cap, stopped when the validation split’s true invocation has not improved for the patience; the best validation evaluation is kept and training time runs to the stop',
  },
});

/** Checks a protocol id from outside (CLI, link, cache) and throws on the unknown. */
export function parseStudyProtocol(text: string): StudyProtocol {
  const known = STUDY_PROTOCOLS.find((p) => p === text);
  if (!known) throw new Error(`Unsupported study protocol: ${JSON.stringify(text)} (one of ${STUDY_PROTOCOLS.join(', ')})`);
  return known;
}

/**
 * Optimizer steps per phase of `method` under `schedule`: perPhase N; equalSteps T / (number of phases),
 * rounded down (so that every method's total is ≤ T and within one step per phase of it).
 */
export function stepsPerPhase(schedule: StudySchedule, method: MethodId, perPhaseSteps: number, totalSteps: number, rounds: number): number {
  if (schedule === 'perPhase') return perPhaseSteps;
  const phases = listMethodPhases({ steps: 1, rounds }, method).length;
  return Math.max(1, Math.floor(totalSteps / phases));
}

/** The early-stopping rule of the converge protocol. */
export interface EarlyStopRule {
  /** Evaluations without an improvement after which training stops. */
  patience: number;
  /** An evaluation improves on the best when it exceeds it by more than this (true invocation, a fraction). */
  minDelta: number;
}

/** Stated in the report: patience 4 evaluations, an improvement must exceed 0.5 points of true invocation. */
export const STUDY_EARLY_STOP: EarlyStopRule = Object.freeze({ patience: 4, minDelta: 0.005 });

/** Fraction of the training rows held out as the validation split (every job; the converge protocol reads it). */
export const STUDY_VALIDATION_FRACTION = 0.1;

export interface EarlyStopOutcome {
  /** Index into the curve of the evaluation kept (the best eligible one before the stop). */
  bestIndex: number;
  /** Index of the evaluation at which training stops (the last one when the patience never ran out). */
  stopIndex: number;
  /** True when the patience ran out before the cap. */
  stoppedEarly: boolean;
}

/**
 * Early stopping on a validation curve (values in step order, higher is better). Only evaluations at steps
 * ≥ firstEligibleStep count (a two-phase baseline is only read once its classifier has trained a full phase).
 * Rule: best = the first eligible value; an eligible value v improves when v > best + minDelta (it then becomes
 * best); training stops at the first evaluation that is the `patience`-th in a row without an improvement.
 * Returns null when no evaluation is eligible.
 */
export function findEarlyStop(curve: readonly { step: number; value: number }[], rule: EarlyStopRule, firstEligibleStep = 0): EarlyStopOutcome | null {
  if (!(rule.patience >= 1)) throw new RangeError(`patience must be ≥ 1, not ${rule.patience}`);
  let bestIndex = -1;
  let bestValue = Number.NEGATIVE_INFINITY;
  let stale = 0;
  for (let i = 0; i < curve.length; i++) {
    const { step, value } = curve[i];
    if (step < firstEligibleStep) continue;
    if (bestIndex < 0 || (Number.isFinite(value) && value > bestValue + rule.minDelta)) {
      bestIndex = i;
      bestValue = Number.isFinite(value) ? value : Number.NEGATIVE_INFINITY;
      stale = 0;
      continue;
    }
    stale++;
    if (stale >= rule.patience) return { bestIndex, stopIndex: i, stoppedEarly: i < curve.length - 1 };
  }
  if (bestIndex < 0) return null;
  return { bestIndex, stopIndex: curve.length - 1, stoppedEarly: false };
}

/**
 * First step at which `method`'s system is complete: the end of its first classifier phase (onepass: the whole
 * run; iterative: round 1), or 0 for the joint methods (AXNet, weight sharing) whose predictor trains from step 1.
 */
export function firstEligibleStep(config: Pick<LabConfig, 'steps' | 'rounds'>, method: MethodId): number {
  let step = 0;
  for (const phase of listMethodPhases(config, method)) {
    if (phase.kind === 'joint') return 0;
    step += phase.steps;
    if (phase.kind === 'classifier') return step;
  }
  return 0;
}
