/** The header's Lessons menu: every guided lesson (src/core/lessons), opened at its first step. */
import { useRef } from 'react';
import { LESSONS } from '../../core/lessons/lessons';
import { openLessonStep } from '../../state/lessonController';
import { useLanguage, useT } from '../i18n';

export function LessonMenu() {
  const t = useT('classroom');
  const language = useLanguage();
  const menuRef = useRef<HTMLDetailsElement>(null);
  return (
    <details className="lesson-menu" ref={menuRef} data-testid="lesson-menu">
      <summary className="button" title={t('lessonsTitle')}>
        {t('lessons')}
      </summary>
      <ol className="lesson-menu-list">
        {LESSONS.map((lesson) => (
          <li key={lesson.id}>
            <button
              type="button"
              data-testid={`lesson-start-${lesson.id}`}
              onClick={() => {
                if (menuRef.current) menuRef.current.open = false;
                openLessonStep(lesson.id, 0);
              }}
            >
              {lesson.title[language]}
            </button>
          </li>
        ))}
      </ol>
    </details>
  );
}
