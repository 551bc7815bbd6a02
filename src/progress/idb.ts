// Tiny promise wrappers over the raw IndexedDB API: just what the progress
// store needs, so it carries no library and tests can hand in fake-indexeddb.

/** The parts of the IndexedDB globals the store uses, injected (tests pass fake-indexeddb's). */
export interface IndexedDbApi {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

/** The browser's IndexedDB, or null when there is none or touching it throws (some privacy modes). */
export function browserIndexedDb(): IndexedDbApi | null {
  try {
    const g = globalThis as { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange };
    if (!g.indexedDB || !g.IDBKeyRange) return null;
    return { indexedDB: g.indexedDB, IDBKeyRange: g.IDBKeyRange };
  } catch {
    return null;
  }
}

export interface OpenHandlers {
  /** Fired when an older connection in another tab holds up the upgrade; opening goes on. */
  blocked(): void;
  /** Creates or migrates object stores, from the version the database had to the new one. */
  upgrade(db: IDBDatabase, oldVersion: number, tx: IDBTransaction): void;
}

export function openDatabase(factory: IDBFactory, name: string, version: number, handlers: OpenHandlers): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, version);
    } catch (error) {
      // e.g. SecurityError in a sandboxed frame.
      reject(error);
      return;
    }
    request.onupgradeneeded = (event) => {
      const tx = request.transaction;
      if (!tx) return;
      try {
        handlers.upgrade(request.result, event.oldVersion, tx);
      } catch (error) {
        tx.abort();
        reject(error);
      }
    };
    request.onblocked = () => handlers.blocked();
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      // Handled here; keeps the error from surfacing as an uncaught event in some browsers.
      event.preventDefault();
      reject(request.error ?? new DOMException('The database could not be opened', 'UnknownError'));
    };
  });
}

export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Runs `body` in one transaction and resolves with what `result` returns once the
 * transaction has committed; rejects (with everything rolled back) if any request
 * fails, body throws, or the transaction aborts (e.g. QuotaExceededError).
 */
export function transaction<T>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  body: (tx: IDBTransaction, abort: (error: unknown) => void) => () => T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let tx: IDBTransaction;
    let result: () => T;
    let failed = false;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      reject(error);
    };
    try {
      tx = db.transaction(stores, mode);
    } catch (error) {
      // InvalidStateError when the connection is closing, NotFoundError for a missing store.
      reject(error);
      return;
    }
    tx.oncomplete = () => {
      if (failed) return;
      try {
        resolve(result());
      } catch (error) {
        reject(error);
      }
    };
    // A failed request aborts the transaction by default; the request's error says why.
    // Requests cut short by an abort fail with AbortError: the abort event says why.
    tx.onerror = (event) => {
      const error = (event.target as IDBRequest | null)?.error;
      if (error && error.name !== 'AbortError') fail(error);
    };
    tx.onabort = () => fail(tx.error ?? new DOMException('The transaction was aborted', 'AbortError'));
    const abort = (error: unknown): void => {
      fail(error);
      try {
        tx.abort();
      } catch {
        // Already finished or aborted.
      }
    };
    try {
      result = body(tx, abort);
    } catch (error) {
      abort(error);
    }
  });
}
