// IndexedDB as the KeyValue of own-store.ts: one database, one object store.
// Blobs are stored as Blobs (the browser keeps their bytes on disk, outside
// the page's memory). Opening fails with a named error when IndexedDB is
// missing (some private modes, sandboxed frames) or blocked by another tab.
import type { KeyValue } from './own-store';

const DB_NAME = 'service-circles';
const STORE = 'kv';
/** An open that neither succeeds nor fails (blocked by another tab holding an old version) gives up after this long, ms. */
const OPEN_TIMEOUT_MS = 5_000;

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? named('UnknownError', 'IndexedDB request failed'));
  });
}

export function openIdbKeyValue(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<KeyValue> {
  return new Promise((resolve, reject) => {
    if (!factory) return reject(named('UnavailableError', 'IndexedDB is not available in this browser'));
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(DB_NAME, 1);
    } catch (e) {
      return reject(e);
    }
    const timer = setTimeout(() => reject(named('BlockedError', 'IndexedDB did not open (blocked by another tab?)')), OPEN_TIMEOUT_MS);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onblocked = () => {
      clearTimeout(timer);
      reject(named('BlockedError', 'IndexedDB is blocked by another tab of this app'));
    };
    req.onerror = () => {
      clearTimeout(timer);
      reject(req.error ?? named('UnknownError', 'IndexedDB did not open'));
    };
    req.onsuccess = () => {
      clearTimeout(timer);
      const db = req.result;
      db.onversionchange = () => db.close();
      const tx = async <T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
        const t = db.transaction(STORE, mode);
        const result = done(fn(t.objectStore(STORE)));
        result.catch(() => {}); // its failure aborts the transaction, reported below
        await new Promise<void>((ok, fail) => {
          t.oncomplete = () => ok();
          t.onabort = t.onerror = () => fail(t.error ?? named('UnknownError', 'IndexedDB transaction failed'));
        });
        return result;
      };
      resolve({
        get: (key) => tx('readonly', (s) => s.get(key)),
        put: async (key, value) => void (await tx('readwrite', (s) => s.put(value, key))),
        delete: async (key) => void (await tx('readwrite', (s) => s.delete(key))),
      });
    };
  });
}
