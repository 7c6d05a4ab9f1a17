/** The teacher's title and note from a class link (`title=`, `note=`): plain text, rendered as text, never as HTML. */
import { useLabStore } from '../../state/store';
import { useT } from '../i18n';

export function ClassBanner() {
  const t = useT('classroom');
  const title = useLabStore((state) => state.classroom.title);
  const note = useLabStore((state) => state.classroom.note);
  if (title === '' && note === '') return null;
  return (
    <section className="class-banner" aria-label={t('fromTeacher')} data-testid="class-banner">
      {title !== '' ? (
        <h2 className="class-title" data-testid="class-title">
          {title}
        </h2>
      ) : null}
      {note !== '' ? (
        <p className="class-note" data-testid="class-note">
          {note}
        </p>
      ) : null}
    </section>
  );
}
