import { describe, expect, it } from 'vitest';
import { computePredictorOutputWidth } from './axnetMath';
import { DEFAULT_CONFIG, FUSION_CHOICES } from './config';
import { formatHash, parseLink, problemsText } from './link';
import { applyCrossFieldRules } from './linkRules';
import { planSweep } from './sweep';

describe('cross-field rules of a link (issue 12 item 9)', () => {
  it('moves fusion=second on a one-layer approximator to first, with one notice naming both fields', () => {
    const parsed = parseLink('#v=1&approx=8&fusion=second');
    const { config } = parsed;
    const problems = problemsText(parsed.problems);
    expect(config.fusion).toBe('first');
    expect(config.approximatorHidden).toEqual([8]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/fusion=second/);
    expect(problems[0]).toMatch(/approx=8/);
    expect(problems[0]).toMatch(/fusion=first/);
    // The fixed config builds: the same throw the trainer would meet does not happen.
    expect(() => computePredictorOutputWidth(config.approximatorHidden, config.fusion)).not.toThrow();
  });

  it('keeps fusion=second when the approximator has two hidden layers, and every fusion on the default depth', () => {
    expect(parseLink('#v=1&approx=4-4&fusion=second')).toMatchObject({ problems: [], config: { fusion: 'second' } });
    for (const fusion of FUSION_CHOICES) expect(parseLink(`#v=1&fusion=${fusion}`).problems).toEqual([]);
  });

  it('also fixes a depth that the widths clamp made too shallow, after the clamp notice', () => {
    // approx=0 is clamped to width 1 (one layer); fusion=second then cannot stay.
    const parsed = parseLink('#v=1&approx=0&fusion=second');
    const { config } = parsed;
    const problems = problemsText(parsed.problems);
    expect(config).toMatchObject({ approximatorHidden: [1], fusion: 'first' });
    expect(problems).toHaveLength(2);
    expect(problems[1]).toMatch(/fusion=first/);
  });

  it('writes the fixed value back into the link, which then parses with no notice', () => {
    const { config } = parseLink('#v=1&approx=8&fusion=second');
    const hash = formatHash(config);
    expect(hash).toContain('fusion=first');
    expect(parseLink(hash).problems).toEqual([]);
  });

  it('moves a width sweep of a missing layer to the last hidden layer, which planSweep accepts', () => {
    const link = '#v=1&approx=4-4&sweep=approximatorWidth&sweepLayer=4&sweepValues=2,4';
    const { config, sweep, problems } = parseLink(link);
    expect(sweep?.layer).toBe(1);
    expect(problemsText(problems)).toEqual(['sweepLayer=4: the approximator has 2 hidden layers; layer 2 is swept.']);
    expect(planSweep(sweep!, config).problems).toEqual([]);
    // The same link with the layer present has no notice.
    expect(parseLink('#v=1&approx=4-4&sweep=approximatorWidth&sweepLayer=2&sweepValues=2,4').problems).toEqual([]);
  });

  it('leaves a valid config and a null sweep untouched and returns no notice', () => {
    const result = applyCrossFieldRules(DEFAULT_CONFIG, null);
    expect(result.notices).toEqual([]);
    expect(result.config).toBe(DEFAULT_CONFIG);
    expect(result.sweep).toBeNull();
  });
});
