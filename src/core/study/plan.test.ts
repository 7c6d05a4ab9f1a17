import { describe, expect, it } from 'vitest';
import { CONFIG_LIMITS, METHOD_IDS } from '../config';
import { DEFAULT_CONFIG } from '../config';
import {
  buildStudyPlan,
  computeJobKey,
  countTopologyParameters,
  describeTopology,
  STUDY_BENCHMARKS,
  STUDY_BOUND_SWEEPS,
  STUDY_BOUNDS,
  STUDY_FIGURE_IDS,
  stableStringify,
} from './plan';
import { computeMethodTotalSteps } from '../methods/budget';

describe('buildStudyPlan', () => {
  for (const size of ['full', 'quick'] as const) {
    it(`covers every figure with complete, seeded configs (${size})`, () => {
      const plan = buildStudyPlan(size);
      for (const figure of STUDY_FIGURE_IDS)
        expect(
          plan.jobs.some((j) => j.figures.includes(figure)),
          figure,
        ).toBe(true);
      const ids = plan.jobs.map((j) => j.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const job of plan.jobs) {
        expect(METHOD_IDS).toContain(job.method);
        expect(job.config.methods).toEqual([job.method]);
        expect(job.config.target).toBe(job.target);
        expect(job.config.seed).toBe(job.seed);
        expect(plan.seeds).toContain(job.seed);
        expect(job.config.errorBound).toBe(job.bound);
        expect(job.config.backend).toBe('cpu');
        expect(job.config.steps).toBeGreaterThan(0);
        expect(job.config.steps).toBeLessThanOrEqual(CONFIG_LIMITS.steps.max);
        expect(job.config.trainSize).toBeGreaterThanOrEqual(CONFIG_LIMITS.trainSize.min);
        expect(job.cost).toBeGreaterThan(0);
        expect(job.label.length).toBeGreaterThan(0);
      }
    });
  }

  it('compares the three methods on every benchmark with the same data and bound; AXNet parameter-matched', () => {
    const plan = buildStudyPlan('full');
    for (const target of STUDY_BENCHMARKS) {
      const jobs = plan.jobs.filter((j) => j.figures.includes('fig6') && j.target === target && j.seed === 1 && j.bound === STUDY_BOUNDS[target] && j.schedule === 'perPhase');
      expect(jobs.map((j) => j.method).sort()).toEqual(['axnet', 'iterative', 'onepass']);
      const pick = (j: (typeof jobs)[number]) => [
        j.config.seed,
        j.config.trainSize,
        j.config.testSize,
        j.config.errorBound,
        j.config.steps,
        j.config.approximatorHidden,
        j.config.predictorHidden,
      ];
      expect(pick(jobs[1])).toEqual(pick(jobs[0]));
      expect(pick(jobs[2])).toEqual(pick(jobs[0]));
      for (const job of jobs) expect(job.config.matchParameters).toBe(job.method === 'axnet');
    }
  });

  it('uses the paper topologies for Fig. 9 and Fig. 10c', () => {
    const plan = buildStudyPlan('full');
    const axnet = plan.jobs.find((j) => j.id === 'fig9/jpeg/axnet/h6-c4')!;
    expect(axnet.topology).toEqual({ approximator: [64, 6, 64], predictor: [64, 4, 8] });
    expect(countTopologyParameters(axnet.topology)).toBe(1138);
    expect(countTopologyParameters(describeTopology('jpeg', 'iterative', [16], [16]))).toBe(3202);
    expect(plan.jobs.find((j) => j.id === 'fig10c/jpeg/all')!.topology.predictor).toEqual([64, 12, 18]);
    expect(plan.jobs.find((j) => j.id === 'fig10c/jpeg/first')!.topology.predictor).toEqual([64, 12, 10]);
    expect(plan.jobs.find((j) => j.id === 'fig10c/sobel/all')!.topology).toEqual({ approximator: [9, 6, 6, 1], predictor: [9, 8, 14] });
    expect(plan.jobs.find((j) => j.id === 'fig10c/sobel/second')!.topology.predictor).toEqual([9, 8, 8]);
    expect(plan.jobs.filter((j) => j.figures.includes('fig9') && j.method === 'iterative').length).toBeGreaterThanOrEqual(2);
    expect(plan.jobs.find((j) => j.id === 'fig6/jpeg/iterative')!.config.rounds).toBe(8);
  });

  it('is deterministic, and quick is much smaller than full and says so', () => {
    expect(stableStringify(buildStudyPlan('quick'))).toBe(stableStringify(buildStudyPlan('quick')));
    const quick = buildStudyPlan('quick');
    const full = buildStudyPlan('full');
    const cost = (p: typeof quick) => p.jobs.reduce((s, j) => s + j.cost, 0);
    expect(cost(quick) * 20).toBeLessThan(cost(full));
    expect(quick.budget.steps).toBeLessThanOrEqual(200);
    expect(full.budget.steps).toBeGreaterThanOrEqual(2000);
    expect(full.budget.rounds).toBe(8);
    expect(quick.budgetStatement).toMatch(/not full-budget/i);
    expect(full.budgetStatement).not.toMatch(/quick/i);
  });

  it('keys jobs by a hash of what determines their numbers', () => {
    const [a, b] = buildStudyPlan('quick').jobs;
    expect(computeJobKey(a)).toBe(computeJobKey(buildStudyPlan('quick').jobs[0]));
    expect(computeJobKey(a)).not.toBe(computeJobKey(b));
    expect(computeJobKey({ ...a, config: { ...a.config, seed: 2 } })).not.toBe(computeJobKey(a));
    expect(stableStringify({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });

  it("starts every job from the authors' initialization (zero biases, ⊙c after the activation) unless asked for biases 0.1", () => {
    const faithful = buildStudyPlan('quick');
    expect(faithful.initialization).toBe('authorsZeroBias');
    for (const job of faithful.jobs) expect([job.config.initialization, job.config.controlPlacement]).toEqual(['authorsZeroBias', 'afterActivation']);
    expect(faithful.budgetStatement).toMatch(/Initialization: authors’ code: zero biases \(kernels N\(0, 0\.1\), biases 0\)/);
    // The lab's default link keeps biases 0.1; the study can run under it too, with the same job ids and other cache keys.
    expect(DEFAULT_CONFIG.initialization).toBe('bias0.1');
    const tenth = buildStudyPlan('quick', { initialization: 'bias0.1' });
    expect(tenth.jobs.map((j) => j.id)).toEqual(faithful.jobs.map((j) => j.id));
    for (const [k, job] of tenth.jobs.entries()) {
      expect(job.config).toEqual({ ...faithful.jobs[k].config, initialization: 'bias0.1' });
      expect(computeJobKey(job)).not.toBe(computeJobKey(faithful.jobs[k]));
    }
    expect(tenth.budgetStatement).toMatch(/biases 0\.1/);
    expect(() => buildStudyPlan('quick', { initialization: 'glorot' as never })).toThrow(/Unsupported initialization/);
  });

  it('fails loudly on an unknown size', () => {
    expect(() => buildStudyPlan('huge' as never)).toThrow(/Unsupported study size/);
  });

  it('sweeps ≥ 5 ascending bounds per benchmark, each cell × every seed, under the schedules its protocols need', () => {
    const plan = buildStudyPlan('quick', { seeds: 3 });
    expect(plan.protocols).toEqual(['perPhase', 'equalSteps', 'converge']);
    expect(plan.schedules).toEqual(['perPhase', 'equalSteps']);
    expect(plan.seeds).toEqual([1, 2, 3]);
    for (const target of STUDY_BENCHMARKS) {
      const bounds = STUDY_BOUND_SWEEPS[target];
      expect(bounds.length).toBeGreaterThanOrEqual(5);
      expect([...bounds].sort((a, b) => a - b)).toEqual(bounds);
      expect(bounds).toContain(STUDY_BOUNDS[target]);
      for (const schedule of plan.schedules)
        for (const method of ['onepass', 'iterative', 'axnet'] as const)
          for (const bound of bounds) {
            const cell = plan.jobs.filter((j) => j.cell === `fig6/${target}/${method}` && j.bound === bound && j.schedule === schedule);
            expect(cell.map((j) => j.seed)).toEqual([1, 2, 3]);
          }
    }
    expect(buildStudyPlan('quick', { protocols: ['converge'], seeds: 1 }).schedules).toEqual(['equalSteps']);
    expect(() => buildStudyPlan('quick', { protocols: [] })).toThrow(/at least one protocol/);
    expect(() => buildStudyPlan('quick', { seeds: 0 })).toThrow(/seeds/);
  });

  it("with bounds 'study' trains Fig. 6–8 at each benchmark's study bound only: the one-seed perPhase plan of docs/reproduce-full/ (41 jobs)", () => {
    const sweep = buildStudyPlan('full', { seeds: 1, protocols: ['perPhase'] });
    const single = buildStudyPlan('full', { seeds: 1, protocols: ['perPhase'], bounds: 'study' });
    expect(single.jobs.length).toBe(41);
    for (const target of STUDY_BENCHMARKS) {
      expect(single.bounds[target]).toEqual([STUDY_BOUNDS[target]]);
      expect(new Set(single.jobs.filter((j) => j.cell.startsWith(`fig6/${target}/`)).map((j) => j.bound))).toEqual(new Set([STUDY_BOUNDS[target]]));
    }
    // The same jobs as the sweep's at the study bound: same ids, configs and cache keys (a cache serves both).
    const sweepById = new Map(sweep.jobs.map((j) => [j.id, j]));
    for (const job of single.jobs) expect(computeJobKey(job)).toBe(computeJobKey(sweepById.get(job.id)!));
    expect(sweep.jobs.length - single.jobs.length).toBe(STUDY_BENCHMARKS.length * 3 * 4);
    expect(() => buildStudyPlan('full', { bounds: 'some' as never })).toThrow(/Unsupported bound choice/);
  });

  it('gives every method the same total steps under equalSteps, and N per phase under perPhase', () => {
    const plan = buildStudyPlan('full', { seeds: 1 });
    const totals = (schedule: string, target: string) =>
      ['onepass', 'iterative', 'axnet'].map((method) => {
        const job = plan.jobs.find((j) => j.cell === `fig6/${target}/${method}` && j.schedule === schedule && j.bound === STUDY_BOUNDS[j.target])!;
        return computeMethodTotalSteps(job.config, job.method);
      });
    expect(totals('equalSteps', 'sobel')).toEqual([16000, 16000, 16000]);
    expect(totals('equalSteps', 'jpeg')).toEqual([10000, 10000, 10000]);
    expect(totals('perPhase', 'sobel')).toEqual([8000, 64000, 4000]);
  });
});
