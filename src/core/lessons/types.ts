/** A guided lesson: plain data (no DOM, no store). Its steps are read by src/core/classroom/classLink.ts and the lesson card. */
import type { ClassId, ViewId } from '../classroom/classIds';

export interface LessonStep {
  /** One or two sentences for the class. */
  text: string;
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
  question: string;
}

export interface Lesson {
  id: string;
  title: string;
  steps: readonly LessonStep[];
}
