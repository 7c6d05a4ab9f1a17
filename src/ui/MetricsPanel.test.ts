import { describe, expect, it } from 'vitest';
import { computeInvocationMetrics } from '../core/metrics';
import { UNDEFINED_ERROR_NOTE, describeOverallError } from './MetricsPanel';

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
