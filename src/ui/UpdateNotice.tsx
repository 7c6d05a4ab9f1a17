/**
 * Offline use, as the page shows it: the "update available" notice (role=status, with a Reload button) when a newer
 * build's service worker waits, and the footer's "available offline" note once the precache is complete
 * (src/state/offline.ts; the service worker itself is vite-plugin-pwa's, vite.config.ts).
 */
import { useSyncExternalStore } from 'react';
import type { OfflineState } from '../state/offline';
import { getOfflineWatcher } from '../state/serviceWorker';
import { useT } from './i18n';

function useOfflineState(): OfflineState {
  const watcher = getOfflineWatcher();
  return useSyncExternalStore(watcher.subscribe, watcher.getState, watcher.getState);
}

export function UpdateNotice() {
  const t = useT('sharing');
  const { updateWaiting } = useOfflineState();
  if (!updateWaiting) return null;
  const watcher = getOfflineWatcher();
  return (
    <div className="notice notice-update" role="status" data-testid="update-notice">
      <span>{t('updateAvailable')}</span>
      <span className="notice-buttons">
        <button type="button" className="prompt-button primary" data-testid="update-reload" onClick={() => void watcher.applyUpdate()}>
          {t('reload')}
        </button>
        <button type="button" className="mini" aria-label={t('dismissUpdate')} onClick={() => watcher.dismissUpdate()}>
          ✕
        </button>
      </span>
    </div>
  );
}

/** "Available offline" in the footer once every file of the lab is cached. */
export function OfflineReadyNote() {
  const t = useT('sharing');
  const { offlineReady } = useOfflineState();
  if (!offlineReady) return null;
  return (
    <span data-testid="offline-ready" title={t('offlineReadyTitle')}>
      {' '}
      · {t('offlineReady')}
    </span>
  );
}
