import { describe, expect, it } from 'vitest';
import { compareWithPaper, computeAverageRelativeGain, computeLeadClaims, computeStudyClaims, formatLeadClaim, formatStudyClaim, judgeLeadClaim } from './claims';
import { formatMessage } from '../messages';
import { comparePaired } from './stats';
import { buildStudyFigures, computeOscillation, computeRatioRows, normalizedOverallError } from './figures';
import { buildStudyPlan as buildFullStudyPlan, QUICK_BUDGET_NOTE, type StudySize, type StudyPlan } from './plan';
import { projectStudyView } from './protocolView';
import type { JobResult } from './results';
import { makeFakeResult, type FakeNumbers } from './testing';

/** The one-run shape the per-claim rules read: one job per cell at the study bound (projectStudyView of one seed, per phase). */
function buildStudyPlan(size: StudySize): StudyPlan {
  return projectStudyView(buildFullStudyPlan(size, { seeds: 1, protocols: ['perPhase'] }), {}, 'perPhase').plan;
}

/** Results for every job: AXNet 0.6, iterative 0.5, onepass 0.4 true invocation unless overridden. */
function fakeResults(plan: StudyPlan, override: (id: string) => FakeNumbers | undefined = () => undefined): Record<string, JobResult> {
  const base: Record<string, FakeNumbers> = {
    axnet: { trueInvocation: 0.6, overallError: 0.01, params: 100, trainingMs: 1000 },
    iterative: { trueInvocation: 0.5, overallError: 0.012, params: 100, trainingMs: 10000 },
    onepass: { trueInvocation: 0.4, overallError: 0.02, params: 100, trainingMs: 2000 },
    weightsharing: { history: [0.1, 0.5, 0.1, 0.5, 0.1, 0.5, 0.1, 0.2] },
  };
  const results: Record<string, JobResult> = {};
  for (const job of plan.jobs) results[job.id] = makeFakeResult(job, { ...base[job.method], ...override(job.id) });
  return results;
}

describe('claim math', () => {
  it('averages the relative gain of AXNet over a baseline, skipping zero baselines', () => {
    expect(
      computeAverageRelativeGain([
        { axnet: 0.6, base: 0.4 },
        { axnet: 0.5, base: 0.5 },
      ]).gain,
    ).toBeCloseTo(0.25, 12);
    const skipped = computeAverageRelativeGain([
      { axnet: 0.3, base: 0 },
      { axnet: 0.3, base: 0.2 },
    ]);
    expect(skipped).toEqual({ gain: expect.closeTo(0.5, 12), used: 1, skipped: 1 });
    expect(computeAverageRelativeGain([]).gain).toBeNull();
  });

  it('reports agreement within the tolerance and says how ours differs otherwise', () => {
    const f = (v: number) => v.toFixed(2);
    expect(compareWithPaper(0.5, 0.55, f).verdict).toBe('agrees');
    expect(formatMessage(compareWithPaper(0.5, 0.1, f).text, 'en')).toMatch(/^differs: .*same direction, smaller/);
    expect(formatMessage(compareWithPaper(0.5, -0.2, f).text, 'en')).toMatch(/opposite direction/);
    expect(compareWithPaper(0.5, null, f).verdict).toBe('not computed');
  });

  it('computes the paper’s claims the same way from results', () => {
    const plan = buildStudyPlan('full');
    const claims = computeStudyClaims(plan, fakeResults(plan)).map((c) => formatStudyClaim(c, 'en'));
    const byId = Object.fromEntries(claims.map((c) => [c.id, c]));
    // 0.6 / 0.4 − 1 = +50 % vs onepass (paper +50.7 %: agrees); 0.6 / 0.5 − 1 = +20 % vs iterative (paper +30.8 %: differs).
    expect(byId['gain-vs-onepass'].oursValue).toBeCloseTo(0.5, 12);
    expect(byId['gain-vs-onepass'].verdict).toBe('agrees');
    expect(byId['gain-vs-iterative'].oursValue).toBeCloseTo(0.2, 12);
    expect(byId['gain-vs-iterative'].verdictText).toMatch(/^differs: ours \+20\.0 % vs paper \+30\.8 %/);
    expect(byId['highest-everywhere'].verdict).toBe('agrees');
    expect(byId['ratio-kmeans'].oursValue).toBeCloseTo(1.2, 12);
    // Training time 1000 vs 10000 ms: −90 % on average, 10× speed-ups.
    expect(byId['time-average'].oursValue).toBeCloseTo(0.9, 12);
    expect(byId['speedup-bessel_Jnu'].oursValue).toBeCloseTo(10, 12);
    expect(byId['fig2-stability'].verdict).toBe('agrees');
    expect(byId['fusion-equivalent'].verdict).toBe('agrees');
    expect(byId['error-vs-onepass'].verdict).toBe('agrees');
    for (const claim of claims) {
      expect(claim.formula.length).toBeGreaterThan(10);
      expect(claim.verdictText).toMatch(/^(agrees|differs|not computed)/);
      if (claim.verdict === 'differs') expect(claim.verdictText).toMatch(/^differs: /);
    }
  });

  it('never hides a difference and labels quick results', () => {
    const plan = buildStudyPlan('quick');
    const results = fakeResults(plan, (id) => (id.endsWith('/axnet') && id.startsWith('fig6/') ? { trueInvocation: 0.3 } : undefined));
    const claims = computeStudyClaims(plan, results).map((c) => formatStudyClaim(c, 'en'));
    const gain = claims.find((c) => c.id === 'gain-vs-onepass')!;
    expect(gain.verdict).toBe('differs');
    expect(gain.verdictText).toContain('opposite direction');
    for (const claim of claims) expect(claim.verdictText.startsWith(`${QUICK_BUDGET_NOTE}: `)).toBe(true);
    expect(claims.find((c) => c.id === 'highest-everywhere')!.ours).toMatch(/^0\/7 \(not on /);
  });

  it('marks claims whose results are missing as not computed', () => {
    const claims = computeStudyClaims(buildStudyPlan('full'), {});
    expect(claims.every((c) => c.verdict === 'not computed')).toBe(true);
  });
});

describe('figures', () => {
  it('normalizes the overall error to onepass and returns n/a when undefined', () => {
    const plan = buildStudyPlan('full');
    const results = fakeResults(plan);
    expect(normalizedOverallError(results, 'jpeg', 'axnet')).toBeCloseTo(0.5, 12);
    expect(normalizedOverallError(results, 'jpeg', 'onepass')).toBe(1);
    const none = fakeResults(plan, (id) => (id === 'fig6/jpeg/axnet' ? { predictedInvocation: 0 } : undefined));
    expect(normalizedOverallError(none, 'jpeg', 'axnet')).toBeNull();
  });

  it('picks the smallest AXNet within 5 points of iterative for Fig. 10a', () => {
    const plan = buildStudyPlan('full');
    const results = fakeResults(plan, (id) => {
      if (id === 'fig10a/bessel_Jnu/axnet-small') return { trueInvocation: 0.46, params: 40, trainingMs: 500 };
      if (id === 'fig6/fft/axnet') return { trueInvocation: 0.2 };
      if (id === 'fig10a/fft/axnet-small') return { trueInvocation: 0.1, params: 20 };
      if (id === 'fig9/jpeg/axnet/h2-c2') return { trueInvocation: 0.1, params: 400 };
      if (id === 'fig9/jpeg/axnet/h4-c4') return { trueInvocation: 0.3, params: 700 };
      if (id === 'fig9/jpeg/axnet/h6-c4') return { trueInvocation: 0.5, params: 1138, trainingMs: 1000 };
      if (id === 'fig9/jpeg/axnet/h8-c8') return { trueInvocation: 0.6, params: 2000 };
      if (id === 'fig6/jpeg/axnet') return { trueInvocation: 0.6, params: 3410 };
      if (id === 'fig6/jpeg/iterative') return { trueInvocation: 0.52, params: 3336, trainingMs: 32000 };
      return undefined;
    });
    const rows = Object.fromEntries(computeRatioRows(plan, results).map((r) => [r.target, r]));
    expect(rows.bessel_Jnu).toMatchObject({ axnetJob: 'fig10a/bessel_Jnu/axnet-small', paramRatio: 0.4, timeRatio: 0.05, basis: 'invocation-matched' });
    expect(rows.fft).toMatchObject({ axnetJob: 'fig6/fft/axnet', basis: 'size-matched' });
    expect(rows.jpeg).toMatchObject({ axnetJob: 'fig9/jpeg/axnet/h6-c4', iterativeJob: 'fig6/jpeg/iterative', axnetParams: 1138, iterativeParams: 3336, timeRatio: 1 / 32 });
    const claims = Object.fromEntries(computeStudyClaims(plan, results).map((c) => [c.id, c]));
    expect(claims['speedup-jpeg'].oursValue).toBeCloseTo(32, 12);
    expect(claims['speedup-jpeg'].verdict).toBe('agrees');
    expect(claims['jpeg-param-reduction'].oursValue).toBeCloseTo(1 - 1138 / 3336, 12);
    expect(formatStudyClaim(claims['jpeg-param-reduction'], 'en').ours).toMatch(/^−65\.9 % \(1138 vs 3336, invocation-matched\)/);
  });

  it('writes a parameter "reduction" below zero as more parameters (+2.2 %), never as −-2.2 %', () => {
    const plan = buildStudyPlan('full');
    // Only the size-matched AXNet (3410 parameters) comes within 5 points of iterative (3336): 1 − 3410/3336 = −2.2 %.
    const results = fakeResults(plan, (id) => {
      if (id.startsWith('fig9/jpeg/axnet/')) return { trueInvocation: 0.1, params: 400 };
      if (id === 'fig6/jpeg/axnet') return { trueInvocation: 0.6, params: 3410 };
      if (id === 'fig6/jpeg/iterative') return { trueInvocation: 0.6, params: 3336 };
      return undefined;
    });
    const claim = computeStudyClaims(plan, results).find((c) => c.id === 'jpeg-param-reduction')!;
    expect(claim.oursValue).toBeCloseTo(1 - 3410 / 3336, 12);
    const row = formatStudyClaim(claim, 'en');
    expect(row.ours).toMatch(/^\+2\.2 % \(3410 vs 3336, invocation-matched\)/);
    expect(row.verdictText).toContain('ours +2.2 % vs paper −60.0 % (opposite direction)');
    expect(`${row.ours} ${row.verdictText}`).not.toMatch(/−-|--/);
  });

  it('writes an AXNet slower than iterative as +200.0 % training time, never −-200.0 %', () => {
    const plan = buildStudyPlan('full');
    const results = fakeResults(plan, (id) => (id.includes('/iterative') ? { trainingMs: 1000 } : id.includes('/axnet') ? { trainingMs: 3000 } : undefined));
    const claim = computeStudyClaims(plan, results).find((c) => c.id === 'time-average')!;
    expect(claim.oursValue).toBeCloseTo(-2, 12);
    const row = formatStudyClaim(claim, 'en');
    expect(row.ours).toMatch(/^\+200\.0 % over 7 benchmarks/);
    expect(row.verdictText).toContain('ours +200.0 % vs paper −74.0 %');
  });

  it('measures oscillation on the second half of training', () => {
    expect(computeOscillation({ history: [] })).toEqual({ meanAbsStep: 0, range: 0 });
    const result = makeFakeResult(buildStudyPlan('quick').jobs[0], { history: [0, 0, 0.2, 0.4, 0.2] });
    const o = computeOscillation(result);
    expect(o.meanAbsStep).toBeCloseTo(0.2, 12);
    expect(o.range).toBeCloseTo(0.2, 12);
  });

  it('builds every figure with finite chart values and lists missing jobs', () => {
    const plan = buildStudyPlan('quick');
    const figures = buildStudyFigures(plan, fakeResults(plan));
    expect(figures.map((f) => f.id)).toEqual(['fig2', 'fig6', 'fig7', 'fig8', 'fig9', 'fig10a', 'fig10c']);
    for (const figure of figures) {
      expect(figure.missing).toEqual([]);
      expect(figure.quick).toBe(true);
      expect(figure.caption).toContain(QUICK_BUDGET_NOTE);
      expect(figure.table.rows.length).toBeGreaterThan(0);
      for (const row of figure.table.rows) expect(row).toHaveLength(figure.table.header.length);
    }
    const empty = buildStudyFigures(plan, {});
    expect(empty.find((f) => f.id === 'fig6')!.missing).toContain('fig6/jpeg/axnet');
  });
});

describe('leading claims (per protocol, seeds and bounds)', () => {
  const plan = buildFullStudyPlan('quick', { seeds: 3 });

  it('agrees only when the paired comparison goes the paper’s way and the size is close', () => {
    const claims = Object.fromEntries(computeLeadClaims(plan, fakeResults(plan)).map((c) => [c.id, formatLeadClaim(c, 'en')]));
    for (const protocol of ['perPhase', 'equalSteps', 'converge'] as const) {
      const onepass = claims['gain-vs-onepass'].readings.find((r) => r.protocol === protocol)!;
      // 0.6 vs 0.4 on every benchmark, bound and seed: +50 % ± 0, 105 of 105 pairs higher.
      expect(onepass.spread.mean).toBeCloseTo(0.5, 12);
      expect(onepass.spread.n).toBe(3);
      expect(onepass.paired).toMatchObject({ wins: 105, losses: 0, direction: 'higher' });
      expect(onepass.verdict).toBe('agrees');
      // 0.6 vs 0.5: +20 %, right direction but outside ±25 % of +30.8 % and outside 2 std (0).
      const iterative = claims['gain-vs-iterative'].readings.find((r) => r.protocol === protocol)!;
      expect(iterative.verdict).toBe('differs');
      expect(iterative.verdictText).toMatch(/same direction .* smaller/);
      expect(claims['highest-everywhere'].readings.find((r) => r.protocol === protocol)!.ours).toMatch(/^7\/7/);
    }
    // Training time 1000 vs 10000 ms: −90 % (paper −74 %: within 25 %), every pair faster.
    expect(claims['time-average'].readings[0]).toMatchObject({ verdict: 'agrees', spread: { mean: expect.closeTo(0.9, 12) } });
  });

  it('finds no separation when AXNet and a baseline differ only by seed noise', () => {
    // Seeds 1, 2, 3 put AXNet at +0.1, −0.1, +0.0 around onepass on every benchmark and bound.
    const results = fakeResults(plan, (id) => {
      const job = plan.jobs.find((j) => j.id === id)!;
      if (job.method !== 'axnet' || !job.cell.startsWith('fig6/')) return undefined;
      return { trueInvocation: 0.4 + [0.1, -0.1, 0][job.seed - 1] };
    });
    const gain = formatLeadClaim(computeLeadClaims(plan, results).find((c) => c.id === 'gain-vs-onepass')!, 'en').readings[0];
    expect(gain.paired).toMatchObject({ wins: 35, losses: 35, ties: 35, direction: 'no separation' });
    expect(gain.verdict).toBe('differs');
    expect(gain.verdictText).toMatch(/no separation/);
    expect(gain.spread.std).toBeGreaterThan(0.2);
  });

  it('judges a claim from the seeds’ spread and the sign test', () => {
    const higher = comparePaired([0.1, 0.1, 0.1, 0.1, 0.1, 0.1]);
    const f = (v: number) => v.toFixed(2);
    expect(judgeLeadClaim(0.5, { mean: 0.3, std: 0.15, n: 3 }, higher, f).verdict).toBe('agrees'); // within 2 std
    expect(formatMessage(judgeLeadClaim(0.5, { mean: 0.3, std: 0.05, n: 3 }, higher, f).text, 'en')).toMatch(/^differs: same direction .*smaller/);
    expect(formatMessage(judgeLeadClaim(0.5, { mean: 0.5, std: 0, n: 3 }, comparePaired([-0.1, -0.1, -0.1, -0.1, -0.1, -0.1]), f).text, 'en')).toMatch(
      /^differs: the opposite way/,
    );
    expect(judgeLeadClaim(0.5, { mean: Number.NaN, std: 0, n: 0 }, null, f).verdict).toBe('not computed');
  });
});
