import { describe, expect, it } from 'vitest';
import { DIVERGING, ERROR_DECADES_ABOVE, buildErrorScale, dropCrowdedTicks, createLinearScale, formatTick, indexOnScale, listScaleTicks, scaleToUnit } from './colormap';

describe('linear scale', () => {
  it('maps min → 0, max → 1, clamps outside, NaN stays NaN', () => {
    const scale = createLinearScale(-1, 3);
    expect(scaleToUnit(scale, -1)).toBe(0);
    expect(scaleToUnit(scale, 1)).toBe(0.5);
    expect(scaleToUnit(scale, 3)).toBe(1);
    expect(scaleToUnit(scale, 10)).toBe(1);
    expect(scaleToUnit(scale, Number.NEGATIVE_INFINITY)).toBe(0);
    expect(scaleToUnit(scale, Number.NaN)).toBeNaN();
    expect(indexOnScale(scale, Number.NaN)).toBe(-1);
    expect(indexOnScale(scale, 1)).toBe(128);
    expect(indexOnScale(scale, 3)).toBe(255);
    expect(scaleToUnit(createLinearScale(2, 2), 2)).toBe(0.5);
  });

  it('ticks: both ends plus nice values between, in order, labelled', () => {
    const ticks = listScaleTicks(createLinearScale(-0.4027, 1));
    expect(ticks[0]).toMatchObject({ value: -0.4027, t: 0, label: '−0.403' });
    expect(ticks[ticks.length - 1]).toMatchObject({ value: 1, t: 1, label: '1' });
    const inner = ticks.slice(1, -1).map((t) => t.value);
    expect(inner.length).toBeGreaterThanOrEqual(2);
    for (const value of inner) expect(Math.abs(value / 0.5 - Math.round(value / 0.5))).toBeLessThan(1e-9);
    for (let k = 1; k < ticks.length; k++) expect(ticks[k].t).toBeGreaterThan(ticks[k - 1].t);
    // No inner tick crowds an end label.
    for (const tick of ticks.slice(1, -1)) expect(tick.t > 0.12 && tick.t < 0.88).toBe(true);
  });

  it('ticks of a flat or empty range do not throw', () => {
    expect(listScaleTicks(createLinearScale(0.5, 0.5)).map((t) => t.label)).toEqual(['0.5']);
    expect(listScaleTicks(createLinearScale(0, 1)).map((t) => t.label)).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
  });
});

describe('|error| log scale around the bound', () => {
  it('puts the bound two decades above the bottom and marks it', () => {
    const scale = buildErrorScale(0.87, 0.02);
    expect(scale.kind).toBe('log');
    expect(scale.min).toBeCloseTo(2e-4, 12);
    expect(scale.max).toBeCloseTo(0.87, 12);
    expect(scale.clipped).toBe(false);
    expect(scale.mark).toEqual({ value: 0.02, label: 'bound 0.02' });
    const tBound = scaleToUnit(scale, 0.02);
    expect(tBound).toBeCloseTo(2 / Math.log10(0.87 / 2e-4), 9);
    // Errors just under and far under the bound get different colours (the linear scale gave both index 0..6).
    expect(indexOnScale(scale, 0.015)).toBeGreaterThan(indexOnScale(scale, 0.001) + 40);
    expect(indexOnScale(createLinearScale(0, 0.87), 0.015)).toBeLessThan(6);
    expect(scaleToUnit(scale, 0)).toBe(0);
    expect(scaleToUnit(scale, 1e-9)).toBe(0);
  });

  it('clips huge relative errors at bound·10³ and says so on the top tick', () => {
    const scale = buildErrorScale(2.5e11, 0.1);
    expect(scale.max).toBeCloseTo(0.1 * 10 ** ERROR_DECADES_ABOVE, 9);
    expect(scale.clipped).toBe(true);
    expect(scaleToUnit(scale, 2.5e11)).toBe(1);
    const ticks = listScaleTicks(scale);
    expect(ticks[ticks.length - 1].label).toBe('≥ 100');
    expect(ticks[0].label).toBe('0.001');
    expect(ticks.map((t) => t.label)).toContain('0.1');
  });

  it('keeps at least a decade above the bound when every error is small, and survives ±Inf, NaN and 0 bounds', () => {
    expect(buildErrorScale(1e-5, 0.02).max).toBeCloseTo(0.2, 12);
    expect(buildErrorScale(Number.POSITIVE_INFINITY, 0.02)).toMatchObject({ clipped: true });
    expect(buildErrorScale(Number.NaN, 0.02).max).toBeCloseTo(20, 9);
    expect(buildErrorScale(0.5, 0).min).toBeCloseTo(0.01, 12);
  });

  it('log ticks are powers of ten', () => {
    const inner = listScaleTicks(buildErrorScale(10, 0.01)).slice(1, -1);
    expect(inner.length).toBeGreaterThan(0);
    for (const tick of inner) expect(Math.log10(tick.value) % 1).toBeCloseTo(0, 9);
  });
});

describe('formatTick', () => {
  it('three significant digits, powers of ten outside [0.001, 10⁴), proper minus signs', () => {
    expect(formatTick(0.61234)).toBe('0.612');
    expect(formatTick(-2.5)).toBe('−2.5');
    expect(formatTick(0)).toBe('0');
    expect(formatTick(1e-4)).toBe('10⁻⁴');
    expect(formatTick(2.5e11)).toBe('3×10¹¹');
    expect(formatTick(-3e-5)).toBe('−3×10⁻⁵');
    expect(formatTick(Number.NaN)).toBe('–');
    expect(formatTick(Number.POSITIVE_INFINITY)).toBe('∞');
  });

  it('the LUTs have 256 RGB entries', () => {
    expect(DIVERGING.length).toBe(256 * 3);
  });
});

describe('dropCrowdedTicks', () => {
  const ticks = listScaleTicks(buildErrorScale(0.87, 0.02), 4, 0);

  it('keeps every label on a wide bar and only the ends on a tiny one', () => {
    expect(ticks.map((t) => t.label)).toEqual(['2×10⁻⁴', '0.001', '0.01', '0.1', '0.87']);
    expect(dropCrowdedTicks(ticks, 1000)).toEqual(ticks);
    expect(dropCrowdedTicks(ticks, 60).map((t) => t.label)).toEqual(['2×10⁻⁴', '0.87']);
  });

  it('drops the inner label that would touch the first end label on a mid-sized bar', () => {
    // 2×10⁻⁴ spans [0, 42] px; 0.001 at t = 0.14 would be centred at 43 px on a 310 px bar.
    const labels = dropCrowdedTicks(ticks, 310).map((t) => t.label);
    expect(labels).not.toContain('0.001');
    expect(labels).toContain('0.01');
    expect(labels[0]).toBe('2×10⁻⁴');
    expect(labels[labels.length - 1]).toBe('0.87');
  });

  it('leaves two ticks or fewer alone', () => {
    const ends = listScaleTicks(createLinearScale(0, 1), 1, 0.5);
    expect(dropCrowdedTicks(ends, 10)).toEqual(ends);
  });
});
