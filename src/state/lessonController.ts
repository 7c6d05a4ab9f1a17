/**
 * Moving through a lesson (src/core/lessons): a step is opened as a link (`lesson=<id>&step=<k>` with the class
 * link's own settings kept), so its fragment goes through the lab's one link parser exactly as a shared link would,
 * and the step's view opens (urlSync.applyHash).
 */
import { findLesson, formatLessonStepLink } from '../core/classroom/classLink';
import { useLabStore } from './store';
import { openLink } from './urlSync';

/** Opens step `step` (0-based, clamped) of a lesson; returns false for an unknown lesson. */
export function openLessonStep(lessonId: string, step: number): boolean {
  const { classroom, config } = useLabStore.getState();
  const link = formatLessonStepLink(classroom, lessonId, step, config.backend);
  if (link === null) return false;
  openLink(link);
  return true;
}

/** Next (+1) or back (−1) in the open lesson; returns whether the step changed. */
export function moveLessonStep(delta: 1 | -1): boolean {
  const { classroom } = useLabStore.getState();
  const lesson = findLesson(classroom.lesson);
  if (!lesson) return false;
  const step = classroom.step + delta;
  if (step < 0 || step >= lesson.steps.length) return false;
  return openLessonStep(lesson.id, step);
}
