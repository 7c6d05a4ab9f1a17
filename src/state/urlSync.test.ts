import { describe, expect, it } from 'vitest';
import { parseLink, problemsText } from '../core/link';
import { formatMessage } from '../core/messages';
import { describeProblems } from './urlSync';

describe('the link notice (describeProblems)', () => {
  const { problems } = parseLink('#v=1&steps=abc&zzz=1&lr=x&batch=1.5&sweep=momentum&lang=xx');

  it('says in English what it said before: the first four problems after one another, then how many more', () => {
    expect(problems).toHaveLength(6);
    expect(formatMessage(describeProblems(problems), 'en')).toBe(
      `This link had problems; the affected settings use their defaults or the nearest valid values: ${problemsText(problems).slice(0, 4).join(' ')} (and 2 more)`,
    );
    expect(formatMessage(describeProblems(problems.slice(0, 1)), 'en')).toBe(
      'This link had problems; the affected settings use their defaults or the nearest valid values: Unknown setting "zzz" was ignored.',
    );
  });

  it('is Chinese in Chinese, its details too (only the link’s own text stays as written)', () => {
    const zh = formatMessage(describeProblems(problems), 'zh');
    expect(zh).toBe(`此链接有问题；受影响的设置使用默认值或最接近的有效值：${problemsText(problems, 'zh').slice(0, 4).join('另外，')}（另有 2 处）`);
    expect(zh).toContain('已忽略未知设置 "zzz"。');
    expect(zh).toContain('steps="abc" 不是数字；使用默认值。');
    expect(zh).not.toMatch(/is not|was ignored|the default/);
  });
});
