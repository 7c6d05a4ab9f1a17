import { describe, expect, it } from 'vitest';
import { chooseNextSubset } from './chooseSubset';

describe('chooseNextSubset (Xu et al. choose_type)', () => {
  // sample:        0  1  2  3
  const approx = [1, 1, 0, 0];
  const classifier = [1, 0, 1, 0];
  it.each([
    [0, [0, 1, 2]], // approximator OR classifier
    [1, [0, 2]], // classifier
    [2, [0, 1]], // approximator
    [3, [0]], // both
    [4, [0, 1, 2, 3]], // all
  ] as const)('choose_type %i keeps %j', (type, expected) => {
    const next = chooseNextSubset(approx, classifier, type);
    expect(Array.from(next.indices)).toEqual(expected);
    expect(next.fellBack).toBe(false);
  });

  it('falls back to all data when the rule selects nothing, and says so', () => {
    const next = chooseNextSubset([0, 0, 1], [true, false, false], 3);
    expect(Array.from(next.indices)).toEqual([0, 1, 2]);
    expect(next.fellBack).toBe(true);
    expect(chooseNextSubset([], [], 3)).toEqual({ indices: new Int32Array(0), fellBack: false });
    expect(() => chooseNextSubset([1], [1, 0], 0)).toThrow(/classifier decisions/);
  });
});
