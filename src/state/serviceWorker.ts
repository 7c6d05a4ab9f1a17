/**
 * Registers the lab's service worker (vite-plugin-pwa, vite.config.ts) once, at start-up. In the dev server the
 * plugin's virtual module is a stub that registers nothing, so `npm run dev` never caches stale code.
 */
/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import { createInertOfflineWatcher, createOfflineWatcher, type OfflineWatcher } from './offline';

let watcher: OfflineWatcher | null = null;

export function startServiceWorker(): OfflineWatcher {
  if (watcher) return watcher;
  const supported = typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
  watcher = supported
    ? createOfflineWatcher(registerSW, {
        controlled: navigator.serviceWorker.controller !== null,
        reloadPage: () => window.location.reload(),
        onControllerChange: (listener) => navigator.serviceWorker.addEventListener('controllerchange', listener, { once: true }),
      })
    : createInertOfflineWatcher();
  return watcher;
}

/** The watcher started by startServiceWorker (an inert one before that). */
export function getOfflineWatcher(): OfflineWatcher {
  watcher ??= createInertOfflineWatcher();
  return watcher;
}
