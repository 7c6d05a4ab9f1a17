/**
 * The one wrapper that ties an element to the classroom id registry (src/core/classroom/classIds.ts): a class link's
 * `hide=` removes it, `lock=` disables every control inside it (a disabled <fieldset>, so a locked value cannot be
 * changed through the UI), and the open lesson step's highlight draws a ring around it. Lessons find their target
 * by its `data-class-id`.
 */
import type { ReactNode } from 'react';
import { currentLessonStep } from '../../core/classroom/classLink';
import type { ClassId } from '../../core/classroom/classIds';
import { isHidden, isLocked } from '../../state/classroomSlice';
import { useLabStore } from '../../state/store';
import { useT } from '../i18n';

export function useClassHidden(id: ClassId): boolean {
  return useLabStore((state) => isHidden(state.classroom, id));
}

export function ClassTarget({ id, children, className }: { id: ClassId; children: ReactNode; className?: string }) {
  const t = useT('classroom');
  const hidden = useClassHidden(id);
  const locked = useLabStore((state) => isLocked(state.classroom, id));
  const highlighted = useLabStore((state) => currentLessonStep(state.classroom)?.highlight === id);
  if (hidden) return null;
  const classes = ['class-target', className, highlighted ? 'lesson-highlight' : null].filter(Boolean).join(' ');
  return (
    <fieldset className={classes} data-class-id={id} data-locked={locked ? 'true' : undefined} data-highlighted={highlighted ? 'true' : undefined} disabled={locked}>
      {locked ? (
        <span className="lock-badge" title={t('lockedTitle')}>
          {t('locked')}
        </span>
      ) : null}
      {children}
    </fieldset>
  );
}
