/**
 * IndexedDB cache of finished study jobs (the Paper view): key = the job's id (its config and
 * method determine the result, so the id is enough), value = the job's result as plain data.
 * Usable from the page and from a worker (only the IndexedDB API, no DOM). Any IndexedDB failure
 * (private mode, quota) degrades to "not cached" instead of throwing.
 */

export const STUDY_DB_NAME = 'axnet-lab-study';
export const STUDY_STORE_NAME = 'jobs';
const DB_VERSION = 1;

export interface StudyCache<T> {
  get(key: string): Promise<T | undefined>;
  set(key: string, value: T): Promise<void>;
  /** Keys of every cached job. */
  keys(): Promise<string[]>;
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

async function withStore<R>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<R>): Promise<R | undefined> {
  const db = await openDatabase();
  if (!db) return undefined;
  try {
    const transaction = db.transaction(STUDY_STORE_NAME, mode);
    const result = await promisify(action(transaction.objectStore(STUDY_STORE_NAME)));
    if (mode === 'readwrite') {
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
        transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
      });
    }
    return result;
  } catch {
    return undefined;
  }
}

/** The study cache in IndexedDB (a no-op cache where IndexedDB is unavailable). */
export function openStudyCache<T>(): StudyCache<T> {
  return {
    get: async (key) => (await withStore<T>('readonly', (store) => store.get(key) as IDBRequest<T>)) ?? undefined,
    set: async (key, value) => {
      await withStore('readwrite', (store) => store.put(value, key));
    },
    keys: async () => ((await withStore('readonly', (store) => store.getAllKeys())) ?? []).map(String),
    clear: async () => {
      await withStore('readwrite', (store) => store.clear());
    },
  };
}
