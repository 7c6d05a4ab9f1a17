/**
 * The classroom part of a link (issue 13: guided lessons, presentation mode, class links):
 *   lesson=<id>&step=<k>   a lesson (src/core/lessons) and its step, 1-based in the link ("lesson 3, step 2" works too:
 *                          lesson=3 is the third lesson);
 *   present=1              presentation mode;
 *   hide=<ids>, lock=<ids> controls and views hidden, controls disabled (comma lists of src/core/classroom/classIds.ts);
 *   open=<view>            the view the page opens on;
 *   title=, note=          the teacher's text: plain text, capped at TITLE_MAX / NOTE_MAX characters, shown as text.
 * Reading is defensive like the rest of the link: every value is validated against a fixed table and every problem is
 * a notice; the result is built field by field, never merged from parsed data.
 */
import { CLASS_IDS, isClassId, isViewId, type ClassId, type ViewId } from './classIds';
import { quoteLinkText } from '../linkFields';
import { LESSONS } from '../lessons/lessons';
import type { Lesson, LessonStep } from '../lessons/types';

export const TITLE_MAX = 80;
export const NOTE_MAX = 400;

export const CLASS_LINK_KEYS = ['lesson', 'step', 'present', 'hide', 'lock', 'open', 'title', 'note'] as const;
export type ClassLinkKey = (typeof CLASS_LINK_KEYS)[number];

export interface ClassroomLink {
  /** The lesson's id, or null when no lesson is open. */
  lesson: string | null;
  /** 0-based index of the lesson's step (the link writes it 1-based). */
  step: number;
  present: boolean;
  hide: ClassId[];
  lock: ClassId[];
  open: ViewId | null;
  title: string;
  note: string;
}

export const DEFAULT_CLASSROOM: Readonly<ClassroomLink> = Object.freeze({ lesson: null, step: 0, present: false, hide: [], lock: [], open: null, title: '', note: '' });

export function createClassroom(): ClassroomLink {
  return { ...DEFAULT_CLASSROOM, hide: [], lock: [] };
}

export function findLesson(id: string | null): Lesson | null {
  return LESSONS.find((lesson) => lesson.id === id) ?? null;
}

/** The lesson's step the classroom is on, or null. */
export function currentLessonStep(classroom: Readonly<ClassroomLink>): LessonStep | null {
  return findLesson(classroom.lesson)?.steps[classroom.step] ?? null;
}

/** Characters that would let text pose as something else: C0/C1 controls and the bidirectional overrides. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to remove them
const UNSAFE_TEXT = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Plain text of at most `max` characters (code points, then an ellipsis); newlines only where `multiline`. */
export function sanitizeClassText(raw: string, max: number, multiline: boolean): { text: string; cut: boolean; cleaned: boolean } {
  const cleaned = raw.search(UNSAFE_TEXT) >= 0 || (!multiline && raw.includes('\n'));
  let text = raw.replace(UNSAFE_TEXT, ' ');
  if (!multiline) text = text.replace(/\n/g, ' ');
  text = text.replace(/\n{3,}/g, '\n\n').trim();
  const points = Array.from(text);
  const cut = points.length > max;
  if (cut) text = `${points.slice(0, max).join('').trimEnd()}…`;
  return { text, cut, cleaned };
}

function readIdList(key: 'hide' | 'lock', raw: string, problems: string[]): ClassId[] {
  const ids: ClassId[] = [];
  const unknown: string[] = [];
  for (const name of raw.split(',')) {
    if (name === '') continue;
    if (isClassId(name)) {
      if (!ids.includes(name)) ids.push(name);
    } else unknown.push(name);
  }
  if (unknown.length > 0) {
    problems.push(`${key}= names unknown ids ${unknown.slice(0, 5).map(quoteLinkText).join(', ')}; they were ignored (known: ${CLASS_IDS.join(', ')}).`);
  }
  // Registry order, so the same choice always gives the same link.
  return CLASS_IDS.filter((id) => ids.includes(id));
}

/** The classroom part of a link; `get` returns the raw (decoded) value of a key, problems get one text each. */
export function readClassLink(get: (key: ClassLinkKey) => string | undefined, problems: string[]): ClassroomLink {
  const classroom = createClassroom();
  const rawLesson = get('lesson');
  if (rawLesson !== undefined) {
    const byNumber = /^\d{1,3}$/.test(rawLesson) ? LESSONS[Number(rawLesson) - 1] : undefined;
    const lesson = byNumber ?? findLesson(rawLesson);
    if (lesson) classroom.lesson = lesson.id;
    else problems.push(`lesson=${quoteLinkText(rawLesson)} is not a lesson; expected 1–${LESSONS.length} or one of ${LESSONS.map((l) => l.id).join(', ')}.`);
  }
  const rawStep = get('step');
  if (rawStep !== undefined) {
    const lesson = findLesson(classroom.lesson);
    if (!lesson) problems.push(`step=${quoteLinkText(rawStep)} needs a lesson; it was ignored.`);
    else if (!/^\d{1,4}$/.test(rawStep)) problems.push(`step=${quoteLinkText(rawStep)} is not a step number; step 1 is shown.`);
    else {
      const step = Math.min(lesson.steps.length, Math.max(1, Number(rawStep)));
      if (step !== Number(rawStep)) problems.push(`step=${quoteLinkText(rawStep)}: lesson ${lesson.id} has steps 1–${lesson.steps.length}; step ${step} is shown.`);
      classroom.step = step - 1;
    }
  }
  const rawPresent = get('present');
  if (rawPresent !== undefined) {
    if (rawPresent === '1' || rawPresent === 'true') classroom.present = true;
    else if (rawPresent !== '0' && rawPresent !== 'false') problems.push(`present=${quoteLinkText(rawPresent)} is not 0 or 1; presentation mode stays off.`);
  }
  const rawHide = get('hide');
  if (rawHide !== undefined) classroom.hide = readIdList('hide', rawHide, problems);
  const rawLock = get('lock');
  if (rawLock !== undefined) classroom.lock = readIdList('lock', rawLock, problems);
  const rawOpen = get('open');
  if (rawOpen !== undefined) {
    if (isViewId(rawOpen)) classroom.open = rawOpen;
    else problems.push(`open=${quoteLinkText(rawOpen)} is not a view; expected one of ${CLASS_IDS.filter(isViewId).join(', ')}.`);
  }
  for (const [key, max, multiline] of [
    ['title', TITLE_MAX, false],
    ['note', NOTE_MAX, true],
  ] as const) {
    const raw = get(key);
    if (raw === undefined) continue;
    const { text, cut, cleaned } = sanitizeClassText(raw, max, multiline);
    classroom[key] = text;
    if (cut) problems.push(`${key}= is longer than ${max} characters; it was cut.`);
    if (cleaned) problems.push(`${key}= held control characters${multiline ? '' : ' or line breaks'}; they were replaced by spaces.`);
  }
  return classroom;
}

/** `key=value` parts of the classroom fields that differ from the defaults (URI-encoded). */
export function formatClassLink(classroom: Readonly<ClassroomLink> | null | undefined): string[] {
  if (!classroom) return [];
  const parts: string[] = [];
  if (classroom.lesson !== null) parts.push(`lesson=${encodeURIComponent(classroom.lesson)}`, `step=${classroom.step + 1}`);
  if (classroom.present) parts.push('present=1');
  if (classroom.hide.length > 0) parts.push(`hide=${classroom.hide.join(',')}`);
  if (classroom.lock.length > 0) parts.push(`lock=${classroom.lock.join(',')}`);
  if (classroom.open !== null) parts.push(`open=${classroom.open}`);
  if (classroom.title !== '') parts.push(`title=${encodeURIComponent(classroom.title)}`);
  if (classroom.note !== '') parts.push(`note=${encodeURIComponent(classroom.note)}`);
  return parts;
}
