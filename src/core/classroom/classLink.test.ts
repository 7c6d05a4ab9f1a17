import { describe, expect, it } from 'vitest';
import { formatHash, parseLink, problemsText } from '../link';
import { DEFAULT_CONFIG } from '../config';
import { LESSONS } from '../lessons/lessons';
import { MAX_HASH_LENGTH } from '../link';
import { NOTE_MAX, NOTE_MAX_ENCODED, TITLE_MAX, capClassText, createClassroom, formatClassLink, formatLessonStepLink, readClassLink, sanitizeClassText } from './classLink';
import { CLASS_IDS } from './classIds';

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
    const parsed = parseLink('#lesson=nope&step=2&hide=bound,frobnicate&lock=__proto__&open=kitchen&present=yes');
    const { classroom } = parsed;
    const problems = problemsText(parsed.problems);
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
    expect(Array.from(classroom.title)).toHaveLength(TITLE_MAX); // the ellipsis included
    expect(classroom.title.endsWith('…')).toBe(true);
    expect(Array.from(classroom.note)).toHaveLength(NOTE_MAX);
    // A cut text reads back unchanged, with no new notice.
    const again = parseLink(formatHash(DEFAULT_CONFIG, { classroom }));
    expect(again.problems).toEqual([]);
    expect(again.classroom.note).toBe(classroom.note);
    expect(problems).toHaveLength(2);
    expect(sanitizeClassText('a\u202eb\u0000c', 80, false)).toEqual({ text: 'a b c', cut: false, cleaned: true });
    expect(sanitizeClassText('line 1\nline 2', 80, false).text).toBe('line 1 line 2');
    expect(sanitizeClassText('line 1\nline 2', 80, true).text).toBe('line 1\nline 2');
    // HTML stays text: it is shown as typed, never parsed.
    expect(readClassLink((key) => (key === 'note' ? '<img src=x onerror=alert(1)>' : undefined), []).note).toBe('<img src=x onerror=alert(1)>');
  });

  it('caps the teacher’s text in link characters too, so the longest class link stays readable', () => {
    const chinese = '学'.repeat(NOTE_MAX);
    expect(encodeURIComponent(capClassText(chinese, NOTE_MAX, NOTE_MAX_ENCODED)).length).toBeLessThanOrEqual(NOTE_MAX_ENCODED);
    expect(capClassText('ab😀c', 10, 14)).toBe('ab😀'); // never half a code point
    const classroom = { ...createClassroom(), lesson: 'weight-sharing', step: 1, present: true, hide: [...CLASS_IDS], lock: [...CLASS_IDS], open: 'npu' as const };
    const longest = { ...classroom, title: capClassText('標'.repeat(TITLE_MAX), TITLE_MAX, 240), note: capClassText(chinese, NOTE_MAX, NOTE_MAX_ENCODED) };
    const hash = formatHash(parseLink(`#lesson=weight-sharing&step=2`).config, { classroom: longest });
    expect(hash.length).toBeLessThanOrEqual(MAX_HASH_LENGTH);
    const parsed = parseLink(hash);
    expect(parsed.problems).toEqual([]);
    expect(parsed.classroom.note).toBe(longest.note);
    // A hand-made link with a longer note is cut, with a notice.
    // 140 characters, 1,260 in the link: under NOTE_MAX but over NOTE_MAX_ENCODED.
    const cut = parseLink(`#note=${encodeURIComponent('学'.repeat(140))}`);
    expect(cut.classroom.note.endsWith('…')).toBe(true);
    expect(Array.from(cut.classroom.note)).toHaveLength(Math.floor((NOTE_MAX_ENCODED - 9) / 9) + 1);
    expect(encodeURIComponent(cut.classroom.note).length).toBeLessThanOrEqual(NOTE_MAX_ENCODED);
    expect(problemsText(cut.problems)).toEqual([expect.stringContaining('it was cut')]);
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

  it('opens a lesson step as a link: the step’s config, the class link’s settings and a forced backend kept, open= dropped', () => {
    const classroom = { ...createClassroom(), present: true, hide: ['paper' as const], lock: ['bound' as const], open: 'npu' as const, title: 'Week 3' };
    const link = formatLessonStepLink(classroom, 'disagree', 1, 'cpu');
    expect(link).not.toBeNull();
    const parsed = parseLink(link as string);
    expect(parsed.problems).toEqual([]);
    expect(parsed.config.methods).toEqual(['onepass', 'iterative']);
    expect(parsed.config.backend).toBe('cpu');
    expect(parsed.classroom).toEqual({ ...classroom, lesson: 'disagree', step: 1, open: null });
    expect(parseLink(formatLessonStepLink(classroom, 'disagree', 99, 'auto') as string).classroom.step).toBe(2);
    expect(formatLessonStepLink(classroom, 'nope', 0, 'auto')).toBeNull();
  });
});
