/// <reference lib="webworker" />
/**
 * The backend-measurement cache (src/core/backendCache.ts) in IndexedDB, which a dedicated worker can
 * open (localStorage it cannot). One object store, records keyed by their `key`. Every failure (no
 * IndexedDB, private mode, a blocked open) reads as "no entry" and a write that fails is dropped:
 * the cost is one more measurement. Reads are bounded by a timeout so a stuck open cannot delay Play.
 */
import type { BackendCacheEntry, BackendCacheStore } from '../src/core/backendCache';

const DB_NAME = 'axnet-lab';
const STORE_NAME = 'backend-measurements';
/** An IndexedDB open normally takes a few ms; past this, measure instead of waiting. */
const OPEN_TIMEOUT_MS = 300;

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') {
      reject(new Error('no IndexedDB'));
      return;
    }
    const timer = setTimeout(() => reject(new Error('IndexedDB open timed out')), OPEN_TIMEOUT_MS);
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE_NAME)) request.result.createObjectStore(STORE_NAME, { keyPath: 'key' });
    };
    request.onsuccess = () => {
      clearTimeout(timer);
      resolve(request.result);
    };
    request.onerror = () => {
      clearTimeout(timer);
      reject(request.error ?? new Error('IndexedDB open failed'));
    };
  });
}

function runRequest<T>(db: IDBDatabase, mode: IDBTransactionMode, makeRequest: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const transaction = db.transaction(STORE_NAME, mode);
    const request = makeRequest(transaction.objectStore(STORE_NAME));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export function createIndexedDbBackendCache(): BackendCacheStore {
  let database: Promise<IDBDatabase> | null = null;
  const open = () => (database ??= openDatabase());
  return {
    async read(key: string): Promise<unknown> {
      try {
        return await runRequest(await open(), 'readonly', (store) => store.get(key));
      } catch {
        return null;
      }
    },
    async write(entry: BackendCacheEntry): Promise<void> {
      try {
        await runRequest(await open(), 'readwrite', (store) => store.put(entry));
      } catch {
        // dropped: the next Play measures again
      }
    },
  };
}
