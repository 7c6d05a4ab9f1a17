/**
 * The open lesson's card: title, step k of n, the step's text and its question for the class, Back / Next (also the
 * ← / → keys, Presentation.tsx) and Close. A step change brings the highlighted control or view into sight.
 */
import { useEffect, useRef } from 'react';
import { currentLessonStep, findLesson } from '../../core/classroom/classLink';
import { CLASS_ID_SPECS } from '../../core/classroom/classIds';
import { moveLessonStep } from '../../state/lessonController';
import { useLabStore } from '../../state/store';
import { useLanguage, useT } from '../i18n';

/** Keys that scroll the page: the reader taking over from followLessonTarget. */
const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown']);

/**
 * Brings a step's highlighted target into sight once its view has rendered — a view to the top of the page (under the
 * header, styles.css scroll-margin-top), a control of the sidebar just into sight — and keeps it there while the views
 * change size (Play fills the panels above it with charts and maps), until the reader scrolls. Returns the cleanup.
 */
function followLessonTarget(highlight: string): () => void {
  const isView = CLASS_ID_SPECS.some((spec) => spec.id === highlight && spec.kind !== 'control');
  const block: ScrollLogicalPosition = isView ? 'start' : 'nearest';
  const bring = (behavior: ScrollBehavior) => document.querySelector(`[data-class-id="${highlight}"]`)?.scrollIntoView({ block, behavior });
  let following = true;
  const frame = window.requestAnimationFrame(() => bring('smooth'));
  const observer = new ResizeObserver(() => {
    if (following) bring('auto');
  });
  const main = document.querySelector('.main-column');
  if (main) observer.observe(main);
  const stop = () => {
    following = false;
  };
  const onKey = (event: KeyboardEvent) => {
    if (SCROLL_KEYS.has(event.key)) stop();
  };
  window.addEventListener('wheel', stop, { passive: true });
  window.addEventListener('touchmove', stop, { passive: true });
  window.addEventListener('keydown', onKey);
  return () => {
    window.cancelAnimationFrame(frame);
    observer.disconnect();
    window.removeEventListener('wheel', stop);
    window.removeEventListener('touchmove', stop);
    window.removeEventListener('keydown', onKey);
  };
}

export function LessonCard() {
  const lesson = useLabStore((state) => findLesson(state.classroom.lesson));
  const stepIndex = useLabStore((state) => state.classroom.step);
  const step = useLabStore((state) => currentLessonStep(state.classroom));
  const closeLesson = useLabStore((state) => state.closeLesson);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const t = useT('classroom');
  const language = useLanguage();

  useEffect(() => {
    if (!step) return;
    return followLessonTarget(step.highlight);
  }, [step]);

  if (!lesson || !step) return null;
  const last = stepIndex === lesson.steps.length - 1;
  return (
    <section className="lesson-card" aria-labelledby="lesson-title" data-testid="lesson-card" data-lesson={lesson.id} data-step={stepIndex + 1}>
      <header className="lesson-card-head">
        <h2 id="lesson-title" ref={headingRef}>
          {lesson.title[language]}
        </h2>
        <button type="button" className="mini" data-testid="lesson-close" aria-label={t('closeLesson')} onClick={closeLesson}>
          ×
        </button>
      </header>
      <p className="lesson-progress" data-testid="lesson-progress">
        {t('lessonProgress', { step: stepIndex + 1, total: lesson.steps.length })}
      </p>
      <div aria-live="polite">
        <p className="lesson-text" data-testid="lesson-text">
          {step.text[language]}
        </p>
        <p className="lesson-question" data-testid="lesson-question">
          <strong>{t('question')}</strong> {step.question[language]}
        </p>
      </div>
      <div className="lesson-buttons">
        <button type="button" className="prompt-button" data-testid="lesson-back" disabled={stepIndex === 0} onClick={() => moveLessonStep(-1)} title={t('backTitle')}>
          {t('back')}
        </button>
        {last ? (
          <button type="button" className="prompt-button primary" data-testid="lesson-finish" onClick={closeLesson}>
            {t('finish')}
          </button>
        ) : (
          <button type="button" className="prompt-button primary" data-testid="lesson-next" onClick={() => moveLessonStep(1)} title={t('nextTitle')}>
            {t('next')}
          </button>
        )}
      </div>
    </section>
  );
}
