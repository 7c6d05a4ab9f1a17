/**
 * The open lesson's card: title, step k of n, the step's text and its question for the class, Back / Next (also the
 * ← / → keys, Presentation.tsx) and Close. A step change brings the highlighted control or view into sight.
 */
import { useEffect, useRef } from 'react';
import { currentLessonStep, findLesson } from '../../core/classroom/classLink';
import { moveLessonStep } from '../../state/lessonController';
import { useLabStore } from '../../state/store';
import { useLanguage, useT } from '../i18n';

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
    // After the step's view has rendered, scroll its highlighted target into sight.
    const frame = window.requestAnimationFrame(() => {
      document.querySelector(`[data-class-id="${step.highlight}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    });
    return () => window.cancelAnimationFrame(frame);
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
