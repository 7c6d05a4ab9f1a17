/** The one alert area (bad links, divergence, worker crash, lost GPU device), and the run-change question. */
import { acceptRunChange, continueRun, keepCurrentRun } from '../state/trainingController';
import { describeRunChange } from '../state/runChange';
import { selectNotice } from '../state/selectors';
import { useLabStore } from '../state/store';
import { useLanguage, useT } from './i18n';
import { formatMessage } from '../core/messages';

export function Notice() {
  const t = useT('sharing');
  const notice = useLabStore(selectNotice);
  const showNotice = useLabStore((state) => state.showNotice);
  const language = useLanguage();
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role="alert" data-testid="notice">
      <span>{notice.message ? formatMessage(notice.message, language) : notice.text}</span>
      {notice.action === 'continue' ? (
        <button type="button" className="prompt-button primary" data-testid="notice-continue" onClick={continueRun}>
          {t('continue')}
        </button>
      ) : null}
      <button type="button" className="mini" aria-label={t('dismiss')} onClick={() => showNotice(null)}>
        ✕
      </button>
    </div>
  );
}

/**
 * Asks before a settings change discards a paused or finished run (runChange.ts). It sits at the top
 * of the sidebar, next to the control that was changed; the run and its settings stay until answered.
 */
export function RunChangePrompt() {
  const t = useT('sharing');
  const language = useLanguage();
  const prompt = useLabStore((state) => state.runChange);
  if (!prompt) return null;
  return (
    <div className="run-change" role="alertdialog" aria-labelledby="run-change-text" aria-describedby="run-change-list" data-testid="run-change">
      <p id="run-change-text" className="run-change-text">
        {describeRunChange(prompt.step, language)}
      </p>
      <ul id="run-change-list" className="run-change-list">
        {prompt.changes.map((change) => (
          <li key={change}>{change}</li>
        ))}
      </ul>
      <div className="run-change-buttons">
        <button type="button" className="prompt-button primary" data-testid="run-change-new" onClick={acceptRunChange}>
          {t('newRun')}
        </button>
        <button type="button" className="prompt-button" data-testid="run-change-keep" onClick={keepCurrentRun}>
          {t('keepCurrent')}
        </button>
      </div>
    </div>
  );
}
