import { describe, expect, it } from 'vitest';
import { computeErrorTrend, createGammaState, defaultDeltaGamma, type GammaScheduleOptions, type GammaState, nextGamma } from './gammaSchedule';

function expectGammas(states: readonly GammaState[], expected: readonly number[]): void {
  expect(states).toHaveLength(expected.length);
  states.forEach((state, n) => expect(state.gamma).toBeCloseTo(expected[n], 12));
}

function runSchedule(errors: readonly number[], options: GammaScheduleOptions, gamma0 = 0): GammaState[] {
  const states: GammaState[] = [];
  let state = createGammaState(gamma0);
  for (const error of errors) {
    state = nextGamma(state, error, options);
    states.push(state);
  }
  return states;
}

describe('adaptive γ (AxTrain §3.1.3)', () => {
  it('a scripted error sequence gives the expected trajectory: hold at epoch 1, trend rises, falls, clamps at 0', () => {
    // Δγ = 0.1, no bound clause (D = 0.05 is never reached), literal weights A_n = Σ_{j≥1} 0.5^j E_{n−j}
    const errors = [1.0, 0.4, 0.3, 0.35, 0.5, 0.6, 0.7, 0.9];
    const states = runSchedule(errors, { deltaGamma: 0.1, bound: 0.05 });
    // A_n by hand: –, 0.5, 0.45, 0.375, 0.3625, 0.43125, 0.515625, 0.6078125
    const trends = [null, 0.5, 0.45, 0.375, 0.3625, 0.43125, 0.515625, 0.6078125];
    states.forEach((state, n) => {
      const trend = state.lastDecision!.trend;
      if (trends[n] === null) expect(trend).toBeNull();
      else expect(trend).toBeCloseTo(trends[n]!, 15);
    });
    expect(states.map((s) => s.lastDecision!.change)).toEqual(['hold', 'increase', 'increase', 'increase', 'decrease', 'decrease', 'decrease', 'decrease']);
    expect(states.map((s) => s.lastDecision!.reason)).toEqual(['first-epoch', 'trend', 'trend', 'trend', 'neither', 'neither', 'neither', 'neither']);
    expectGammas(states, [0, 0.1, 0.2, 0.3, 0.2, 0.1, 0, 0]);
    // the clamp: the last decrease would have given −0.1
    expect(states[7].gamma).toBe(0);
    expect(states[7].epochs).toBe(8);
  });

  it('the bound clause raises γ on a flat error that the trend clause rejects, and only below D', () => {
    // constant E: literal A_n = E·(1 − 0.5^{n−1}) < E, so E_n < A_n never holds
    const flat = [0.6, 0.6, 0.6, 0.6];
    const below = runSchedule(flat, { deltaGamma: 0.25, bound: 0.8 });
    expectGammas(below, [0.25, 0.5, 0.75, 1]);
    expect(below.map((s) => s.lastDecision!.reason)).toEqual(['bound', 'bound', 'bound', 'bound']);
    const above = runSchedule(flat, { deltaGamma: 0.25, bound: 0.5 }, 0.6);
    expectGammas(above, [0.6, 0.35, 0.1, 0]);
    expect(above[3].gamma).toBe(0);
    const noBound = runSchedule(flat, { deltaGamma: 0.25, bound: null }, 0.6);
    expectGammas(noBound, [0.6, 0.35, 0.1, 0]);
  });

  it('normalizeWeights divides A_n by 1 − 0.5^{n−1}: a 10 % drop counts as progress only then', () => {
    const literal = runSchedule([1, 0.9], { deltaGamma: 0.1, bound: null });
    const normalized = runSchedule([1, 0.9], { deltaGamma: 0.1, bound: null, normalizeWeights: true });
    expect(literal[1].lastDecision).toMatchObject({ change: 'decrease', trend: 0.5 });
    expect(normalized[1].lastDecision).toMatchObject({ change: 'increase', trend: 1 });
    expect(computeErrorTrend(normalized[1], true)).toBeCloseTo((0.5 * 0.9 + 0.25 * 1) / 0.75, 15);
    expect(computeErrorTrend(normalized[1], false)).toBeCloseTo(0.5 * 0.9 + 0.25 * 1, 15);
  });

  it("first epoch: 'hold' keeps γ unless E_1 < D; 'empty-sum' takes A_1 = 0 and lowers it", () => {
    expect(runSchedule([1], { deltaGamma: 0.1, bound: null }, 0.5)[0].gamma).toBe(0.5);
    expect(runSchedule([1], { deltaGamma: 0.1, bound: 2 }, 0.5)[0].gamma).toBeCloseTo(0.6, 15);
    expect(runSchedule([1], { deltaGamma: 0.1, bound: null, firstEpoch: 'empty-sum' }, 0.5)[0].gamma).toBeCloseTo(0.4, 15);
    expect(runSchedule([1], { deltaGamma: 0.1, bound: 2, firstEpoch: 'empty-sum' }, 0.5)[0].lastDecision).toMatchObject({ change: 'increase', reason: 'bound', trend: 0 });
  });

  it('returns a new state, and rejects non-finite errors, negative Δγ and γ0', () => {
    const state = createGammaState();
    const next = nextGamma(state, 1, { deltaGamma: 0.1, bound: 2 });
    expect(state).toEqual({ gamma: 0, epochs: 0, weightedPastError: 0, pastWeightSum: 0, lastDecision: null });
    expect(next.gamma).toBeCloseTo(0.1, 15);
    expect(() => nextGamma(state, Number.NaN, { deltaGamma: 0.1, bound: null })).toThrow(/finite/);
    expect(() => nextGamma(state, Number.POSITIVE_INFINITY, { deltaGamma: 0.1, bound: null })).toThrow(/finite/);
    expect(() => nextGamma(state, 1, { deltaGamma: -0.1, bound: null })).toThrow(/Δγ/);
    expect(() => createGammaState(-1)).toThrow(/γ0/);
  });
});

describe('default Δγ = 0.01·E(w0)/S(w0)', () => {
  it('is scale-free and rejects S(w0) ≤ 0', () => {
    expect(defaultDeltaGamma(0.25, 5)).toBeCloseTo(5e-4, 15);
    expect(defaultDeltaGamma(0.25, 5, 0.1)).toBeCloseTo(5e-3, 15);
    // γ·S moves by 1 % of E(w0) per epoch whatever the units of S
    expect(defaultDeltaGamma(0.25, 5) * 5).toBeCloseTo(defaultDeltaGamma(0.25, 500) * 500, 15);
    expect(() => defaultDeltaGamma(0.25, 0)).toThrow(/S\(w0\)/);
    expect(() => defaultDeltaGamma(Number.NaN, 1)).toThrow(/E\(w0\)/);
  });
});
