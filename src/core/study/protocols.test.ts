import { describe, expect, it } from 'vitest';
import { findEarlyStop, firstEligibleStep, parseStudyProtocol, stepsPerPhase } from './protocols';

const curve = (values: number[], every = 100) => values.map((value, k) => ({ step: (k + 1) * every, value }));

describe('findEarlyStop', () => {
  const rule = { patience: 3, minDelta: 0.01 };

  it('stops at the patience-th evaluation without an improvement and keeps the best one', () => {
    // Rises to 0.60 at index 3, then 0.605 (not > 0.60 + 0.01), 0.59, 0.58: the third stale evaluation is index 6.
    const outcome = findEarlyStop(curve([0.1, 0.3, 0.5, 0.6, 0.605, 0.59, 0.58, 0.9]), rule);
    expect(outcome).toEqual({ bestIndex: 3, stopIndex: 6, stoppedEarly: true });
  });

  it('resets the patience on an improvement larger than minDelta', () => {
    const outcome = findEarlyStop(curve([0.5, 0.5, 0.5, 0.52, 0.52, 0.52, 0.52]), rule);
    expect(outcome).toEqual({ bestIndex: 3, stopIndex: 6, stoppedEarly: false });
  });

  it('runs to the cap when the curve keeps improving', () => {
    expect(findEarlyStop(curve([0.1, 0.2, 0.3, 0.4]), rule)).toEqual({ bestIndex: 3, stopIndex: 3, stoppedEarly: false });
  });

  it('ignores evaluations before the first eligible step, and NaN never improves', () => {
    const outcome = findEarlyStop(curve([0.9, 0.9, 0.2, Number.NaN, 0.21, 0.2, 0.2]), rule, 300);
    expect(outcome).toEqual({ bestIndex: 2, stopIndex: 5, stoppedEarly: true });
    expect(findEarlyStop(curve([0.9, 0.9]), rule, 1000)).toBeNull();
    expect(() => findEarlyStop(curve([0.1]), { patience: 0, minDelta: 0 })).toThrow(/patience/);
  });
});

describe('protocol schedules', () => {
  it('splits the equal total evenly over the phases', () => {
    expect(stepsPerPhase('equalSteps', 'axnet', 4000, 16000, 8)).toBe(16000);
    expect(stepsPerPhase('equalSteps', 'onepass', 4000, 16000, 8)).toBe(8000);
    expect(stepsPerPhase('equalSteps', 'iterative', 4000, 16000, 8)).toBe(1000);
    expect(stepsPerPhase('perPhase', 'iterative', 4000, 16000, 8)).toBe(4000);
  });

  it('reads a baseline only once its classifier has trained a full phase', () => {
    expect(firstEligibleStep({ steps: 100, rounds: 3 }, 'axnet')).toBe(0);
    expect(firstEligibleStep({ steps: 100, rounds: 3 }, 'onepass')).toBe(200);
    expect(firstEligibleStep({ steps: 100, rounds: 3 }, 'iterative')).toBe(200);
  });

  it('fails loudly on an unknown protocol', () => {
    expect(parseStudyProtocol('converge')).toBe('converge');
    expect(() => parseStudyProtocol('fast')).toThrow(/Unsupported study protocol/);
  });
});
