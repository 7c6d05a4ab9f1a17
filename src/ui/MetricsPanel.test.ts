import { describe, expect, it } from 'vitest';
import { computeInvocationMetrics } from '../core/metrics';
import { UNDEFINED_ERROR_NOTE, describeOverallError, describeWorstOutputError } from './MetricsPanel';

describe('describeOverallError', () => {
  it('shows — with the reason when no input was predicted safe', () => {
    const none = computeInvocationMetrics([0.01, 0.5], [0, 0], 0.1);
    const shown = describeOverallError(none);
    expect(shown.value).toBe('—');
    expect(shown.note).toContain(UNDEFINED_ERROR_NOTE);
    expect(shown.note).toMatch(/no input was predicted safe/);
  });

  it('shows the mean error over the predicted-safe inputs otherwise, and – before the first evaluation', () => {
    expect(describeOverallError(computeInvocationMetrics([0.01, 0.5], [1, 0], 0.1)).value).toBe('0.0100');
    expect(describeOverallError(computeInvocationMetrics([0, 0.5], [1, 0], 0.1)).value).toBe('0.0000');
    expect(describeOverallError(null).value).toBe('–');
    expect(describeOverallError(null).note).not.toContain(UNDEFINED_ERROR_NOTE);
  });
});

describe('describeWorstOutputError', () => {
  it('shows the worst-output mean beside the output-mean overall error (2 outputs), — when undefined, – before an evaluation', () => {
    // Predicted-safe sample errors: worst outputs 0.06 and 0.15, output means 0.04 and 0.08.
    const metrics = computeInvocationMetrics([0.06, 0.15], [1, 1], 0.1, [0.04, 0.08]);
    expect(describeOverallError(metrics).value).toBe('0.0600');
    expect(describeWorstOutputError(metrics)).toBe('0.1050');
    expect(describeWorstOutputError(computeInvocationMetrics([0.06], [0], 0.1))).toBe('—');
    expect(describeWorstOutputError(null)).toBe('–');
  });
});
