// SqlEngine over a Worker: a promise per request, one request in flight at a
// time, and cancel() by replacing the worker and restoring the last restore
// point the worker sent (see protocol.ts).
import { DatasetLoadError } from '../datasets/errors';
import type { LoadReport } from '../datasets/load';
import type { LoadProgress } from '../datasets/progress';
import {
  unreachable,
  type ErrorData,
  type LoadSpec,
  type RequestType,
  type ResultOf,
  type WorkerMessage,
  type WorkerRequest,
} from './protocol';
import {
  SqlCancelledError,
  SqlError,
  type ExecOptions,
  type ExecResult,
  type InsertRequest,
  type SqlEngine,
  type SqlParams,
} from './types';

/** The part of a Worker the client uses. A real Worker fits; Node tests pass an in-process fake. */
export interface WorkerLike extends EventTarget {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  terminate(): void;
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type RequestBody<K extends RequestType> = WithoutId<Extract<WorkerRequest, { type: K }>>;

interface Job {
  request: WorkerRequest;
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** Settles when the worker reported this exec's restore point, or when the job ended. */
  started: Promise<void>;
  markStarted(): void;
  onProgress?: (progress: LoadProgress) => void;
}

/** Requests that cancel() stops by replacing the worker. */
const STOPPABLE = new Set<RequestType>(['exec', 'load']);

export class WorkerSqlEngine implements SqlEngine {
  private worker!: WorkerLike;
  /** Messages from workers of older generations (terminated ones) are ignored. */
  private generation = 0;
  private nextId = 1;
  private running: Job | null = null;
  private queue: Job[] = [];
  /** The latest database file the worker sent; null means "an empty database". */
  private restorePoint: Uint8Array | null = null;
  /** Loads made on top of restorePoint: a restart runs them again rather than keeping an export of their data. */
  private reloads: LoadSpec[] = [];
  /**
   * True when the database changed after the restore point but was too large
   * to export: a cancel then goes back further than the running exec.
   */
  private restorePointBehind = false;
  private recovery: Promise<void> | null = null;
  /** While cancel() waits for a restore point, no further request may start. */
  private paused = false;
  /** Set when the engine can take no more requests: closed, or the worker failed. */
  private stopped: SqlError | null = null;
  private readonly firstStart: Promise<void>;

  constructor(private readonly createWorker: () => WorkerLike) {
    this.firstStart = this.startWorker();
    // Callers see an init failure through their own requests; don't report it twice.
    this.firstStart.catch(() => undefined);
  }

  /** Resolves once the first worker has opened its database. */
  ready(): Promise<void> {
    return this.firstStart;
  }

  /** Params bind to the last statement only; see SqlCore.exec. */
  exec(sql: string, params?: SqlParams, options?: ExecOptions): Promise<ExecResult> {
    const body = { type: 'exec' as const, sql, ...(params === undefined ? {} : { params }), ...(options ? { options } : {}) };
    return this.send<'exec'>(body);
  }

  /**
   * Loads datasets inside the worker (fetch, parse, generate, insert), so the
   * page's thread only gets progress snapshots. cancel() stops it; the
   * database is then as it was before the load.
   */
  async load(spec: LoadSpec, onProgress?: (progress: LoadProgress) => void): Promise<LoadReport[]> {
    const reports = await this.send<'load'>({ type: 'load', spec }, onProgress);
    this.reloads.push(spec);
    return reports;
  }

  insert(request: InsertRequest): Promise<{ inserted: number }> {
    return this.send<'insert'>({ type: 'insert', request });
  }

  async reset(): Promise<void> {
    await this.send<'reset'>({ type: 'reset' });
  }

  snapshot(): Promise<Uint8Array> {
    return this.send<'snapshot'>({ type: 'snapshot' });
  }

  async restore(bytes: Uint8Array): Promise<void> {
    await this.send<'restore'>({ type: 'restore', bytes });
  }

  /**
   * Stops what the caller is waiting for. Every request queued before this
   * call rejects with SqlCancelledError. If an exec is running, it rejects
   * too: the worker is replaced by a new one holding the restore point from
   * just before that exec, and cancel() resolves once the new worker is ready.
   * A running request of another kind (insert, restore, ...) is left to
   * finish. Requests made after this call run normally. Idle: does nothing.
   */
  cancel(): Promise<void> {
    if (this.recovery) return this.recovery;
    if (this.stopped) return Promise.resolve();
    const cutoff = this.nextId;
    const job = this.running;
    if (!job || !STOPPABLE.has(job.request.type)) {
      // Nothing started yet, so the database is already as it was before them.
      this.rejectQueuedBefore(cutoff);
      return Promise.resolve();
    }
    this.recovery = this.cancelJob(job, cutoff).finally(() => {
      this.recovery = null;
    });
    return this.recovery;
  }

  close(): void {
    if (this.stopped) return;
    this.stop(new SqlError('The database is closed.'));
  }

  private async cancelJob(job: Job, cutoff: number): Promise<void> {
    // The worker posts the restore point just before it starts the exec, so
    // it is already on its way; restoring without it would lose more than
    // this exec's changes.
    this.paused = true;
    try {
      await job.started;
    } finally {
      this.paused = false;
    }
    if (this.running !== job) {
      // It finished first, so there is nothing to stop but the queue.
      this.rejectQueuedBefore(cutoff);
      this.pump();
      return;
    }
    this.worker.terminate();
    this.running = null;
    job.reject(new SqlCancelledError(this.restorePointBehind));
    this.restorePointBehind = false;
    this.rejectQueuedBefore(cutoff);
    await this.startWorker();
  }

  private rejectQueuedBefore(cutoff: number): void {
    const cancelled = new SqlCancelledError();
    const kept: Job[] = [];
    for (const queued of this.queue) {
      // The init job of a new worker is never the caller's to cancel.
      if (queued.request.id < cutoff && queued.request.type !== 'init') queued.reject(cancelled);
      else kept.push(queued);
    }
    this.queue = kept;
  }

  private send<K extends RequestType>(body: RequestBody<K>, onProgress?: (progress: LoadProgress) => void): Promise<ResultOf[K]> {
    if (this.stopped) return Promise.reject(this.stopped);
    const job = this.makeJob({ ...body, id: this.nextId++ } as WorkerRequest);
    if (onProgress) job.job.onProgress = onProgress;
    this.queue.push(job.job);
    this.pump();
    return job.promise as Promise<ResultOf[K]>;
  }

  private makeJob(request: WorkerRequest): { job: Job; promise: Promise<unknown> } {
    let markStarted!: () => void;
    const started = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    let job!: Job;
    const promise = new Promise<unknown>((resolve, reject) => {
      job = {
        request,
        started,
        markStarted,
        resolve: (value) => {
          markStarted();
          resolve(value);
        },
        reject: (error) => {
          markStarted();
          reject(error);
        },
      };
    });
    return { job, promise };
  }

  /** Starts a worker holding the current restore point; resolves when it is ready. */
  private startWorker(): Promise<void> {
    this.generation += 1;
    const generation = this.generation;
    const worker = this.createWorker();
    worker.addEventListener('message', (event) => {
      if (generation === this.generation) this.onMessage((event as MessageEvent<WorkerMessage>).data);
    });
    worker.addEventListener('messageerror', () => {
      if (generation === this.generation) this.onLostResponse();
    });
    worker.addEventListener('error', (event) => {
      if (generation === this.generation) this.onWorkerError(event);
    });
    this.worker = worker;
    // Structured clone copies the bytes, so ours stay usable for the next restart.
    const init = this.makeJob({ type: 'init', id: this.nextId++, restorePoint: this.restorePoint, reload: [...this.reloads] });
    this.queue.unshift(init.job);
    this.pump();
    return init.promise.then(() => undefined);
  }

  private pump(): void {
    if (this.running || this.stopped || this.paused) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    this.worker.postMessage(job.request, []);
  }

  private onMessage(message: WorkerMessage): void {
    const job = this.running;
    if (!job || job.request.id !== message.id) return;
    switch (message.type) {
      case 'restore-point':
        if (message.bytes) {
          // The export holds everything loaded so far.
          this.restorePoint = message.bytes;
          this.reloads = [];
          this.restorePointBehind = false;
        }
        if (message.skipped) this.restorePointBehind = true;
        job.markStarted();
        return;
      case 'load-progress':
        job.onProgress?.(message.progress);
        return;
      case 'ok':
        if (message.request === job.request.type) job.resolve(message.value);
        else job.reject(new SqlError(`The SQL worker answered a ${job.request.type} request with ${message.request}.`));
        break;
      case 'error':
        job.reject(toSqlError(message.error));
        break;
      default:
        unreachable(message);
    }
    this.running = null;
    this.pump();
  }

  /** A response that could not be deserialised: fail that request, keep the worker. */
  private onLostResponse(): void {
    const job = this.running;
    if (!job) return;
    this.running = null;
    job.reject(new SqlError('The SQL worker sent a response that could not be read.'));
    this.pump();
  }

  /**
   * The worker script failed (the host catches every error of a request, so
   * this means it did not load, or the wasm aborted). Restarting would likely
   * fail the same way, so the engine stops.
   */
  private onWorkerError(event: Event): void {
    const detail = (event as Partial<ErrorEvent>).message || 'unknown error';
    this.stop(new SqlError(`The SQL worker failed: ${detail}`));
  }

  private stop(reason: SqlError): void {
    this.stopped = reason;
    this.worker.terminate();
    const pending = this.running ? [this.running, ...this.queue] : this.queue;
    this.running = null;
    this.queue = [];
    for (const job of pending) job.reject(reason);
  }
}

/** Errors cross the worker boundary as data; callers get SqlError back. */
export function toSqlError(data: ErrorData): SqlError | DatasetLoadError {
  if (data.load) return new DatasetLoadError(data.message, data.load);
  // The offline view (#14) knows this failure by its name (see datasets/not-cached.ts).
  if (data.name === 'DataNotCachedError') return Object.assign(new SqlError(data.message), { name: data.name });
  return new SqlError(data.message, data.statement, data.tables);
}
