// A stand-in for the SQL Web Worker in Node: the same host and core, with
// messages structured-cloned and delivered on later macrotasks like a real
// worker's. Tests can hold a response back so a request seems to run forever.
import type { SqlJsStatic } from 'sql.js';
import type { ReadText } from '../datasets/load';
import type { WorkerMessage, WorkerRequest } from './protocol';
import { loadSqlJsInNode } from './sql-js-node';
import type { WorkerLike } from './worker-client';
import { createWorkerHost } from './worker-host';

export interface InProcessWorkerOptions {
  /**
   * Requests for which this returns true never get their response delivered
   * (the work itself is done), so to the client they look still running —
   * until the worker is terminated, which throws that work away.
   */
  holdResponse?: (request: WorkerRequest) => boolean;
  /** Sees every message the worker posts, held ones included. */
  onPost?: (message: WorkerMessage) => void;
  loadSqlJs?: () => Promise<SqlJsStatic>;
  /** How load requests read dataset files (Node tests pass nodeSource). */
  readText?: (base: string) => ReadText;
}

export class InProcessWorker extends EventTarget implements WorkerLike {
  private terminated = false;
  private readonly held = new Set<number>();
  private readonly handle: (request: WorkerRequest) => void;

  constructor(private readonly options: InProcessWorkerOptions = {}) {
    super();
    this.handle = createWorkerHost({
      loadSqlJs: options.loadSqlJs ?? loadSqlJsInNode,
      post: (message) => this.deliver(message),
      ...(options.readText ? { readText: options.readText } : {}),
    });
  }

  postMessage(message: WorkerRequest): void {
    if (this.terminated) return;
    const request = structuredClone(message);
    if (this.options.holdResponse?.(request)) this.held.add(request.id);
    setTimeout(() => {
      if (!this.terminated) this.handle(request);
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Fires an error event, as a worker whose script failed would. */
  fail(message: string): void {
    if (!this.terminated) this.dispatchEvent(Object.assign(new Event('error'), { message }));
  }

  private deliver(message: WorkerMessage): void {
    if (this.terminated) return;
    this.options.onPost?.(message);
    if (message.type !== 'restore-point' && message.type !== 'load-progress' && this.held.has(message.id)) return;
    const data = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data }));
    }, 0);
  }
}
