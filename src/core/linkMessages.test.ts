import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, cloneConfig } from './config';
import { joinProblems, parseLink, problemsText } from './link';
import { LINK_MESSAGES } from './linkMessages';
import { MESSAGES, formatMessage, type Message } from './messages';
import { parseSweepValuesText, planSweep } from './sweep';

/**
 * The ASCII words a Chinese template may keep: link syntax only (keys and values a link is written with, the
 * sweepRange form from:to:count:log, sweepValues=a,b,c, and the names ID, NAS and choose_type).
 */
const LINK_SYNTAX = new Set([
  ...['sweep', 'sweepRange', 'sweepValues', 'sweepLayer', 'sweepSeeds', 'sweepSeedList', 'from', 'to', 'count', 'log', 'a', 'b', 'c'],
  ...['nas', 'ax', 'lesson', 'step', 'present', 'open', 'target', 'custom', 'fusion', 'second', 'first', 'approx', 'choose_type', 'ID', 'NAS'],
]);
/** Fixed words of the English sentences that must never show through in Chinese. */
const ENGLISH_PHRASES = ['is not', 'was ignored', 'the default', 'is used', 'are used', 'expected one of', 'must', 'the sweep', 'Unknown', 'Setting', 'layer'];

const CJK = /[\u3400-\u9fff]/;
const words = (text: string) => text.replace(/\{\w+\}/g, ' ').match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [];

/** `m` with every plain value (raw link text, numbers, lists of keys) replaced by a dot: only the templates' own words remain. */
function skeleton(m: Message): Message {
  const values = Object.fromEntries(Object.entries(m.values ?? {}).map(([name, value]) => [name, typeof value === 'object' ? skeleton(value) : '·']));
  return { id: m.id, values };
}

/** A problem that reads in Chinese: CJK characters, no English word of the sentence, and nothing of the English text's frame. */
function expectChinese(problem: Message): void {
  const zh = formatMessage(problem, 'zh');
  const en = formatMessage(problem, 'en');
  expect(zh, en).toMatch(CJK);
  expect(zh, en).not.toBe(en);
  for (const phrase of ENGLISH_PHRASES) expect(zh, en).not.toContain(phrase);
  const frame = formatMessage(skeleton(problem), 'zh');
  expect(frame, en).toMatch(CJK);
  expect(
    words(frame).filter((word) => !LINK_SYNTAX.has(word)),
    `${problem.id}: ${frame}`,
  ).toEqual([]);
}

describe('link problems as messages (src/core/linkMessages.ts)', () => {
  it('are all in the one registry, as written (no later key of MESSAGES replaces one)', () => {
    for (const [id, templates] of Object.entries(LINK_MESSAGES)) expect(MESSAGES[id as keyof typeof MESSAGES], id).toBe(templates);
  });

  it('keep no English word in any Chinese template besides link syntax', () => {
    for (const [id, templates] of Object.entries(LINK_MESSAGES)) {
      expect(templates.zh, id).toMatch(CJK);
      expect(
        words(templates.zh).filter((word) => !LINK_SYNTAX.has(word)),
        id,
      ).toEqual([]);
      for (const phrase of ENGLISH_PHRASES) expect(templates.zh.replace(/\{\w+\}/g, '·'), id).not.toContain(phrase);
    }
  });

  it('a hostile link with a problem from every reader reads wholly in Chinese, and as before in English', () => {
    const link = [
      '#v=abc', // the version (linkMigrations.ts)
      'steps=abc', // a bad number (link.ts URL_PARAMS)
      'zzz=1', // an unknown key
      'npu.nt=abc', // the NPU keys
      'sweep=momentum', // a bad sweep (sweep.ts)
      'nas=jpeg&nas.budget=abc', // a bad NAS field (linkFields.ts)
      'ax=breastcancer&ax.lr=abc', // a bad AxTrain field
      'hide=frobnicate', // a bad class link key (classLink.ts)
      'target=custom&fn=import(x0)', // a refused custom function (customFunctionLink.ts)
      'approx=8&fusion=second', // a cross-field rule (linkRules.ts)
      'lang=xx',
    ].join('&');
    const { problems } = parseLink(link);
    const english = problemsText(problems);
    expect(english).toEqual([
      'Link version "abc" is not a version number; settings were read as version 1.',
      'Unknown setting "zzz" was ignored.',
      'hide= names unknown ids "frobnicate"; they were ignored (known: invocation, surface, control, npu, compare, sweep, axtrain, nas, paper, target, bound, lr, steps, methods, topology, sweep-controls, advanced, seed, backend, transport, share, axtrain-controls, nas-controls).',
      'steps="abc" is not a number; the default is used.',
      expect.stringMatching(/^The custom function "import\(x0\)" was refused: The function “import” is not allowed\. Allowed: sin, .*\. The default .* on \[0, 1\] is used\.$/),
      'npu.nt="abc" is not a valid tiles; the default is used.',
      'sweep="momentum" is not a sweep parameter; expected one of errorBound, learningRate, seed, approximatorWidth, predictorWidth.',
      'ax.lr="abc" is not a number; the default is used.',
      'nas.budget="abc" is not a number; the default is used.',
      'fusion=second needs an approximator with at least two hidden layers, and approx=8 has one; fusion=first (its only hidden layer) is used.',
      'lang="xx" is not a language of the lab (en, zh); it was ignored.',
    ]);
    for (const problem of problems) expectChinese(problem);
    const zh = problemsText(problems, 'zh');
    expect(zh[3]).toBe('steps="abc" 不是数字；使用默认值。');
    expect(zh[4]).toMatch(/^自定义函数 "import\(x0\)" 被拒绝：不允许函数 “import”。允许的函数：sin, .*。改用默认函数 .*（范围 \[0, 1\]）。$/);
    expect(zh[9]).toBe('fusion=second 需要至少有两个隐藏层的近似器，而 approx=8 只有一个；改用 fusion=first（即它唯一的隐藏层）。');
  });

  it('the sweep planner, the sweep values text and a sweep layer fixed by a rule read in Chinese too', () => {
    const config = { ...cloneConfig(DEFAULT_CONFIG), approximatorHidden: [4], matchParameters: true };
    const plan = planSweep(
      { parameter: 'approximatorWidth', layer: 3, values: { kind: 'range', from: 0, to: 1, count: 0, scale: 'log' }, seeds: { kind: 'count', count: 0 } },
      config,
    );
    expect(problemsText(plan.problems)).toEqual([
      'The sweep range needs a whole number of values ≥ 1 (got 0).',
      'A log-scale sweep range needs positive ends.',
      'The approximator has 1 hidden layer; there is no layer 4 to sweep.',
      'Parameter matching sets the widths itself; turn it off to sweep a width.',
      'A sweep needs at least one seed.',
    ]);
    const cannot = { id: 'sweepCannotRun', values: { problems: joinProblems(plan.problems) } } as const satisfies Message;
    expect(formatMessage(cannot, 'en')).toBe(`The sweep cannot run: ${problemsText(plan.problems).join(' ')}`);
    expect(formatMessage(cannot, 'zh')).toBe(`扫描无法运行：${problemsText(plan.problems, 'zh').join('另外，')}`);
    const rule = parseLink('#v=1&pred=4&sweep=predictorWidth&sweepValues=2,4&sweepLayer=3').problems;
    const typed = [...parseSweepValuesText('').problems, ...parseSweepValuesText('0.1,x').problems, ...parseSweepValuesText('0:1:4:log').problems];
    for (const problem of [...plan.problems, cannot, ...rule, ...typed]) expectChinese(problem);
    expect(problemsText(rule, 'zh')).toEqual(['sweepLayer=3：预测器只有 1 个隐藏层；扫描第 1 层。']);
  });

  it('joins problems sentence after sentence: a space in English, 另外 in Chinese; none is an empty part', () => {
    const problems = parseLink('#v=1&steps=abc&zzz=1&lr=x').problems;
    const joined = joinProblems(problems);
    expect(joined).not.toBe('');
    if (joined === '') return;
    expect(formatMessage(joined, 'en')).toBe(problemsText(problems).join(' '));
    expect(formatMessage(joined, 'zh')).toBe(problemsText(problems, 'zh').join('另外，'));
    expect(joinProblems([])).toBe('');
    expect(joinProblems(problems.slice(0, 1))).toBe(problems[0]);
  });
});
