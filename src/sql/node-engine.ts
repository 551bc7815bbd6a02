// Engines for Node (tests, lesson checks, benchmarks).
import { SqlCore } from './core';
import { InProcessWorker, type InProcessWorkerOptions } from './in-process-worker';
import { loadSqlJsInNode } from './sql-js-node';
import { SqlError, type ExecOptions, type ExecResult, type InsertRequest, type SqlEngine, type SqlParams } from './types';
import { WorkerSqlEngine } from './worker-client';

/**
 * sql.js in-process, no worker. exec() runs synchronously inside the call, so
 * no exec is ever under way when cancel() could run: cancel() resolves and
 * does nothing.
 */
export async function createNodeEngine(): Promise<SqlEngine> {
  return new DirectSqlEngine(new SqlCore(await loadSqlJsInNode()));
}

/**
 * The browser's client (queueing, cancel, restore) over in-process fake
 * workers; for testing WorkerSqlEngine in Node.
 */
export function createInProcessWorkerEngine(options: InProcessWorkerOptions = {}): WorkerSqlEngine {
  return new WorkerSqlEngine(() => new InProcessWorker(options));
}

class DirectSqlEngine implements SqlEngine {
  constructor(private core: SqlCore | null) {}

  async exec(sql: string, params?: SqlParams, options?: ExecOptions): Promise<ExecResult> {
    return this.open().exec(sql, params, options);
  }

  async insert(request: InsertRequest): Promise<{ inserted: number }> {
    return this.open().insert(request);
  }

  async cancel(): Promise<void> {}

  async reset(): Promise<void> {
    this.open().reset();
  }

  async snapshot(): Promise<Uint8Array> {
    return this.open().snapshot();
  }

  async restore(bytes: Uint8Array): Promise<void> {
    this.open().restore(bytes);
  }

  close(): void {
    this.core?.close();
    this.core = null;
  }

  private open(): SqlCore {
    if (!this.core) throw new SqlError('The database is closed.');
    return this.core;
  }
}
