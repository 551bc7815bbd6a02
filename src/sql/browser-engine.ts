import { WorkerSqlEngine } from './worker-client';

/** The engine the app uses: sql.js in a module Web Worker bundled by Vite. */
export function createBrowserEngine(): WorkerSqlEngine {
  return new WorkerSqlEngine(() => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }));
}
