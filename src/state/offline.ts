/**
 * Offline use (issue 13): the service worker's state as the page sees it. vite-plugin-pwa's Workbox service worker
 * precaches the whole build, each file with its revision (vite.config.ts); a new build installs beside the old one
 * and waits. This module turns the register callbacks into a small observable state for the "update available"
 * notice (src/ui/UpdateNotice.tsx): `offlineReady` once the precache is complete, `updateWaiting` when a newer build
 * waits, and `applyUpdate()`, which lets the waiting worker take over; the page then reloads itself
 * (createOfflineWatcher). The register function is passed in, so the logic is tested without a browser.
 */

/** The part of vite-plugin-pwa's `registerSW` this module uses (virtual:pwa-register). */
export type RegisterServiceWorker = (options: {
  onNeedRefresh?: () => void;
  onOfflineReady?: () => void;
  onNeedReload?: () => void;
  onRegisterError?: (error: unknown) => void;
}) => (reloadPage?: boolean) => Promise<void>;

export interface OfflineWatcherOptions {
  /** A service worker already serves this page (a later visit): the lab is offline-ready from the start. */
  controlled?: boolean;
  /** Reloads the page (location.reload in the browser). */
  reloadPage?: () => void;
  /** Calls `listener` when a new service worker takes control of the page (navigator.serviceWorker's controllerchange). */
  onControllerChange?: (listener: () => void) => void;
}

export interface OfflineState {
  /** The precache is complete: the lab now loads and trains without a network. */
  offlineReady: boolean;
  /** A newer build's service worker is installed and waits for this page to let it take over. */
  updateWaiting: boolean;
  /** The registration failed (no service worker support, or a private window): the lab still runs online. */
  registerError: string | null;
}

export interface OfflineWatcher {
  getState(): OfflineState;
  subscribe(listener: () => void): () => void;
  /** Activates the waiting service worker; the page reloads when it controls it. No-op with nothing waiting. */
  applyUpdate(): Promise<void>;
  /** Hides the notice until the next update (the waiting worker still takes over once every tab of the lab is closed). */
  dismissUpdate(): void;
}

const INITIAL_STATE: OfflineState = { offlineReady: false, updateWaiting: false, registerError: null };

/**
 * The page reloads once the new worker controls it: workbox-window says so for an update of this page's own worker
 * (`onNeedReload`), and `controllerchange` covers a worker another tab installed (workbox-window's "external" one).
 * Whichever comes first reloads; the other finds it done.
 */
export function createOfflineWatcher(register: RegisterServiceWorker, options: OfflineWatcherOptions = {}): OfflineWatcher {
  let state: OfflineState = { ...INITIAL_STATE, offlineReady: options.controlled ?? false };
  let reloading = false;
  const reloadOnce = () => {
    if (reloading) return;
    reloading = true;
    options.reloadPage?.();
  };
  const listeners = new Set<() => void>();
  const update = (patch: Partial<OfflineState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };
  const updateServiceWorker = register({
    onOfflineReady: () => update({ offlineReady: true }),
    onNeedRefresh: () => update({ updateWaiting: true }),
    onNeedReload: reloadOnce,
    onRegisterError: (error) => update({ registerError: error instanceof Error ? error.message : String(error) }),
  });
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async applyUpdate() {
      if (!state.updateWaiting) return;
      options.onControllerChange?.(reloadOnce);
      await updateServiceWorker(true);
    },
    dismissUpdate: () => update({ updateWaiting: false }),
  };
}

/** A watcher that never hears from a service worker (the dev server, tests, browsers without service workers). */
export function createInertOfflineWatcher(): OfflineWatcher {
  return createOfflineWatcher(() => async () => {});
}
