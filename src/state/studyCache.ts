/**
 * IndexedDB cache of finished study work (the Paper view), one store shared by its studies, each in its own
 * namespace: the AXNet (§V) study's jobs under their bare job key (its config and method determine the result),
 * the AxTrain study's units under `axtrain:` + the unit key (data set, seed and budget determine the rows). The value
 * is plain data. Usable from the page and from a worker (only the IndexedDB API, no DOM). Any IndexedDB failure
 * (private mode, quota) degrades to "not cached" instead of throwing.
 */

export const STUDY_DB_NAME = 'axnet-lab-study';
export const STUDY_STORE_NAME = 'jobs';
const DB_VERSION = 1;

/**
 * The studies of the Paper view. 'axnet' keys stay bare (as they were before AxTrain joined), so caches made then still hit.
 * 'run': the lab's current run for a reload (src/state/runRestore.ts, one entry), kept in this same store.
 */
export type StudyCacheNamespace = 'axnet' | 'axtrain' | 'nas' | 'run';

/** The key in the store of `key` in `namespace`: bare for 'axnet' (its job keys never hold a ':'), `${namespace}:${key}` otherwise. */
export function toStoreKey(namespace: StudyCacheNamespace, key: string): string {
  return namespace === 'axnet' ? key : `${namespace}:${key}`;
}

/** The key within `namespace` of a key of the store, or null when it belongs to another namespace. */
export function fromStoreKey(namespace: StudyCacheNamespace, storeKey: string): string | null {
  if (namespace === 'axnet') return storeKey.includes(':') ? null : storeKey;
  const prefix = `${namespace}:`;
  return storeKey.startsWith(prefix) ? storeKey.slice(prefix.length) : null;
}

export interface StudyCache<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<void>;
  /** Keys of every cached entry of this namespace. */
  keys(): Promise<string[]>;
  /** Deletes this namespace's entries (the other studies' stay). */
  clear(): Promise<void>;
}

function promisify<R>(request: IDBRequest<R>): Promise<R> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

let opening: Promise<IDBDatabase | null> | null = null;

function openDatabase(): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  opening ??= new Promise<IDBDatabase | null>((resolve) => {
    try {
      const request = indexedDB.open(STUDY_DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STUDY_STORE_NAME)) request.result.createObjectStore(STUDY_STORE_NAME);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opening;
}

function awaitTransaction(transaction: IDBTransaction): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

async function withStore<R>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<R>): Promise<R | undefined> {
  const db = await openDatabase();
  if (!db) return undefined;
  try {
    const transaction = db.transaction(STUDY_STORE_NAME, mode);
    const done = mode === 'readwrite' ? awaitTransaction(transaction) : null;
    done?.catch(() => undefined); // awaited below; this only keeps a failed request's abort from going unhandled
    const result = await promisify(action(transaction.objectStore(STUDY_STORE_NAME)));
    await done;
    return result;
  } catch {
    return undefined;
  }
}

/** Deletes the entries whose store key `belongs` says are this namespace's, in one transaction. */
async function deleteWhere(belongs: (storeKey: string) => boolean): Promise<void> {
  const db = await openDatabase();
  if (!db) return;
  try {
    const transaction = db.transaction(STUDY_STORE_NAME, 'readwrite');
    const done = awaitTransaction(transaction);
    const store = transaction.objectStore(STUDY_STORE_NAME);
    const request = store.getAllKeys();
    // Delete inside the success callback, while the transaction is still active.
    request.onsuccess = () => {
      for (const key of request.result) if (belongs(String(key))) store.delete(key);
    };
    await done;
  } catch {
    // Not cleared: the next read still degrades to what is there.
  }
}

/** The cache of one study of the Paper view in IndexedDB (a no-op cache where IndexedDB is unavailable). */
export function openStudyCache<T>(namespace: StudyCacheNamespace = 'axnet'): StudyCache<T> {
  const storeKey = (key: string) => toStoreKey(namespace, key);
  return {
    get: async (key) => (await withStore<T>('readonly', (store) => store.get(storeKey(key)) as IDBRequest<T>)) ?? undefined,
    set: async (key, value) => {
      await withStore('readwrite', (store) => store.put(value, storeKey(key)));
    },
    keys: async () => ((await withStore('readonly', (store) => store.getAllKeys())) ?? []).map((k) => fromStoreKey(namespace, String(k))).filter((k): k is string => k !== null),
    clear: () => deleteWhere((k) => fromStoreKey(namespace, k) !== null),
  };
}
