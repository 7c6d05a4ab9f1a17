/** A guided lesson: plain data (no DOM, no store). Its steps are read by src/core/classroom/classLink.ts and the lesson card. */
import type { ClassId, ViewId } from '../classroom/classIds';
import type { LanguageId } from '../language';

/** A lesson text in every language of the interface (src/core/language.ts); the lesson card shows the current one. */
export type LessonText = Readonly<Record<LanguageId, string>>;

export interface LessonStep {
  /** One or two sentences for the class. */
  text: LessonText;
  /**
   * The configuration of the step as a link fragment (`target=bessel_Jnu&bound=0.05`), read by the lab's one link
   * parser (src/core/link.ts parseLink) from the defaults: the step's whole config, never a raw object merged in.
   */
  fragment: string;
  /** The view the step shows. */
  view: ViewId;
  /** The control or view the step points at (a ring in the UI). */
  highlight: ClassId;
  /** A question for the class. */
  question: LessonText;
}

export interface Lesson {
  id: string;
  title: LessonText;
  steps: readonly LessonStep[];
}
