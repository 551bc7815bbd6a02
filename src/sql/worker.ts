// The SQL worker's entry: wiring only. The logic lives in worker-host.ts/core.ts.
import initSqlJs from 'sql.js';
// Vite emits the wasm as an asset of this site, so no request leaves the origin.
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { fetchSource } from '../datasets/browser-source';
import type { WorkerRequest } from './protocol';
import { createWorkerHost } from './worker-host';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const handle = createWorkerHost({
  loadSqlJs: () => initSqlJs({ locateFile: () => wasmUrl }),
  post: (message, transfer) => scope.postMessage(message, transfer),
  readText: (base) => fetchSource(base),
});

scope.onmessage = (event: MessageEvent<WorkerRequest>) => handle(event.data);
