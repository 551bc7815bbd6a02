// Every message between WorkerSqlEngine (client) and the SQL worker.
// Requests carry an id; the worker answers each with exactly one ok or error
// response, in the order received. Before running an exec it first sends a
// restore-point message for that exec.
import type { LoadFailure } from '../datasets/errors';
import type { LoadReport } from '../datasets/load';
import type { LoadProgress } from '../datasets/progress';
import type { ExecOptions, ExecResult, InsertRequest, SqlParams, TableAccess } from './types';

/** Datasets to load inside the worker: names as lessons give them, files fetched from `base` (an absolute URL). */
export interface LoadSpec {
  names: string[];
  base: string;
}

export interface InitRequest {
  type: 'init';
  id: number;
  /** The client's latest restore point, or null for an empty database. */
  restorePoint: Uint8Array | null;
  /**
   * Loads to run again on top of it: a loaded dataset is not exported as a
   * restore point (it can be made again), so a restart reloads it.
   */
  reload?: LoadSpec[];
}

/** Loads datasets inside the worker, posting load-progress messages while it runs; cancel() stops it like an exec. */
export interface LoadRequest {
  type: 'load';
  id: number;
  spec: LoadSpec;
}

export interface ExecRequest {
  type: 'exec';
  id: number;
  sql: string;
  params?: SqlParams;
  options?: ExecOptions;
}

export interface InsertRowsRequest {
  type: 'insert';
  id: number;
  request: InsertRequest;
}

export interface ResetRequest {
  type: 'reset';
  id: number;
}

export interface SnapshotRequest {
  type: 'snapshot';
  id: number;
}

export interface RestoreRequest {
  type: 'restore';
  id: number;
  bytes: Uint8Array;
}

export type WorkerRequest = InitRequest | ExecRequest | LoadRequest | InsertRowsRequest | ResetRequest | SnapshotRequest | RestoreRequest;

export type RequestType = WorkerRequest['type'];

/** What an ok response carries for each kind of request. */
export interface ResultOf {
  init: null;
  exec: ExecResult;
  load: LoadReport[];
  insert: { inserted: number };
  reset: null;
  snapshot: Uint8Array;
  restore: null;
}

/** An ok response; `request` names the request kind so `value` is typed. */
export type OkResponse = {
  [K in RequestType]: { type: 'ok'; id: number; request: K; value: ResultOf[K] };
}[RequestType];

/** An Error as plain data: class instances do not survive postMessage. */
export interface ErrorData {
  name: string;
  message: string;
  /** 1-based index of the failing statement, for SQL errors. */
  statement?: number;
  /** What the statements before the failing one read and wrote, for lineage. */
  tables?: TableAccess;
  /** Why a dataset did not load, for load requests. */
  load?: LoadFailure;
}

export interface ErrorResponse {
  type: 'error';
  id: number;
  error: ErrorData;
}

/**
 * Sent before an exec runs. `bytes` is the database as it is now, when it may
 * have changed since the last restore point; null means the client's latest
 * restore point still holds (or the database cannot be exported right now,
 * e.g. inside an open write transaction). cancel() restores the latest one.
 */
export interface RestorePointMessage {
  type: 'restore-point';
  id: number;
  bytes: Uint8Array | null;
  /**
   * True when the database may have changed but was too large to export:
   * the client's restore point is older than this exec, so cancelling it
   * loses more than the exec's own changes (the client says so).
   */
  skipped?: boolean;
}

/** Sent while a load request runs, at most ~10 a second. */
export interface LoadProgressMessage {
  type: 'load-progress';
  id: number;
  progress: LoadProgress;
}

export type WorkerMessage = OkResponse | ErrorResponse | RestorePointMessage | LoadProgressMessage;

/** For the default branch of an exhaustive switch: fails to compile if a case is missing. */
export function unreachable(value: never): never {
  const type = (value as { type?: unknown } | null)?.type;
  throw new Error(`Unexpected message type: ${String(type)}`);
}
