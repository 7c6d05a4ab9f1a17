import { describe, expect, it } from 'vitest';
import type { HoverValues } from '../../state/selectors';
import { getTarget } from '../../core/targets/index';
import { panels } from '../i18n/locales/panels';
import { explainMissingGrid, fillText, formatControlReadout, formatSurfaceReadout, shortenName } from './surfaceReadout';

const NAMES = { inputs: ['ν', 'x'] as const, outputs: ['J_ν(x)'] };

function makeValues(overrides: Partial<HoverValues> = {}): HoverValues {
  return {
    u: 0.3,
    v: 0.85,
    target: 0.61,
    axnet: 0.6,
    lone: 0.59,
    error: 0.004,
    safeProbability: 0.91,
    outputs: [{ target: 0.61, axnet: 0.6, lone: 0.59 }],
    neurons: [],
    ...overrides,
  };
}

describe('surface readout', () => {
  it('reads the point, the values, the error against the bound and the prediction', () => {
    expect(formatSurfaceReadout(makeValues(), NAMES, 0.02)).toBe(
      'ν = 0.3, x = 0.85: target 0.61, AXNet 0.6, lone 0.59; |error| 0.004 (under the bound 0.02), P(safe) 0.91, predicted safe',
    );
  });

  it('says over the bound and predicted unsafe, and leaves out a missing lone approximator', () => {
    const text = formatSurfaceReadout(makeValues({ error: 0.5, safeProbability: 0.2, outputs: [{ target: 1, axnet: 0.5, lone: null }] }), NAMES, 0.02);
    expect(text).toContain('|error| 0.5 (over the bound 0.02)');
    expect(text).toContain('predicted unsafe');
    expect(text).not.toContain('lone');
  });

  it('names every output of a multi-output target', () => {
    const values = makeValues({
      outputs: [
        { target: 1.2, axnet: 1.1, lone: null },
        { target: -0.5, axnet: -0.4, lone: null },
      ],
    });
    const text = formatSurfaceReadout(values, { inputs: ['x', 'y'], outputs: ['θ1', 'θ2'] }, 0.1);
    expect(text).toContain('θ1: target 1.2, AXNet 1.1; θ2: target −0.5, AXNet −0.4;');
  });

  it('shortens names with a gloss', () => {
    expect(shortenName('ν (order)')).toBe('ν');
    expect(shortenName('θ2 (rad)')).toBe('θ2');
    expect(shortenName('x')).toBe('x');
    expect(shortenName('J_ν(x)')).toBe('J_ν(x)');
    expect(shortenName('(odd)')).toBe('(odd)');
  });
});

describe('control readout', () => {
  const neuron = (control: number) => ({ before: 1, control, after: control, suppressed: Math.abs(control) < 0.1 });

  it('lists the suppressed neurons per layer, 1-based', () => {
    const values = makeValues({
      neurons: [
        [neuron(0.05), neuron(0.9), neuron(0)],
        [neuron(1), neuron(0.01)],
      ],
    });
    expect(formatControlReadout(values, NAMES, [0, 1])).toBe('ν = 0.3, x = 0.85: 3 of 5 neurons suppressed (layer 1: 1, 3; layer 2: 2)');
    expect(formatControlReadout(values, NAMES, [1, 2])).toContain('(layer 2: 1, 3; layer 3: 2)');
  });

  it('says when none is suppressed', () => {
    expect(formatControlReadout(makeValues({ neurons: [[neuron(0.5)]] }), NAMES, [0])).toBe('ν = 0.3, x = 0.85: no neuron of 1 suppressed');
  });
});

describe('explainMissingGrid', () => {
  it('says why a target without two inputs has no maps, and nothing for 2-input targets', () => {
    expect(explainMissingGrid(getTarget('fft'), 'Surfaces', 'see the scatter below')).toBe('Surfaces need a 2-input target; fft has 1 input — see the scatter below.');
    expect(explainMissingGrid(getTarget('jpeg'), 'Surfaces', '')).toBe('Surfaces need a 2-input target; jpeg has 64 inputs.');
    expect(explainMissingGrid(getTarget('bessel_Jnu'), 'Surfaces', 'x')).toBeNull();
    expect(explainMissingGrid(getTarget('inversek2j'), 'Surfaces', 'x')).toBeNull();
  });
});

describe('the readouts in 中文', () => {
  it('read the same values with the Chinese catalog texts', () => {
    const zh = panels.zh.readout;
    expect(formatSurfaceReadout(makeValues({ error: 0.5, safeProbability: 0.2 }), NAMES, 0.02, zh)).toBe(
      'ν = 0.3, x = 0.85: 目标 0.61, AXNet 输出 0.6, 独立近似器 0.59; |误差| 0.5（超出误差界 0.02）, P(安全) 0.2, 预测不安全',
    );
    const neuron = (control: number) => ({ before: 1, control, after: control, suppressed: Math.abs(control) < 0.1 });
    const values = makeValues({ neurons: [[neuron(0.05), neuron(0.9)]] });
    expect(formatControlReadout(values, NAMES, [0], zh)).toBe('ν = 0.3, x = 0.85: 2 个神经元中有 1 个被抑制（第 1 层：1）');
    expect(explainMissingGrid(getTarget('fft'), '曲面图', '见下方的散点图', zh)).toBe('曲面图需要 2 输入的目标函数；fft 有 1 个输入 — 见下方的散点图。');
  });

  it('fill every placeholder and leave unknown ones as written', () => {
    expect(fillText('{{a}} and {{ b }}, {{c}}', { a: 1, b: 'x' })).toBe('1 and x, {{c}}');
  });
});
