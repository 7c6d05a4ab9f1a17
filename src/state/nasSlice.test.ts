import { describe, expect, it } from 'vitest';
import { problemsText } from '../core/link';
import { createNasRunConfig } from '../core/nas/config';
import { setNasFieldFromText } from './nasSlice';

describe('setNasFieldFromText', () => {
  it('reports a refused or clamped value as a message, in English as before and in Chinese', () => {
    const config = createNasRunConfig('jpeg');
    const cases = [
      setNasFieldFromText(config, 'target', 'mnist'),
      setNasFieldFromText(config, 'budget', 'abc'),
      setNasFieldFromText(config, 'budget', '1e9'),
      setNasFieldFromText(config, 'nope' as never, '1'),
    ];
    expect(cases.map((c) => problemsText(c.problems))).toEqual([
      ['mnist is not a target.'],
      ['nas.budget="abc" is not a number; the default is used.'],
      ['nas.budget="1e9" is outside 1–500; 500 is used.'],
      ['nope is not a NAS setting.'],
    ]);
    expect(cases.map((c) => problemsText(c.problems, 'zh'))).toEqual([
      ['mnist 不是目标函数。'],
      ['nas.budget="abc" 不是数字；使用默认值。'],
      ['nas.budget="1e9" 超出 1–500；使用 500。'],
      ['nope 不是 NAS 设置。'],
    ]);
    expect(cases[2].config.budget).toBe(500);
  });
});
