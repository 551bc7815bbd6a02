// Where saved work lives between visits: one IndexedDB database with two object
// stores keyed [lessonId, cellId]. Everything a flush writes goes in one
// transaction, so a failure (a full disk) leaves the database as it was.
import { emptyRecords, type Changes, type Entry, type Records } from './changes';
import { openDatabase, transaction, type IndexedDbApi } from './idb';
import { cellKey } from './records';
import type { ExerciseProgress, MemoryOnlyReason, SavedEdit } from './types';

export const DB_NAME = 'de-workbench';
/** Bump with a new step in upgrade() when the stored shape changes. */
export const DB_VERSION = 1;
export const EDITS = 'edits';
export const EXERCISES = 'exercises';
const KEY_PATH = ['lessonId', 'cellId'];

/** Storage under a store: reads records and writes Changes atomically. */
export interface Persistence {
  /** Every stored record, or one lesson's. */
  read(lessonId?: string): Promise<Records>;
  /** Writes all of `changes` in one transaction, or nothing (and rejects). */
  write(changes: Changes): Promise<void>;
  close(): void;
}

export interface ConnectHandlers {
  /** Opening waits for another tab; it goes on, and may still succeed. */
  blocked(): void;
  /** The open connection went away (another tab upgrades, or the browser closed it). */
  lost(reason: MemoryOnlyReason, detail: string): void;
}

/** Opens (creating or upgrading) the database; rejects when IndexedDB refuses. */
export async function connectIndexedDb(api: IndexedDbApi, handlers: ConnectHandlers, name = DB_NAME): Promise<Persistence> {
  const db = await openDatabase(api.indexedDB, name, DB_VERSION, {
    blocked: handlers.blocked,
    upgrade: (database, oldVersion) => {
      // One step per version, applied in order, so any older database catches up.
      if (oldVersion < 1) {
        database.createObjectStore(EDITS, { keyPath: KEY_PATH });
        database.createObjectStore(EXERCISES, { keyPath: KEY_PATH });
      }
    },
  });
  return new IndexedDbPersistence(db, api.IDBKeyRange, handlers);
}

class IndexedDbPersistence implements Persistence {
  private closed = false;

  constructor(
    private readonly db: IDBDatabase,
    private readonly keyRange: typeof IDBKeyRange,
    handlers: ConnectHandlers,
  ) {
    db.onversionchange = () => {
      // Let the other tab upgrade; this tab keeps its changes in memory meanwhile.
      this.close();
      handlers.lost('blocked', 'another tab is upgrading the database');
    };
    db.onclose = () => {
      if (this.closed) return;
      this.closed = true;
      handlers.lost('unavailable', 'the browser closed the database');
    };
  }

  /** All keys [lessonId, *]: arrays sort after strings, so [id, []] is above every cell id. */
  private lessonRange(lessonId: string): IDBKeyRange {
    return this.keyRange.bound([lessonId], [lessonId, []]);
  }

  read(lessonId?: string): Promise<Records> {
    const query = lessonId === undefined ? undefined : this.lessonRange(lessonId);
    return transaction(this.db, [EDITS, EXERCISES], 'readonly', (tx) => {
      const edits = tx.objectStore(EDITS).getAll(query);
      const exercises = tx.objectStore(EXERCISES).getAll(query);
      return () => {
        const records = emptyRecords();
        for (const e of edits.result as SavedEdit[]) records.edits.set(cellKey(e.lessonId, e.cellId), e);
        for (const x of exercises.result as ExerciseProgress[]) records.exercises.set(cellKey(x.lessonId, x.cellId), x);
        return records;
      };
    });
  }

  write(changes: Changes): Promise<void> {
    return transaction(this.db, [EDITS, EXERCISES], 'readwrite', (tx, abort) => {
      const edits = tx.objectStore(EDITS);
      const exercises = tx.objectStore(EXERCISES);
      // Requests in one transaction run in order: clears first, then the records.
      if (changes.clearAll) {
        edits.clear();
        exercises.clear();
      }
      for (const lessonId of changes.clearedLessons) {
        edits.delete(this.lessonRange(lessonId));
        exercises.delete(this.lessonRange(lessonId));
      }
      for (const entry of changes.edits.values()) writeEntry(edits, entry, abort);
      for (const entry of changes.exercises.values()) writeEntry(exercises, entry, abort);
      return () => undefined;
    });
  }

  close(): void {
    this.closed = true;
    this.db.close();
  }
}

function writeEntry<T extends object>(store: IDBObjectStore, entry: Entry<T>, abort: (error: unknown) => void): void {
  const key = [entry.lessonId, entry.cellId];
  const putOrDelete = (value: T | null): void => {
    if (value === null) store.delete(key);
    else store.put(value);
  };
  if (entry.op.absolute) {
    putOrDelete(entry.op.apply(undefined));
    return;
  }
  // The change depends on the record as stored now (maybe written by another tab).
  const get = store.get(key);
  get.onsuccess = () => {
    try {
      putOrDelete(entry.op.apply(get.result as T | undefined));
    } catch (error) {
      abort(error);
    }
  };
}
