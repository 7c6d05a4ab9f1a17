/** The one alert area (bad links, divergence, worker crash, lost GPU device), and the run-change question. */
import { acceptRunChange, cancelExtremeRun, continueRun, keepCurrentRun, shrinkExtremeRun, trainExtremeAnyway } from '../state/trainingController';
import { describeRunChange } from '../state/runChange';
import { selectNotice } from '../state/selectors';
import { useLabStore } from '../state/store';
import { useLanguage, useT } from './i18n';
import { formatMessage, message } from '../core/messages';

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
 * The run's open question, at the top of the sidebar next to the controls: a settings change that would discard a paused
 * or finished run (runChange.ts: New run / Keep current), or Play with settings past the estimate's thresholds
 * (extremeRun.ts: Train anyway / Shrink / Cancel). The run and its settings stay until answered.
 */
export function RunChangePrompt() {
  const t = useT('sharing');
  const language = useLanguage();
  const prompt = useLabStore((state) => state.runChange);
  if (!prompt) return null;
  const extreme = prompt.kind === 'extreme';
  return (
    <div className="run-change" role="alertdialog" aria-labelledby="run-change-text" aria-describedby="run-change-list" data-testid={extreme ? 'run-estimate' : 'run-change'}>
      <p id="run-change-text" className="run-change-text">
        {extreme ? formatMessage(prompt.estimate, language) : describeRunChange(prompt.step, language)}
      </p>
      {extreme && prompt.changes.length > 0 ? <p className="run-change-text">{formatMessage(message('shrinkChanges'), language)}</p> : null}
      <ul id="run-change-list" className="run-change-list">
        {prompt.changes.map((change) => {
          const text = formatMessage(change, language);
          return <li key={text}>{text}</li>;
        })}
      </ul>
      {extreme ? (
        <div className="run-change-buttons">
          <button type="button" className="prompt-button" data-testid="estimate-anyway" onClick={trainExtremeAnyway}>
            {t('trainAnyway')}
          </button>
          {prompt.changes.length > 0 ? (
            <button type="button" className="prompt-button primary" data-testid="estimate-shrink" onClick={shrinkExtremeRun}>
              {t('shrinkAndTrain')}
            </button>
          ) : null}
          <button type="button" className="prompt-button" data-testid="estimate-cancel" onClick={cancelExtremeRun}>
            {t('cancel')}
          </button>
        </div>
      ) : (
        <div className="run-change-buttons">
          <button type="button" className="prompt-button primary" data-testid="run-change-new" onClick={acceptRunChange}>
            {t('newRun')}
          </button>
          <button type="button" className="prompt-button" data-testid="run-change-keep" onClick={keepCurrentRun}>
            {t('keepCurrent')}
          </button>
        </div>
      )}
    </div>
  );
}
