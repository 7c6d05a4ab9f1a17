/**
 * Offline use, as the page shows it: the "update available" notice (role=status, with a Reload button) when a newer
 * build's service worker waits, and the footer's "available offline" note once the precache is complete
 * (src/state/offline.ts; the service worker itself is vite-plugin-pwa's, vite.config.ts).
 */
import { useSyncExternalStore } from 'react';
import type { OfflineState } from '../state/offline';
import { getOfflineWatcher } from '../state/serviceWorker';

function useOfflineState(): OfflineState {
  const watcher = getOfflineWatcher();
  return useSyncExternalStore(watcher.subscribe, watcher.getState, watcher.getState);
}

export function UpdateNotice() {
  const { updateWaiting } = useOfflineState();
  if (!updateWaiting) return null;
  const watcher = getOfflineWatcher();
  return (
    <div className="notice notice-update" role="status" data-testid="update-notice">
      <span>A new version of the lab is available. Reload to use it (a running training stops).</span>
      <span className="notice-buttons">
        <button type="button" className="prompt-button primary" data-testid="update-reload" onClick={() => void watcher.applyUpdate()}>
          Reload
        </button>
        <button type="button" className="mini" aria-label="Dismiss the update notice" onClick={() => watcher.dismissUpdate()}>
          ✕
        </button>
      </span>
    </div>
  );
}

/** "Available offline" in the footer once every file of the lab is cached. */
export function OfflineReadyNote() {
  const { offlineReady } = useOfflineState();
  if (!offlineReady) return null;
  return (
    <span data-testid="offline-ready" title="Every file of the lab is cached by its service worker: it loads and trains without a network.">
      {' '}
      · available offline
    </span>
  );
}
