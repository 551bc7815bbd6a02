// The worker's message handling, with the Worker itself left out: `post` and
// `loadSqlJs` come in as arguments, so Node tests run it in-process.
import type { SqlJsStatic } from 'sql.js';
import { SqlCore } from './core';
import { messageOf } from './insert';
import { unreachable, type ErrorData, type WorkerMessage, type WorkerRequest } from './protocol';
import { SqlError } from './types';

export interface WorkerHostDeps {
  loadSqlJs(): Promise<SqlJsStatic>;
  post(message: WorkerMessage, transfer: Transferable[]): void;
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
          } catch (error) {
            initError = messageOf(error);
            throw error;
          }
          post({ type: 'ok', id, request: 'init', value: null }, []);
          break;
        }
        case 'exec': {
          const db = open();
          const taken = db.takeRestorePoint();
          const bytes = taken && ownBuffer(taken);
          post({ type: 'restore-point', id, bytes }, bytes ? [bytes.buffer] : []);
          post({ type: 'ok', id, request: 'exec', value: db.exec(request.sql, request.params, request.options) }, []);
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

  return (request) => {
    queue = queue.then(() => handle(request));
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
