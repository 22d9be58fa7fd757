/**
 * A very small promise wrapper over IndexedDB for the few things Pantau keeps on the phone
 * (the outbox of reports waiting to be sent). Used by the page and by the service worker. When IndexedDB is not available (some private
 * modes), a memory store takes its place: work still goes out while the page stays open.
 */

const DB_NAME = 'pantau';
const DB_VERSION = 1;
export const OUTBOX_STORE = 'outbox';

export interface KeyedStore<T> {
  all(): Promise<T[]>;
  put(value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

let opening: Promise<IDBDatabase> | null = null;

function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(OUTBOX_STORE)) db.createObjectStore(OUTBOX_STORE, { keyPath: 'id' });
    };
    request.onsuccess = () => {
      const db = request.result;
      // The page and the service worker both keep it open: a newer version of either must not be blocked.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
    request.onblocked = () => reject(new Error('IndexedDB open blocked'));
  });
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function idbStore<T>(name: string): KeyedStore<T> {
  const run = async <R>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<R>): Promise<R> => {
    const db = await openDb();
    return done(fn(db.transaction(name, mode).objectStore(name)));
  };
  return {
    all: async () => (await run('readonly', (s) => s.getAll())) as T[],
    put: async (value) => {
      await run('readwrite', (s) => s.put(value));
    },
    delete: async (key) => {
      await run('readwrite', (s) => s.delete(key));
    },
  };
}

export function memoryStore<T extends { id: string }>(): KeyedStore<T> {
  const map = new Map<string, T>();
  return {
    all: async () => [...map.values()],
    put: async (value) => {
      map.set(value.id, value);
    },
    delete: async (key) => {
      map.delete(key);
    },
  };
}

/** The IndexedDB store when it works on this browser, else a memory store. */
export async function persistentStore<T extends { id: string }>(name: string): Promise<KeyedStore<T>> {
  if (typeof indexedDB === 'undefined') return memoryStore<T>();
  try {
    await openDb();
    return idbStore<T>(name);
  } catch {
    return memoryStore<T>();
  }
}

/** A store that picks IndexedDB or memory on first use (so it can be made synchronously). */
export function deviceStore<T extends { id: string }>(name: string): KeyedStore<T> {
  let backend: Promise<KeyedStore<T>> | null = null;
  const get = () => (backend ??= persistentStore<T>(name));
  return {
    all: async () => (await get()).all(),
    put: async (value) => (await get()).put(value),
    delete: async (key) => (await get()).delete(key),
  };
}
