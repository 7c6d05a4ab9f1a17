import { describe, expect, it } from 'vitest';
import { formatHash, parseLink } from '../link';
import { DEFAULT_CONFIG } from '../config';
import { LESSONS } from '../lessons/lessons';
import { NOTE_MAX, TITLE_MAX, createClassroom, formatClassLink, readClassLink, sanitizeClassText } from './classLink';

describe('class link', () => {
  it('reads lesson, step, present, hide, lock, open, title and note', () => {
    const { classroom, problems } = parseLink('#v=1&lesson=control-vectors&step=2&present=1&hide=paper,nas&lock=bound,target&open=npu&title=Week%203&note=Look%20at%20c');
    expect(problems).toEqual([]);
    expect(classroom).toEqual({
      lesson: 'control-vectors',
      step: 1,
      present: true,
      hide: ['nas', 'paper'],
      lock: ['target', 'bound'],
      open: 'npu',
      title: 'Week 3',
      note: 'Look at c',
    });
  });

  it('takes a lesson by its number ("lesson 3, step 2") and writes its id', () => {
    const { classroom } = parseLink('#lesson=3&step=2');
    expect(classroom.lesson).toBe(LESSONS[2].id);
    expect(classroom.step).toBe(1);
    expect(formatClassLink(classroom)).toEqual([`lesson=${LESSONS[2].id}`, 'step=2']);
  });

  it('gives a notice for unknown ids, lessons, views and steps', () => {
    const { classroom, problems } = parseLink('#lesson=nope&step=2&hide=bound,frobnicate&lock=__proto__&open=kitchen&present=yes');
    expect(classroom.lesson).toBeNull();
    expect(classroom.hide).toEqual(['bound']);
    expect(classroom.lock).toEqual([]);
    expect(classroom.open).toBeNull();
    expect(classroom.present).toBe(false);
    expect(problems.some((p) => p.includes('lesson="nope"'))).toBe(true);
    expect(problems.some((p) => p.includes('"frobnicate"'))).toBe(true);
    expect(problems.some((p) => p.includes('"__proto__"'))).toBe(true);
    expect(problems.some((p) => p.includes('open="kitchen"'))).toBe(true);
    expect(problems.some((p) => p.includes('present="yes"'))).toBe(true);
    expect(problems.some((p) => p.startsWith('step="2" needs a lesson'))).toBe(true);
  });

  it('clamps the step into the lesson and says so', () => {
    const lesson = LESSONS[0];
    const { classroom, problems } = parseLink(`#lesson=${lesson.id}&step=99`);
    expect(classroom.step).toBe(lesson.steps.length - 1);
    expect(problems).toHaveLength(1);
  });

  it('caps the title and the note, and keeps them plain text', () => {
    const long = 'x'.repeat(NOTE_MAX + 50);
    const { classroom, problems } = parseLink(`#title=${'t'.repeat(TITLE_MAX + 1)}&note=${long}`);
    expect(Array.from(classroom.title)).toHaveLength(TITLE_MAX + 1); // TITLE_MAX characters and the ellipsis
    expect(classroom.title.endsWith('…')).toBe(true);
    expect(Array.from(classroom.note)).toHaveLength(NOTE_MAX + 1);
    expect(problems).toHaveLength(2);
    expect(sanitizeClassText('a\u202eb\u0000c', 80, false)).toEqual({ text: 'a b c', cut: false, cleaned: true });
    expect(sanitizeClassText('line 1\nline 2', 80, false).text).toBe('line 1 line 2');
    expect(sanitizeClassText('line 1\nline 2', 80, true).text).toBe('line 1\nline 2');
    // HTML stays text: it is shown as typed, never parsed.
    expect(readClassLink((key) => (key === 'note' ? '<img src=x onerror=alert(1)>' : undefined), []).note).toBe('<img src=x onerror=alert(1)>');
  });

  it('round-trips through formatHash', () => {
    const classroom = {
      ...createClassroom(),
      lesson: 'npu-energy',
      step: 2,
      present: true,
      hide: ['paper' as const],
      lock: ['bound' as const],
      title: 'Energy & you',
      note: 'Two\nlines',
    };
    const parsed = parseLink(formatHash(parseLink(`#lesson=npu-energy&step=3`).config, { classroom }));
    expect(parsed.problems).toEqual([]);
    expect(parsed.classroom).toEqual(classroom);
  });

  it('applies the lesson step under the link: the step fills what the link leaves out, the link wins', () => {
    const weightSharing = parseLink('#v=1&lesson=weight-sharing&step=1');
    expect(weightSharing.problems).toEqual([]);
    expect(weightSharing.config.methods).toEqual(['axnet', 'weightsharing']);
    expect(weightSharing.config.errorBound).toBe(0.05);
    const overridden = parseLink('#v=1&lesson=weight-sharing&step=1&bound=0.02');
    expect(overridden.config.errorBound).toBe(0.02);
    expect(overridden.config.methods).toEqual(['axnet', 'weightsharing']);
  });

  it('writes the step’s keys even at their defaults, so a value set back to its default survives a reload', () => {
    const classroom = { ...createClassroom(), lesson: 'bound', step: 1 };
    const atDefault = { ...DEFAULT_CONFIG, errorBound: DEFAULT_CONFIG.errorBound };
    const hash = formatHash(atDefault, { classroom });
    expect(hash).toContain(`bound=${DEFAULT_CONFIG.errorBound}`);
    expect(parseLink(hash).config.errorBound).toBe(DEFAULT_CONFIG.errorBound);
    // Without a lesson the default stays out of the link.
    expect(formatHash(atDefault)).not.toContain('bound=');
  });
});
