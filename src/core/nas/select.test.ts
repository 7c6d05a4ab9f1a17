import { describe, expect, it } from 'vitest';
import { type NasFrontPoint, selectOnline } from './select';

// A hand-made front (accuracy ↑, energy reduction ↑), Fig. 4a's constraints: accuracy ≥ 90%, energy ≥ 2.5×.
const FRONT: NasFrontPoint[] = [
  { accuracy: 0.97, energyReduction: 1.5, speedup: 1.2 }, // 0: most accurate, fails energy
  { accuracy: 0.94, energyReduction: 2.5, speedup: 2.0 }, // 1: the quality pick (energy exactly at the bound)
  { accuracy: 0.94, energyReduction: 2.5, speedup: 3.0 }, // 2: a tie with 1 (index 1 wins)
  { accuracy: 0.92, energyReduction: 4.0, speedup: 2.5 }, // 3
  { accuracy: 0.9, energyReduction: 5.0, speedup: 4.0 }, //  4: the energy pick (accuracy exactly at the bound)
  { accuracy: 0.8, energyReduction: 8.0, speedup: 6.0 }, //  5: fails accuracy
];
const base = { cAcc: 0.9, cEnergy: 2.5, theta: 0.5 };

describe('online selection (Table 1, eq. 6)', () => {
  it('quality: the highest accuracy within the energy constraint; ties go to the lowest index', () => {
    expect(selectOnline(FRONT, { ...base, mode: 'quality' }).pick).toBe(1);
    expect(selectOnline(FRONT, { ...base, mode: 'quality', cEnergy: 0 }).pick).toBe(0);
  });

  it('energy: the highest energy reduction among accuracy ≥ C_acc', () => {
    expect(selectOnline(FRONT, { ...base, mode: 'energy' }).pick).toBe(4);
    expect(selectOnline(FRONT, { ...base, mode: 'energy', cAcc: 0 }).pick).toBe(5);
  });

  it('integrated: eq. 6 with E_norm = max η_eer over the front (8), at θ = 0, 0.5, 1', () => {
    // Feasible: 1, 2, 3, 4. Scores θ(acc − 0.9) + (1 − θ)(eer − 2.5)/8:
    //   θ = 1: 0.04, 0.04, 0.02, 0 → 1 (tie with 2: lowest index);
    //   θ = 0: 0, 0, 0.1875, 0.3125 → 4;
    //   θ = 0.5: 1 → 0.02, 3 → 0.01 + 0.09375 = 0.10375, 4 → 0 + 0.15625 → 4.
    expect(selectOnline(FRONT, { ...base, mode: 'integrated', theta: 1 }).pick).toBe(1);
    expect(selectOnline(FRONT, { ...base, mode: 'integrated', theta: 0 }).pick).toBe(4);
    expect(selectOnline(FRONT, { ...base, mode: 'integrated', theta: 0.5 }).pick).toBe(4);
    // θ = 0.9: 1 → 0.036 + 0; 3 → 0.018 + 0.01875 = 0.03675; 4 → 0 + 0.03125 → 3.
    expect(selectOnline(FRONT, { ...base, mode: 'integrated', theta: 0.9 }).pick).toBe(3);
    // A given E_norm: with E_norm = 100 the energy term shrinks, θ = 0.5 → 1 (0.02 vs 3: 0.01 + 0.0075).
    expect(selectOnline(FRONT, { ...base, mode: 'integrated', theta: 0.5, eNorm: 100 }).pick).toBe(1);
    // θ outside [0, 1] is clamped.
    expect(selectOnline(FRONT, { ...base, mode: 'integrated', theta: 7 }).pick).toBe(1);
  });

  it('C_speedup filters every mode when given', () => {
    expect(selectOnline(FRONT, { ...base, mode: 'quality', cSpeed: 2.5 }).pick).toBe(2);
    expect(selectOnline(FRONT, { ...base, mode: 'integrated', theta: 1, cSpeed: 2.5 }).pick).toBe(2);
    expect(selectOnline([{ accuracy: 0.95, energyReduction: 3 }], { ...base, mode: 'energy', cSpeed: 1 }).pick).toBeNull();
  });

  it('an empty feasible set or an empty front gives null with a reason', () => {
    const none = selectOnline(FRONT, { ...base, mode: 'integrated', cAcc: 0.99 });
    expect(none.pick).toBeNull();
    expect(none.reason).toMatch(/No point of the Pareto front has accuracy ≥ 99.0% and energy reduction ≥ 2.5×/);
    expect(selectOnline(FRONT, { ...base, mode: 'quality', cEnergy: 9 }).reason).toMatch(/energy reduction ≥ 9×/);
    expect(selectOnline([], { ...base, mode: 'energy' })).toEqual({ pick: null, reason: expect.stringMatching(/empty/) });
    expect(selectOnline([{ accuracy: Number.NaN, energyReduction: 9 }], { ...base, mode: 'energy', cAcc: 0 }).pick).toBeNull();
    expect(selectOnline(FRONT, { ...base, mode: 'energy' }).reason).toMatch(/highest energy reduction/);
  });
});
