// Test helpers for the progress layer (used by *.test.ts; not part of the app):
// a clock moved by hand, an IndexedDB wrapper that counts writes and can make
// them fail the way a full disk does, and a localStorage that can be full.
import type { Clock, TimerHandle } from './clock';
import type { IndexedDbApi } from './idb';
import type { JournalStorage } from './journal';

export class ManualClock implements Clock {
  time: number;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;

  constructor(start = Date.UTC(2025, 2, 1, 9, 0, 0)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as number);
  }

  /** Moves time on by ms, firing each timer that falls due, in order. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let next: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.timers.delete(next[0]);
      this.time = next[1].at;
      next[1].callback();
    }
    this.time = end;
  }

  get pendingTimers(): number {
    return this.timers.size;
  }
}

export interface InstrumentedIndexedDb {
  api: IndexedDbApi;
  /** When set, every put/delete/clear throws a DOMException with this name (e.g. 'QuotaExceededError'). */
  failWrites: string | null;
  /**
   * When set, the first put/delete/clear of a transaction goes ahead and the transaction
   * then aborts with a DOMException of this name, as browsers report a full disk at commit.
   */
  abortWrites: string | null;
  /** When set, open() throws a DOMException with this name (e.g. 'SecurityError'). */
  failOpen: string | null;
  /** Read-write transactions started. */
  writeTransactions: number;
  /** Records put. */
  puts: number;
}

/** Wraps an IndexedDB (fake-indexeddb in tests) in proxies that count and can fail writes. */
export function instrumentIndexedDb(inner: IndexedDbApi): InstrumentedIndexedDb {
  const state: InstrumentedIndexedDb = {
    api: { indexedDB: inner.indexedDB, IDBKeyRange: inner.IDBKeyRange },
    failWrites: null,
    abortWrites: null,
    failOpen: null,
    writeTransactions: 0,
    puts: 0,
  };

  const wrap = <T extends object>(target: T, overrides: Record<string | symbol, unknown>): T =>
    new Proxy(target, {
      get(t, prop) {
        if (prop in overrides) return overrides[prop];
        const value: unknown = Reflect.get(t, prop, t);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(t) : value;
      },
      set(t, prop, value) {
        return Reflect.set(t, prop, value, t);
      },
    });

  /** A transaction's error as the code sees it: the real one, or the one an abort was forced with. */
  interface TxState {
    tx: IDBTransaction;
    forcedError: DOMException | null;
  }

  const writeMethod = (store: IDBObjectStore, name: 'put' | 'delete' | 'clear', txState: TxState) =>
    (...args: unknown[]): unknown => {
      if (state.failWrites) throw new DOMException('The quota has been exceeded.', state.failWrites);
      if (name === 'put') state.puts++;
      const request = (store[name] as (...a: unknown[]) => unknown).apply(store, args);
      if (state.abortWrites && !txState.forcedError) {
        txState.forcedError = new DOMException('The quota has been exceeded.', state.abortWrites);
        txState.tx.abort();
      }
      return request;
    };

  const wrapStore = (store: IDBObjectStore, txState: TxState): IDBObjectStore =>
    wrap(store, {
      put: writeMethod(store, 'put', txState),
      delete: writeMethod(store, 'delete', txState),
      clear: writeMethod(store, 'clear', txState),
    });

  const wrapTx = (tx: IDBTransaction): IDBTransaction => {
    const txState: TxState = { tx, forcedError: null };
    const objectStore = (name: string) => wrapStore(tx.objectStore(name), txState);
    return new Proxy(tx, {
      get(t, prop) {
        if (prop === 'objectStore') return objectStore;
        if (prop === 'error' && txState.forcedError) return txState.forcedError;
        const value: unknown = Reflect.get(t, prop, t);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(t) : value;
      },
      set(t, prop, value) {
        return Reflect.set(t, prop, value, t);
      },
    });
  };

  const wrapDb = (db: IDBDatabase): IDBDatabase =>
    wrap(db, {
      transaction: (stores: string | string[], mode?: IDBTransactionMode) => {
        if (mode === 'readwrite') state.writeTransactions++;
        return wrapTx(db.transaction(stores, mode));
      },
    });

  const wrapOpen = (request: IDBOpenDBRequest): IDBOpenDBRequest => {
    let db: IDBDatabase | undefined;
    return new Proxy(request, {
      get(t, prop) {
        if (prop === 'result') return (db ??= wrapDb(t.result));
        const value: unknown = Reflect.get(t, prop, t);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(t) : value;
      },
      set(t, prop, value) {
        return Reflect.set(t, prop, value, t);
      },
    });
  };

  state.api.indexedDB = wrap(inner.indexedDB, {
    open: (name: string, version?: number) => {
      if (state.failOpen) throw new DOMException('The operation is insecure.', state.failOpen);
      return wrapOpen(inner.indexedDB.open(name, version));
    },
  });
  return state;
}

/** A localStorage in memory, shared by the stores of one test "browser profile". */
export class MemoryStorage implements JournalStorage {
  readonly items = new Map<string, string>();
  /** When set, setItem throws a DOMException with this name (e.g. 'QuotaExceededError'). */
  failWrites: string | null = null;
  /** When true, every method throws a SecurityError, as blocked storage does. */
  blocked = false;

  get length(): number {
    this.check();
    return this.items.size;
  }

  key(index: number): string | null {
    this.check();
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    this.check();
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.check();
    if (this.failWrites) throw new DOMException('The quota has been exceeded.', this.failWrites);
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.check();
    this.items.delete(key);
  }

  private check(): void {
    if (this.blocked) throw new DOMException('Access is denied for this document.', 'SecurityError');
  }
}
