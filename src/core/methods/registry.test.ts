import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, METHOD_IDS } from '../config';
import { computeMethodTotalSteps, describeMethodPhase, listMethodPhases } from './budget';
import {
  METHODS,
  METHOD_LABELS_ZH,
  formatStepBudgetGroups,
  methodLabelIn,
  BASELINE_METHODS,
  NPU_METHODS,
  STEP_BUDGET_SUMMARY,
  computeBudgetSteps,
  formatBudget,
  getMethod,
  isBaselineMethod,
  methodLabel,
} from './registry';

describe('method registry', () => {
  it('has exactly one entry per METHOD_IDS id, each naming its own id', () => {
    expect(Object.keys(METHODS).sort()).toEqual([...METHOD_IDS].sort());
    for (const id of METHOD_IDS) {
      expect(METHODS[id].id).toBe(id);
      expect(getMethod(id)).toBe(METHODS[id]);
      expect(methodLabel(id)).toBe(METHODS[id].label);
      expect(METHODS[id].label.length).toBeGreaterThan(0);
      expect(METHODS[id].citation).toMatch(/§|Fig\./);
    }
  });

  it('gives every method its own label, colour and dash', () => {
    const distinct = (values: readonly string[]) => new Set(values).size === values.length;
    expect(distinct(METHOD_IDS.map((id) => METHODS[id].label))).toBe(true);
    expect(distinct(METHOD_IDS.map((id) => METHODS[id].color))).toBe(true);
    expect(distinct(METHOD_IDS.map((id) => JSON.stringify(METHODS[id].dash)))).toBe(true);
  });

  it('refuses unknown and prototype ids', () => {
    expect(() => getMethod('nope')).toThrow('Unsupported method: nope');
    expect(() => getMethod('__proto__')).toThrow(/Unsupported method/);
    expect(() => getMethod('constructor')).toThrow(/Unsupported method/);
  });

  it('states budgets that agree with listMethodPhases for any steps and rounds', () => {
    for (const steps of [1, 7, 300]) {
      for (const rounds of [1, 2, 5]) {
        const config = { ...DEFAULT_CONFIG, steps, rounds };
        for (const id of METHOD_IDS) {
          const phases = listMethodPhases(config, id);
          expect(computeBudgetSteps(METHODS[id].budget, config)).toBe(computeMethodTotalSteps(config, id));
          const roundsRun = METHODS[id].budget.rounds === 'config' ? rounds : 1;
          expect(phases).toHaveLength(METHODS[id].budget.phasesPerRound * roundsRun);
          expect(phases.every((phase) => phase.steps === steps)).toBe(true);
        }
      }
    }
  });

  it('says which methods have a classifier: every phase list with a classifier or joint phase', () => {
    for (const id of METHOD_IDS) {
      const kinds = listMethodPhases(DEFAULT_CONFIG, id).map((phase) => phase.kind);
      expect(METHODS[id].hasClassifier).toBe(kinds.some((kind) => kind !== 'approximator'));
    }
  });

  it('lists the baselines (two networks: approximator, then classifier) and the NPU methods', () => {
    expect(BASELINE_METHODS).toEqual(['onepass', 'iterative']);
    expect(NPU_METHODS).toEqual(['axnet', 'onepass', 'iterative']);
    expect(isBaselineMethod('weightsharing')).toBe(false);
    for (const id of BASELINE_METHODS) {
      expect(METHODS[id].hasClassifier).toBe(true);
      expect(listMethodPhases(DEFAULT_CONFIG, id).map((phase) => phase.kind)).toEqual(expect.arrayContaining(['approximator', 'classifier']));
    }
  });

  it('writes budgets in symbols and one summary sentence', () => {
    expect(formatBudget(METHODS.axnet.budget)).toBe('N');
    expect(formatBudget(METHODS.onepass.budget)).toBe('2N');
    expect(formatBudget(METHODS.iterative.budget)).toBe('2R·N');
    expect(STEP_BUDGET_SUMMARY).toBe('every network-training phase gets the same number of Adam steps N (AXNet, weight sharing, lone: N; onepass: 2N; iterative: 2R·N).');
  });
});

describe('the methods in Chinese', () => {
  it('names every method, keeping the papers’ own names as written', () => {
    expect(Object.keys(METHOD_LABELS_ZH).sort()).toEqual(Object.keys(METHODS).sort());
    expect(methodLabelIn('axnet', 'zh')).toBe('AXNet');
    expect(methodLabelIn('weightsharing', 'zh')).toBe('权重共享');
    expect(methodLabelIn('weightsharing', 'en')).toBe('weight sharing');
    for (const id of ['weightsharing', 'lone'] as const) expect(METHOD_LABELS_ZH[id].label).toMatch(/[\u3400-\u9fff]/);
  });

  it('groups the budgets in either language', () => {
    expect(formatStepBudgetGroups('zh')).toBe('AXNet、权重共享、独立: N; onepass: 2N; iterative: 2R·N');
    expect(formatStepBudgetGroups()).toBe('AXNet, weight sharing, lone: N; onepass: 2N; iterative: 2R·N');
  });
});

describe('phase labels in every interface language', () => {
  it("each phase carries its message: the label is its English, and the page shows it in the user's language; a phase without one shows its label", () => {
    const config = { steps: 10, rounds: 3 };
    const phases = Object.fromEntries((['iterative', 'axnet', 'weightsharing', 'onepass'] as const).map((method) => [method, listMethodPhases(config, method)]));
    for (const list of Object.values(phases)) for (const phase of list) expect(describeMethodPhase(phase.label, phase.message ?? null, 'en')).toBe(phase.label);
    const round2 = phases.iterative.find((p) => p.label === 'round 2/3 · classifier')!;
    expect(describeMethodPhase(round2.label, round2.message ?? null, 'zh')).toBe('第 2/3 轮 · 分类器');
    expect(describeMethodPhase(phases.axnet[0].label, phases.axnet[0].message ?? null, 'en')).toBe('AXNet · J = La + Lp');
    expect(describeMethodPhase(phases.weightsharing[0].label, phases.weightsharing[0].message ?? null, 'zh')).toBe('权重共享 · J = La + Lp（联合训练）');
    expect(describeMethodPhase(phases.onepass[0].label, phases.onepass[0].message ?? null, 'zh')).toBe('近似器');
    expect(describeMethodPhase('DRUM-4 fine-tune', null, 'zh')).toBe('DRUM-4 fine-tune');
  });
});
