// The worker's message handling, with the Worker itself left out: `post` and
// `loadSqlJs` come in as arguments, so Node tests run it in-process.
import type { SqlJsStatic } from 'sql.js';
import { DatasetLoadError } from '../datasets/errors';
import { loadDatasets, type ReadText } from '../datasets/load';
import { SqlCore } from './core';
import { messageOf } from './insert';
import { unreachable, type ErrorData, type LoadSpec, type WorkerMessage, type WorkerRequest } from './protocol';
import { SqlError, type ExecOptions, type InsertRequest, type SqlEngine, type SqlParams } from './types';

export interface WorkerHostDeps {
  loadSqlJs(): Promise<SqlJsStatic>;
  post(message: WorkerMessage, transfer: Transferable[]): void;
  /** How the worker reads dataset files under `base` (fetch in a browser). */
  readText?(base: string): ReadText;
}

/** Returns the handler for incoming requests; it answers them one at a time, in order. */
export function createWorkerHost(deps: WorkerHostDeps): (request: WorkerRequest) => void {
  let core: SqlCore | null = null;
  let initError: string | null = null;
  // init awaits the wasm load; later requests must not overtake it.
  let queue = Promise.resolve();

  function open(): SqlCore {
    if (core) return core;
    throw new SqlError(initError ? `The database could not be opened: ${initError}` : 'The database is not open yet.');
  }

  async function handle(request: WorkerRequest): Promise<void> {
    const { post } = deps;
    const { id } = request;
    try {
      switch (request.type) {
        case 'init': {
          try {
            core = new SqlCore(await deps.loadSqlJs(), request.restorePoint);
            // Loaded data is not in the restore point: make it again, and count it as restored.
            for (const spec of request.reload ?? []) await load(core, spec);
            core.markClean();
          } catch (error) {
            initError = messageOf(error);
            core = null;
            throw error;
          }
          post({ type: 'ok', id, request: 'init', value: null }, []);
          break;
        }
        case 'exec': {
          const db = open();
          postRestorePoint(db, id);
          post({ type: 'ok', id, request: 'exec', value: db.exec(request.sql, request.params, request.options) }, []);
          break;
        }
        case 'load': {
          const db = open();
          postRestorePoint(db, id);
          const reports = await load(db, request.spec, (progress) => post({ type: 'load-progress', id, progress }, []));
          // The client keeps the spec as part of its restore point rather than an export of the data.
          db.markClean();
          post({ type: 'ok', id, request: 'load', value: reports }, []);
          break;
        }
        case 'insert':
          post({ type: 'ok', id, request: 'insert', value: open().insert(request.request) }, []);
          break;
        case 'reset':
          open().reset();
          post({ type: 'ok', id, request: 'reset', value: null }, []);
          break;
        case 'snapshot': {
          const bytes = ownBuffer(open().snapshot());
          post({ type: 'ok', id, request: 'snapshot', value: bytes }, [bytes.buffer]);
          break;
        }
        case 'restore':
          open().restore(request.bytes);
          post({ type: 'ok', id, request: 'restore', value: null }, []);
          break;
        default:
          unreachable(request);
      }
    } catch (error) {
      post({ type: 'error', id, error: toErrorData(error) }, []);
    }
  }

  function postRestorePoint(db: SqlCore, id: number): void {
    const taken = db.takeRestorePoint();
    if (taken === 'too-large') {
      deps.post({ type: 'restore-point', id, bytes: null, skipped: true }, []);
      return;
    }
    const bytes = taken && ownBuffer(taken);
    deps.post({ type: 'restore-point', id, bytes }, bytes ? [bytes.buffer] : []);
  }

  function load(db: SqlCore, spec: LoadSpec, onProgress?: Parameters<typeof loadDatasets>[3]) {
    if (!deps.readText) throw new SqlError('This SQL worker cannot read dataset files.');
    return loadDatasets(coreEngine(db), spec.names, deps.readText(spec.base), onProgress);
  }

  return (request) => {
    queue = queue.then(() => handle(request));
  };
}

/** The worker's own core as a SqlEngine, for the dataset loader (which only inserts and queries). */
function coreEngine(core: SqlCore): SqlEngine {
  const unsupported = (what: string) => () => Promise.reject(new SqlError(`${what} is not available while loading data.`));
  return {
    exec: async (sql: string, params?: SqlParams, options?: ExecOptions) => core.exec(sql, params, options),
    insert: async (request: InsertRequest) => core.insert(request),
    cancel: async () => undefined,
    reset: unsupported('reset'),
    snapshot: unsupported('snapshot'),
    restore: unsupported('restore'),
    close: () => undefined,
  };
}

export function toErrorData(error: unknown): ErrorData {
  if (error instanceof SqlError) {
    return {
      name: error.name,
      message: error.message,
      ...(error.statement === undefined ? {} : { statement: error.statement }),
      ...(error.tables === undefined ? {} : { tables: error.tables }),
    };
  }
  if (error instanceof DatasetLoadError) return { name: error.name, message: error.message, load: error.failure };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** Bytes that own their whole ArrayBuffer, so it can be transferred rather than copied. */
function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const { buffer } = bytes;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) {
    return bytes as Uint8Array<ArrayBuffer>;
  }
  return bytes.slice();
}
