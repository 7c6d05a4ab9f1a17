/** The one alert area: bad links, divergence, worker crash, lost GPU device. */
import { selectNotice } from '../state/selectors';
import { useLabStore } from '../state/store';

export function Notice() {
  const notice = useLabStore(selectNotice);
  const showNotice = useLabStore((state) => state.showNotice);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role="alert" data-testid="notice">
      <span>{notice.text}</span>
      <button type="button" className="mini" aria-label="Dismiss" onClick={() => showNotice(null)}>
        ✕
      </button>
    </div>
  );
}
