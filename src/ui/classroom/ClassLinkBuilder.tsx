/**
 * The Share dialog's "Class link" builder: which controls and views the class link hides or locks (the classroom id
 * registry, src/core/classroom/classIds.ts), the view it opens on, presentation mode, and the teacher's title and note
 * (plain text, capped as the link reader caps them). The dialog's link, QR code and Copy follow it.
 */
import { CLASS_ID_SPECS, VIEW_IDS, isViewId } from '../../core/classroom/classIds';
import { NOTE_MAX, NOTE_MAX_ENCODED, TITLE_MAX, TITLE_MAX_ENCODED, capClassText, type ClassroomLink } from '../../core/classroom/classLink';
import type { ClassId } from '../../core/classroom/classIds';
import { useT } from '../i18n';

export interface ClassLinkBuilderProps {
  classroom: ClassroomLink;
  onChange: (classroom: ClassroomLink) => void;
}

function toggled(list: readonly ClassId[], id: ClassId, on: boolean): ClassId[] {
  const chosen = new Set(list);
  if (on) chosen.add(id);
  else chosen.delete(id);
  // Registry order, as the link reader writes it.
  return CLASS_ID_SPECS.map((spec) => spec.id).filter((known) => chosen.has(known));
}

export function ClassLinkBuilder({ classroom, onChange }: ClassLinkBuilderProps) {
  const t = useT('classroom');
  const label = (id: ClassId) => t(`classIds.${id}`);
  const set = (patch: Partial<ClassroomLink>) => onChange({ ...classroom, ...patch });
  return (
    <details className="class-builder" data-testid="class-builder">
      <summary data-testid="class-builder-toggle">{t('builderSummary')}</summary>
      <div className="class-builder-body">
        <label className="share-field">
          <span>{t('title')}</span>
          <input
            className="class-builder-input"
            data-testid="class-title-input"
            maxLength={TITLE_MAX}
            value={classroom.title}
            onChange={(event) => set({ title: capClassText(event.target.value, TITLE_MAX, TITLE_MAX_ENCODED) })}
          />
        </label>
        <label className="share-field">
          <span>{t('note')}</span>
          <textarea
            className="class-builder-input"
            data-testid="class-note-input"
            maxLength={NOTE_MAX}
            rows={2}
            value={classroom.note}
            onChange={(event) => set({ note: capClassText(event.target.value, NOTE_MAX, NOTE_MAX_ENCODED) })}
          />
        </label>
        <div className="class-builder-row">
          <label className="toggle">
            <input type="checkbox" data-testid="class-present" checked={classroom.present} onChange={(event) => set({ present: event.target.checked })} />
            <span>{t('presentationMode')}</span>
          </label>
          <label className="share-field class-open">
            <span>{t('opensOn')}</span>
            <select
              className="class-builder-input"
              data-testid="class-open"
              value={classroom.open ?? ''}
              onChange={(event) => set({ open: isViewId(event.target.value) ? event.target.value : null })}
            >
              <option value="">{t('currentView')}</option>
              {VIEW_IDS.map((view) => (
                <option key={view} value={view}>
                  {label(view)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <table className="class-builder-table">
          <thead>
            <tr>
              <th scope="col">{t('controlOrView')}</th>
              <th scope="col">{t('hide')}</th>
              <th scope="col">{t('lock')}</th>
            </tr>
          </thead>
          <tbody>
            {CLASS_ID_SPECS.map((spec) => (
              <tr key={spec.id}>
                <th scope="row">{label(spec.id)}</th>
                <td>
                  <input
                    type="checkbox"
                    data-testid={`class-hide-${spec.id}`}
                    aria-label={t('hideLabel', { label: label(spec.id) })}
                    checked={classroom.hide.includes(spec.id)}
                    onChange={(event) => set({ hide: toggled(classroom.hide, spec.id, event.target.checked) })}
                  />
                </td>
                <td>
                  {spec.kind === 'control' ? (
                    <input
                      type="checkbox"
                      data-testid={`class-lock-${spec.id}`}
                      aria-label={t('lockLabel', { label: label(spec.id) })}
                      checked={classroom.lock.includes(spec.id)}
                      onChange={(event) => set({ lock: toggled(classroom.lock, spec.id, event.target.checked) })}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
