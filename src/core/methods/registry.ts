/**
 * Registry of the training methods (paper §V-A), keyed by MethodId: what each one trains, its step budget,
 * whether a classifier decides which inputs are approximated, its role in the comparison (and so in the NPU view),
 * where the paper describes it, and how the charts draw it. The UI, the CLI, the study and the NPU view read these facts here
 * and nowhere else. Lookup by id is safe against prototype keys: it uses a Map.
 */
import { METHOD_IDS, type MethodId } from '../config';
import type { LanguageId } from '../language';

/**
 * The step budget as a shape: `phasesPerRound` network-training phases of config.steps (N) optimizer steps each,
 * once or for config.rounds (R) rounds. listMethodPhases (budget.ts) lists the phases themselves; the registry
 * test checks that the two agree.
 */
export interface MethodBudget {
  phasesPerRound: 1 | 2;
  rounds: 'one' | 'config';
}

/**
 * The method's place in the paper's comparison (§V-A): 'proposed' is AXNet; 'baseline' the two prior methods it is
 * compared against, each an approximator plus a separate classifier (the NPU simulates them without ⊙c, Fig. 10b);
 * 'reference' the lab's extra references, weight sharing's false start (§III-A) and the lone approximator (Fig. 4c),
 * which the NPU does not simulate.
 */
export type MethodRole = 'proposed' | 'baseline' | 'reference';

export interface MethodSpec {
  id: MethodId;
  /** Display name, e.g. 'weight sharing'. */
  label: string;
  /** For tight places (the budget summary): e.g. 'lone'. */
  shortLabel: string;
  /** One sentence for tooltips. */
  description: string;
  /** The networks it trains, in words. */
  nets: string;
  /** A predictor / classifier decides which inputs are approximated; without one every input is (lone). */
  hasClassifier: boolean;
  role: MethodRole;
  budget: MethodBudget;
  /** Where the paper describes it: section, figure and the reference it cites. */
  citation: string;
  /** Chart colour, the same in the compare chart, its table and the lab's invocation chart. */
  color: string;
  /** Canvas dash pattern (CSS px), so curves stay apart without colour (print, colour blindness); null = solid. */
  dash: readonly number[] | null;
}

export const METHODS = Object.freeze({
  axnet: {
    id: 'axnet',
    label: 'AXNet',
    shortLabel: 'AXNet',
    description: 'Approximator and predictor fused by control vectors, trained end to end on J = MSE + CE (§III-B)',
    nets: 'approximation subnet + prediction subnet, fused by the control vectors c(i) (eq. 3–4)',
    hasClassifier: true,
    role: 'proposed',
    budget: { phasesPerRound: 1, rounds: 'one' },
    citation: 'Peng et al., ICCAD 2018: §III-B, Fig. 3',
    color: '#1565c0',
    dash: null,
  },
  onepass: {
    id: 'onepass',
    label: 'onepass',
    shortLabel: 'onepass',
    description: 'Mahajan et al.: train the approximator, label the data, then train the predictor once',
    nets: 'approximator, then a separate classifier on its eq. 1 labels',
    hasClassifier: true,
    role: 'baseline',
    budget: { phasesPerRound: 2, rounds: 'one' },
    citation: 'Mahajan et al., WACAS 2015 (ref. [15]): §II, Fig. 1a',
    color: '#ef6c00',
    dash: [12, 6],
  },
  iterative: {
    id: 'iterative',
    label: 'iterative',
    shortLabel: 'iterative',
    description: 'Xu et al. (DAC’17): alternate approximator and classifier for several rounds, choosing the training subset each round',
    nets: 'approximator and a separate classifier, retrained in turn for R rounds on a chosen subset (choose_type)',
    hasClassifier: true,
    role: 'baseline',
    budget: { phasesPerRound: 2, rounds: 'config' },
    citation: 'Xu et al., DAC 2017 (ref. [20]): §II',
    color: '#2e7d32',
    dash: [3, 5],
  },
  weightsharing: {
    id: 'weightsharing',
    label: 'weight sharing',
    shortLabel: 'weight sharing',
    description: 'Shared first hidden layer, J = La + Lp: the false start of §III-A, whose invocation oscillates (Fig. 2a)',
    nets: 'approximation and prediction subnets on one shared first hidden layer',
    hasClassifier: true,
    role: 'reference',
    budget: { phasesPerRound: 1, rounds: 'one' },
    citation: 'Peng et al., ICCAD 2018: §III-A, Fig. 1b, Fig. 2a',
    color: '#c62828',
    dash: [14, 5, 3, 5],
  },
  lone: {
    id: 'lone',
    label: 'lone approximator',
    shortLabel: 'lone',
    description: 'An approximator with no predictor (Fig. 4c)',
    nets: 'approximator only (every input is approximated)',
    hasClassifier: false,
    role: 'reference',
    budget: { phasesPerRound: 1, rounds: 'one' },
    citation: 'Peng et al., ICCAD 2018: Fig. 4c',
    color: '#6a1b9a',
    dash: [7, 7],
  },
} as const satisfies Readonly<Record<MethodId, MethodSpec>>);

const METHODS_BY_ID: ReadonlyMap<string, MethodSpec> = new Map(METHOD_IDS.map((id) => [id, METHODS[id]]));

/** The spec of method `id`; throws `Unsupported method: ${id}` for anything else. */
export function getMethod(id: string): MethodSpec {
  const spec = METHODS_BY_ID.get(id);
  if (spec === undefined) throw new Error(`Unsupported method: ${id}`);
  return spec;
}

/** Display name of a method (METHODS[id].label). */
export function methodLabel(id: MethodId): string {
  return METHODS[id].label;
}

/**
 * The methods' names in Simplified Chinese (issue 13): the papers' own names (AXNet, onepass, iterative) stay as
 * written; weight sharing and the lone approximator are described in words.
 */
export const METHOD_LABELS_ZH: Readonly<Record<MethodId, { label: string; shortLabel: string }>> = Object.freeze({
  axnet: { label: 'AXNet', shortLabel: 'AXNet' },
  onepass: { label: 'onepass', shortLabel: 'onepass' },
  iterative: { label: 'iterative', shortLabel: 'iterative' },
  weightsharing: { label: '权重共享', shortLabel: '权重共享' },
  lone: { label: '独立近似器', shortLabel: '独立' },
});

/** Display name of a method in `language`. */
export function methodLabelIn(id: MethodId, language: LanguageId): string {
  return language === 'zh' ? METHOD_LABELS_ZH[id].label : METHODS[id].label;
}

/** The budgets by group, methods with the same budget together: 'AXNet, weight sharing, lone: N; onepass: 2N; iterative: 2R·N'. */
export function formatStepBudgetGroups(language: LanguageId = 'en'): string {
  const groups = new Map<string, string[]>();
  for (const id of METHOD_IDS) {
    const rule = formatBudget(METHODS[id].budget);
    const name = language === 'zh' ? METHOD_LABELS_ZH[id].shortLabel : METHODS[id].shortLabel;
    groups.set(rule, [...(groups.get(rule) ?? []), name]);
  }
  return [...groups].map(([rule, labels]) => `${labels.join(language === 'zh' ? '、' : ', ')}: ${rule}`).join('; ');
}

/** The paper's baselines (§V-A): two separate networks, simulated by the NPU without ⊙c (Fig. 10b). */
export type BaselineMethodId = { [K in MethodId]: (typeof METHODS)[K]['role'] extends 'baseline' ? K : never }[MethodId];

export function isBaselineMethod(id: MethodId): id is BaselineMethodId {
  return METHODS[id].role === 'baseline';
}

/** ['onepass', 'iterative'], in METHOD_IDS order. */
export const BASELINE_METHODS: readonly BaselineMethodId[] = METHOD_IDS.filter(isBaselineMethod);
/** Methods with an NPU cost (§IV, Fig. 10b): AXNet and the baselines. */
export const NPU_METHODS: readonly MethodId[] = METHOD_IDS.filter((id) => METHODS[id].role !== 'reference');

/** The budget in symbols: 'N', '2N', '2R·N' (N = config.steps, R = config.rounds). */
export function formatBudget(budget: MethodBudget): string {
  const factor = budget.phasesPerRound === 1 ? '' : String(budget.phasesPerRound);
  return budget.rounds === 'config' ? `${factor}R·N` : `${factor}N`;
}

/** Optimizer steps of a method from its budget shape: phasesPerRound × (1 or R) × N. */
export function computeBudgetSteps(budget: MethodBudget, config: { steps: number; rounds: number }): number {
  const rounds = budget.rounds === 'config' ? Math.max(1, Math.floor(config.rounds)) : 1;
  return budget.phasesPerRound * rounds * config.steps;
}

/**
 * The step budget in one sentence, methods with the same budget together:
 * 'every network-training phase gets the same number of Adam steps N (AXNet, weight sharing, lone: N; onepass: 2N; iterative: 2R·N).'
 * METHOD_BUDGET_RULE (budget.ts) has the full rule.
 */
export const STEP_BUDGET_SUMMARY = `every network-training phase gets the same number of Adam steps N (${formatStepBudgetGroups('en')}).`;
