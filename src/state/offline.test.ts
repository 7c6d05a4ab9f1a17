import { describe, expect, it } from 'vitest';
import { createInertOfflineWatcher, createOfflineWatcher, type RegisterServiceWorker } from './offline';

/** A stand-in for vite-plugin-pwa's registerSW: records the callbacks and the update calls. */
function fakeRegister() {
  const calls: { reloadPage: boolean | undefined }[] = [];
  let callbacks: Parameters<RegisterServiceWorker>[0] = {};
  const register: RegisterServiceWorker = (options) => {
    callbacks = options;
    return async (reloadPage) => {
      calls.push({ reloadPage });
    };
  };
  return { register, calls, fire: () => callbacks };
}

describe('createOfflineWatcher', () => {
  it('reports offline-ready and a waiting update, and tells its listeners each time', () => {
    const fake = fakeRegister();
    const watcher = createOfflineWatcher(fake.register);
    let heard = 0;
    const unsubscribe = watcher.subscribe(() => heard++);
    expect(watcher.getState()).toEqual({ offlineReady: false, updateWaiting: false, registerError: null });
    fake.fire().onOfflineReady?.();
    expect(watcher.getState().offlineReady).toBe(true);
    fake.fire().onNeedRefresh?.();
    expect(watcher.getState().updateWaiting).toBe(true);
    expect(heard).toBe(2);
    unsubscribe();
    fake.fire().onRegisterError?.(new Error('SecurityError: no service workers here'));
    expect(heard).toBe(2);
    expect(watcher.getState().registerError).toBe('SecurityError: no service workers here');
  });

  it('activates the waiting worker only when one waits, and can hide the notice', async () => {
    const fake = fakeRegister();
    const watcher = createOfflineWatcher(fake.register);
    await watcher.applyUpdate();
    expect(fake.calls).toEqual([]);
    fake.fire().onNeedRefresh?.();
    await watcher.applyUpdate();
    expect(fake.calls).toEqual([{ reloadPage: true }]);
    watcher.dismissUpdate();
    expect(watcher.getState().updateWaiting).toBe(false);
    await watcher.applyUpdate();
    expect(fake.calls).toHaveLength(1);
  });

  it('reloads the page once when the new worker takes control, whichever signal comes first', async () => {
    const fake = fakeRegister();
    let reloads = 0;
    const controllerListeners: (() => void)[] = [];
    const watcher = createOfflineWatcher(fake.register, { reloadPage: () => reloads++, onControllerChange: (listener) => controllerListeners.push(listener) });
    fake.fire().onNeedRefresh?.();
    await watcher.applyUpdate();
    expect(controllerListeners).toHaveLength(1);
    expect(reloads).toBe(0);
    controllerListeners[0]();
    fake.fire().onNeedReload?.();
    expect(reloads).toBe(1);
  });

  it('a page a service worker already controls starts offline-ready; the inert watcher never changes', () => {
    expect(createOfflineWatcher(fakeRegister().register, { controlled: true }).getState().offlineReady).toBe(true);
    const inert = createInertOfflineWatcher();
    expect(inert.getState()).toEqual({ offlineReady: false, updateWaiting: false, registerError: null });
  });

  it('keeps the same state object between changes (useSyncExternalStore needs a stable snapshot)', () => {
    const fake = fakeRegister();
    const watcher = createOfflineWatcher(fake.register);
    const before = watcher.getState();
    expect(watcher.getState()).toBe(before);
    fake.fire().onOfflineReady?.();
    expect(watcher.getState()).not.toBe(before);
  });
});
