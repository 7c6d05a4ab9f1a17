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
import { message, type Message } from '../messages';
import { LESSONS } from '../lessons/lessons';
import type { Lesson, LessonStep } from '../lessons/types';

export const TITLE_MAX = 80;
export const NOTE_MAX = 400;
/**
 * The same caps in link characters (percent-encoded): a note of 400 Chinese characters is 3,600 of them, and a link
 * over MAX_HASH_LENGTH (2048) is refused whole. 240 + 1,200 leave 600 for the config and the hide/lock lists.
 */
export const TITLE_MAX_ENCODED = 240;
export const NOTE_MAX_ENCODED = 1200;

const ELLIPSIS_ENCODED = encodeURIComponent('…').length;

/** `text` cut (at a code point) to at most `maxChars` characters and `maxEncoded` percent-encoded link characters. */
export function capClassText(text: string, maxChars: number, maxEncoded: number): string {
  const points = Array.from(text).slice(0, maxChars);
  let encoded = 0;
  let kept = 0;
  for (const point of points) {
    encoded += encodeURIComponent(point).length;
    if (encoded > maxEncoded) break;
    kept++;
  }
  return points.slice(0, kept).join('');
}

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

/**
 * Plain text of at most `max` characters (code points) and `maxEncoded` link characters, the ellipsis of a cut text
 * included; newlines only where `multiline`.
 */
export function sanitizeClassText(raw: string, max: number, multiline: boolean, maxEncoded = Number.POSITIVE_INFINITY): { text: string; cut: boolean; cleaned: boolean } {
  const cleaned = raw.search(UNSAFE_TEXT) >= 0 || (!multiline && raw.includes('\n'));
  let text = raw.replace(UNSAFE_TEXT, ' ');
  if (!multiline) text = text.replace(/\n/g, ' ');
  text = text.replace(/\n{3,}/g, '\n\n').trim();
  const cut = capClassText(text, max, maxEncoded) !== text;
  // The ellipsis fits inside the caps (one character, 9 link characters), so a cut text reads back unchanged.
  if (cut) text = `${capClassText(text, max - 1, maxEncoded - ELLIPSIS_ENCODED).trimEnd()}…`;
  return { text, cut, cleaned };
}

function readIdList(key: 'hide' | 'lock', raw: string, problems: Message[]): ClassId[] {
  const ids: ClassId[] = [];
  const unknown: string[] = [];
  for (const name of raw.split(',')) {
    if (name === '') continue;
    if (isClassId(name)) {
      if (!ids.includes(name)) ids.push(name);
    } else unknown.push(name);
  }
  if (unknown.length > 0) {
    problems.push(message('linkClassUnknownIds', { key, ids: unknown.slice(0, 5).map(quoteLinkText).join(', '), known: CLASS_IDS.join(', ') }));
  }
  // Registry order, so the same choice always gives the same link.
  return CLASS_IDS.filter((id) => ids.includes(id));
}

/** The classroom part of a link; `get` returns the raw (decoded) value of a key, problems get one Message each. */
export function readClassLink(get: (key: ClassLinkKey) => string | undefined, problems: Message[]): ClassroomLink {
  const classroom = createClassroom();
  const rawLesson = get('lesson');
  if (rawLesson !== undefined) {
    const byNumber = /^\d{1,3}$/.test(rawLesson) ? LESSONS[Number(rawLesson) - 1] : undefined;
    const lesson = byNumber ?? findLesson(rawLesson);
    if (lesson) classroom.lesson = lesson.id;
    else problems.push(message('linkClassLesson', { value: quoteLinkText(rawLesson), count: LESSONS.length, lessons: LESSONS.map((l) => l.id).join(', ') }));
  }
  const rawStep = get('step');
  if (rawStep !== undefined) {
    const lesson = findLesson(classroom.lesson);
    if (!lesson) problems.push(message('linkClassStepNoLesson', { value: quoteLinkText(rawStep) }));
    else if (!/^\d{1,4}$/.test(rawStep)) problems.push(message('linkClassStepNotNumber', { value: quoteLinkText(rawStep) }));
    else {
      const step = Math.min(lesson.steps.length, Math.max(1, Number(rawStep)));
      if (step !== Number(rawStep)) problems.push(message('linkClassStepClamped', { value: quoteLinkText(rawStep), lesson: lesson.id, count: lesson.steps.length, step }));
      classroom.step = step - 1;
    }
  }
  const rawPresent = get('present');
  if (rawPresent !== undefined) {
    if (rawPresent === '1' || rawPresent === 'true') classroom.present = true;
    else if (rawPresent !== '0' && rawPresent !== 'false') problems.push(message('linkClassPresent', { value: quoteLinkText(rawPresent) }));
  }
  const rawHide = get('hide');
  if (rawHide !== undefined) classroom.hide = readIdList('hide', rawHide, problems);
  const rawLock = get('lock');
  if (rawLock !== undefined) classroom.lock = readIdList('lock', rawLock, problems);
  const rawOpen = get('open');
  if (rawOpen !== undefined) {
    if (isViewId(rawOpen)) classroom.open = rawOpen;
    else problems.push(message('linkClassOpen', { value: quoteLinkText(rawOpen), views: CLASS_IDS.filter(isViewId).join(', ') }));
  }
  for (const [key, max, maxEncoded, multiline] of [
    ['title', TITLE_MAX, TITLE_MAX_ENCODED, false],
    ['note', NOTE_MAX, NOTE_MAX_ENCODED, true],
  ] as const) {
    const raw = get(key);
    if (raw === undefined) continue;
    const { text, cut, cleaned } = sanitizeClassText(raw, max, multiline, maxEncoded);
    classroom[key] = text;
    if (cut) problems.push(message('linkClassTextCut', { key, max, maxEncoded }));
    if (cleaned) problems.push(message(multiline ? 'linkClassTextControl' : 'linkClassTextBreaks', { key }));
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

/**
 * The link that opens step `step` (0-based, clamped) of a lesson: the step's fragment is filled in by parseLink; the
 * class link's own settings (presentation, hide, lock, title, note) are kept, `open=` gives way to the step's view,
 * and a forced backend stays (it is the machine's choice, not the lesson's). Null for an unknown lesson.
 */
export function formatLessonStepLink(classroom: Readonly<ClassroomLink>, lessonId: string, step: number, backend: string): string | null {
  const lesson = findLesson(lessonId);
  if (!lesson) return null;
  const next: ClassroomLink = { ...classroom, lesson: lesson.id, step: Math.min(lesson.steps.length - 1, Math.max(0, Math.round(step))), open: null };
  const backendPart = backend === 'auto' ? [] : [`backend=${encodeURIComponent(backend)}`];
  return `#v=1&${[...backendPart, ...formatClassLink(next)].join('&')}`;
}
