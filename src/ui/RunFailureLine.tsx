import { formatMessage, type Message } from '../core/messages';
import { WORKER_LOAD_FAILURE_TEXT } from '../state/workerFailure';
import { useLanguage, useT } from './i18n';

/**
 * A run's failure line in the language on screen: its message where the page worded it, the load failure in the
 * views' words, else the worker's own words (as they came). The lab's run, the compare lanes, the sweep, NAS and AxTrain
 * show theirs so.
 */
export function useRunMessageText(message: string | null, localized: Message | null): string | null {
  const t = useT('views');
  const language = useLanguage();
  if (!message) return null;
  if (localized) return formatMessage(localized, language);
  return message === WORKER_LOAD_FAILURE_TEXT ? t('workerCodeFailure') : message;
}

/** A run's failure text alone, inline (a compare lane's). */
export function RunMessageText({ message, localized }: { message: string | null; localized: Message | null }) {
  return <>{useRunMessageText(message, localized)}</>;
}

/** A view's failure line (NAS, AxTrain), an alert: nothing while the run has none. */
export function RunFailureLine({ message, localized }: { message: string | null; localized: Message | null }) {
  const text = useRunMessageText(message, localized);
  if (!text) return null;
  return (
    <p className="axtrain-problem" role="alert">
      {text}
    </p>
  );
}
