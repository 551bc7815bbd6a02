// Every message between the page (host.ts) and the JavaScript sandbox worker.
//
// host -> worker: one `start`, then one reply (`ok` or `error`) per request.
// worker -> host: requests (`sql`, `load`, `columns`, `extract`) the host
//   answers with the engine and the dataset reader; `output` messages as the
//   cell produces them; and exactly one `done` or `failed` at the end.
// Everything here is plain data: class instances do not survive postMessage.
import type { ColumnDef, ResultSet, SqlParams, SqlValue } from '../sql/types';

// ---- host -> worker ----

export interface StartMessage {
  type: 'start';
  /** The learner's code, as typed. */
  code: string;
}

/** What an ok reply carries for each kind of request. */
export interface ReplyOf {
  sql: SqlReply;
  load: { inserted: number };
  columns: ColumnDef[];
  extract: { file: string; text: string };
}

export interface SqlReply {
  columns: string[];
  rows: SqlValue[][];
  /** Rows changed by the last statement (INSERT/UPDATE/DELETE). */
  changes: number;
}

export type RequestKind = keyof ReplyOf;

/** An ok reply; `request` names the request kind so `value` is typed. */
export type OkReply = {
  [K in RequestKind]: { type: 'ok'; id: number; request: K; value: ReplyOf[K] };
}[RequestKind];

export interface ErrorReply {
  type: 'error';
  id: number;
  /** Written for the learner, e.g. SQLite's own message. */
  message: string;
}

export type HostMessage = StartMessage | OkReply | ErrorReply;

// ---- worker -> host: requests ----

export type LoadMode = 'replace' | 'append';

export interface SqlRequest {
  type: 'sql';
  id: number;
  query: string;
  params?: SqlParams;
}

export interface LoadRequest {
  type: 'load';
  id: number;
  table: string;
  /** Already checked against the table (append) or inferred from the rows (replace). */
  columns: ColumnDef[];
  rows: SqlValue[][];
  mode: LoadMode;
}

/** The columns of a table, [] when there is no such table. Used by load(…, { mode: 'append' }). */
export interface ColumnsRequest {
  type: 'columns';
  id: number;
  table: string;
}

export interface ExtractRequest {
  type: 'extract';
  id: number;
  /** As the learner wrote it: `trips.csv`, or a bare dataset name like `trips`. */
  file: string;
}

export type SandboxRequest = SqlRequest | LoadRequest | ColumnsRequest | ExtractRequest;

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
/** A request as the runner builds it; the id is added by whoever posts it. */
export type RequestBody<K extends RequestKind = RequestKind> = WithoutId<Extract<SandboxRequest, { type: K }>>;

// ---- worker -> host: outputs and the end ----

export type LogLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

/** One item of a js cell's output, in the order the cell produced it. */
export type SandboxOutput =
  /** console.log / info / warn / error / debug, formatted as text. */
  | { kind: 'log'; level: LogLevel; text: string }
  /** display('some string') */
  | { kind: 'text'; text: string; title?: string }
  /** display(arrayOfObjects), display(await sql(...)), console.table(...). At most TABLE_ROW_LIMIT rows travel. */
  | { kind: 'table'; result: ResultSet; totalRows: number; title?: string }
  /** display(anyOtherValue), as pretty JSON. */
  | { kind: 'value'; json: string; title?: string }
  /** The error that ended the run, or the reason it was stopped. */
  | { kind: 'error'; message: string; line?: number; column?: number; stopped?: boolean };

export interface OutputMessage {
  type: 'output';
  output: SandboxOutput;
}

/** An error in the learner's code, located in the learner's own line numbers. */
export interface LearnerError {
  /** e.g. TypeError, SyntaxError; "Error" for errors of the ETL API. */
  name: string;
  message: string;
  /** 1-based line in the learner's code, when known. */
  line?: number;
  column?: number;
}

export interface DoneMessage {
  type: 'done';
  /** Outputs the runner dropped because the cell produced too many. */
  droppedOutputs: number;
}

export interface FailedMessage {
  type: 'failed';
  error: LearnerError;
  droppedOutputs: number;
}

export type WorkerMessage = SandboxRequest | OutputMessage | DoneMessage | FailedMessage;

/** Table outputs carry at most this many rows; `totalRows` says how many there were. */
export const TABLE_ROW_LIMIT = 1000;
/** A run sends at most this many outputs; the rest are counted, not sent. */
export const OUTPUT_LIMIT = 500;

/** For the default branch of an exhaustive switch: fails to compile if a case is missing. */
export function unreachable(value: never): never {
  const type = (value as { type?: unknown } | null)?.type;
  throw new Error(`Unexpected sandbox message type: ${String(type)}`);
}

const WORKER_MESSAGE_TYPES: ReadonlySet<string> = new Set<WorkerMessage['type']>([
  'sql',
  'load',
  'columns',
  'extract',
  'output',
  'done',
  'failed',
]);

/**
 * The worker runs the learner's code, which can post anything; the host
 * checks the envelope before it switches on the type.
 */
export function isWorkerMessage(data: unknown): data is WorkerMessage {
  if (data === null || typeof data !== 'object') return false;
  const type = (data as { type?: unknown }).type;
  return typeof type === 'string' && WORKER_MESSAGE_TYPES.has(type);
}
