// The sandbox worker's logic, Worker-free: runCell() takes the learner's code
// and a send/request pair, so Node tests call it directly. createSandboxSide()
// adds the message plumbing (request ids, replies) that worker.ts wires to
// postMessage.
import {
  API_NAMES,
  callSite,
  compile,
  describeError,
  withCallSite,
} from './compile';
import { consoleTableOutput, COLUMNS, displayOutput, logOutput } from './display';
import { parseExtract, type ExtractOptions } from './extract';
import { SandboxApiError } from './errors';
import { checkLoadArguments, prepareLoad, toSqlParams } from './load-rows';
import {
  OUTPUT_LIMIT,
  unreachable,
  type DoneMessage,
  type FailedMessage,
  type HostMessage,
  type LearnerError,
  type LogLevel,
  type OutputMessage,
  type ReplyOf,
  type RequestBody,
  type SandboxOutput,
  type SqlReply,
  type WorkerMessage,
} from './protocol';

export interface RunnerIo {
  /** Outputs and the final done/failed message. */
  send(message: OutputMessage | DoneMessage | FailedMessage): void;
  /** Asks the host; resolves with its answer or rejects with an Error carrying its message. */
  request<B extends RequestBody>(body: B): Promise<ReplyOf[B['type']]>;
}

export interface RunCellOptions {
  /** Called after the code compiled and before it runs (worker.ts passes lockDown). */
  beforeRun?: () => void;
}

/** What the learner's code sees; the names match API_NAMES and the d.ts. */
interface SandboxApi {
  extract(file: string, options?: ExtractOptions): Promise<unknown>;
  sql(query: string, params?: unknown): Promise<Record<string, unknown>[]>;
  load(table: string, rows: unknown, options?: unknown): Promise<LoadSummary>;
  display(value: unknown, title?: string): void;
  console: Record<LogLevel | 'table' | 'dir', (...args: unknown[]) => void>;
}

interface LoadSummary {
  table: string;
  mode: 'replace' | 'append';
  rows: number;
  columns: { name: string; type: string }[];
}

/**
 * Runs one cell to the end and sends exactly one done or failed message.
 * Resolves when that message is sent; never rejects. A value the code
 * returns (`return x`) is displayed like display(x).
 */
export async function runCell(code: string, io: RunnerIo, options: RunCellOptions = {}): Promise<void> {
  const outputs = createOutputs(io);
  const compiled = compile(code);
  if (!compiled.ok) {
    outputs.finish({ type: 'failed', error: compiled.error, droppedOutputs: 0 });
    return;
  }
  const api = createApi(io, outputs.emit);
  try {
    options.beforeRun?.();
  } catch (error) {
    outputs.finish({ type: 'failed', error: { name: 'Error', message: `The sandbox could not start: ${messageOf(error)}` }, droppedOutputs: 0 });
    return;
  }
  try {
    const returned = await compiled.run(...API_NAMES.map((name) => api[name]));
    if (returned !== undefined) outputs.emit(displayOutput(returned));
    outputs.finish({ type: 'done', droppedOutputs: 0 });
  } catch (error) {
    outputs.finish({ type: 'failed', error: describeError(error), droppedOutputs: 0 });
  }
}

function createOutputs(io: RunnerIo) {
  let sent = 0;
  let dropped = 0;
  let finished = false;
  return {
    emit(output: SandboxOutput): void {
      if (finished) return;
      if (sent >= OUTPUT_LIMIT) {
        dropped += 1;
        return;
      }
      sent += 1;
      io.send({ type: 'output', output });
    },
    /** Sends the final message once; anything later (a stray timer) is ignored. */
    finish(message: DoneMessage | FailedMessage): void {
      if (finished) return;
      finished = true;
      io.send({ ...message, droppedOutputs: dropped });
    },
  };
}

function createApi(io: RunnerIo, emit: (output: SandboxOutput) => void): SandboxApi {
  /** Runs an API call; its errors point at the learner's line that made the call. */
  const located = async <T>(site: Error, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      const wrapped = error instanceof Error ? error : new SandboxApiError(String(error));
      throw withCallSite(wrapped, site);
    }
  };

  const log = (level: LogLevel) => (...args: unknown[]) => emit(logOutput(level, args));

  return {
    extract(file, options) {
      const site = callSite();
      return located(site, async () => {
        if (typeof file !== 'string' || file === '') {
          throw new SandboxApiError(`extract() needs a file name, e.g. extract('trips.csv').`);
        }
        const reply = await io.request({ type: 'extract', file });
        try {
          return parseExtract(reply.file, reply.text, options ?? {});
        } catch (error) {
          throw new SandboxApiError(`extract('${file}'): ${messageOf(error)}`);
        }
      });
    },

    sql(query, params) {
      const site = callSite();
      return located(site, async () => {
        if (typeof query !== 'string' || query.trim() === '') {
          throw new SandboxApiError(`sql() needs a query string, e.g. sql('SELECT * FROM trips LIMIT 5').`);
        }
        const bound = toSqlParams(params);
        const reply = await io.request(bound === undefined ? { type: 'sql', query } : { type: 'sql', query, params: bound });
        return rowsOf(reply);
      });
    },

    load(table, rows, options) {
      const site = callSite();
      return located(site, async () => {
        const args = checkLoadArguments(table, rows, options);
        const existing = await io.request({ type: 'columns', table: args.table });
        const prepared = prepareLoad(args.table, args.rows, args.mode, existing.length > 0 ? existing : null);
        const { inserted } = await io.request({
          type: 'load',
          table: args.table,
          columns: prepared.columns,
          rows: prepared.rows,
          mode: args.mode,
        });
        return {
          table: args.table,
          mode: args.mode,
          rows: inserted,
          columns: prepared.columns.map((c) => ({ name: c.name, type: c.type })),
        };
      });
    },

    display(value, title) {
      emit(displayOutput(value, title));
    },

    console: {
      log: log('log'),
      info: log('info'),
      warn: log('warn'),
      error: log('error'),
      debug: log('debug'),
      dir: log('log'),
      table: (value: unknown) => emit(consoleTableOutput(value)),
    },
  };
}

/**
 * sql()'s result: one object per row, keyed by column name. A name that
 * appears twice (SELECT a.id, b.id) gets a suffix: id, id_2. The array also
 * has `columns` (those keys, in order) and `changes`, both not enumerable.
 */
function rowsOf(reply: SqlReply): Record<string, unknown>[] {
  const keys: string[] = [];
  const used = new Set<string>();
  for (const name of reply.columns) {
    let key = name;
    for (let k = 2; used.has(key); k += 1) key = `${name}_${k}`;
    used.add(key);
    keys.push(key);
  }
  const rows = reply.rows.map((values) => {
    const row: Record<string, unknown> = {};
    keys.forEach((key, c) => {
      row[key] = values[c];
    });
    return row;
  });
  Object.defineProperty(rows, COLUMNS, { value: keys, enumerable: false, writable: true });
  Object.defineProperty(rows, 'changes', { value: reply.changes, enumerable: false, writable: true });
  return rows;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// ---- message plumbing ----

export interface SandboxSide {
  /** Feed every message from the host here. */
  receive(message: HostMessage): void;
  /** An error nobody caught (a throw in a timer callback, an unhandled rejection): ends the run. */
  uncaught(error: unknown): void;
}

export interface SandboxSideOptions {
  post(message: WorkerMessage): void;
  beforeRun?: () => void;
}

/** The worker's side of the protocol: starts the run on `start`, routes replies to requests. */
export function createSandboxSide(options: SandboxSideOptions): SandboxSide {
  let nextId = 1;
  let started = false;
  let ended = false;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  const send = (message: OutputMessage | DoneMessage | FailedMessage): void => {
    if (ended) return;
    if (message.type !== 'output') ended = true;
    options.post(message);
  };

  const io: RunnerIo = {
    send,
    request<B extends RequestBody>(body: B): Promise<ReplyOf[B['type']]> {
      const id = nextId;
      nextId += 1;
      return new Promise<ReplyOf[B['type']]>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        options.post({ ...body, id } as WorkerMessage);
      });
    },
  };

  return {
    receive(message) {
      switch (message.type) {
        case 'start':
          if (started) return;
          started = true;
          void runCell(message.code, io, { beforeRun: options.beforeRun });
          return;
        case 'ok':
        case 'error': {
          const waiter = pending.get(message.id);
          if (!waiter) return;
          pending.delete(message.id);
          if (message.type === 'ok') waiter.resolve(message.value);
          else waiter.reject(new SandboxApiError(message.message));
          return;
        }
        default:
          unreachable(message);
      }
    },
    uncaught(error) {
      const described: LearnerError = describeError(error);
      send({ type: 'failed', error: { ...described, message: `${described.message} (uncaught, in a callback)` }, droppedOutputs: 0 });
    },
  };
}
