// The page's answers to the sandbox's requests: SQL through the SqlEngine,
// datasets through readText, and a record of the tables each run read and
// wrote. One SandboxServices per run.
import { SqlCancelledError, SqlError, type SqlEngine, type TableAccess } from '../sql/types';
import type { ReplyOf, RequestKind, SandboxRequest } from './protocol';

export interface SandboxServicesOptions {
  engine: SqlEngine;
  /** Reads a dataset file of this site, e.g. `trips.csv` (the UI fetches `datasets/<file>`). */
  readText(file: string): Promise<string>;
  /**
   * The dataset files extract() may read. When given, a name outside the list
   * is refused with the list in the message, and a bare name (`trips`)
   * finds its file (`trips.csv`). When absent, any plain file name is passed
   * to readText.
   */
  files?: readonly string[];
}

/** A plain file name: no folders, no URL, no leading dot. */
const FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;

type RequestOf<K extends RequestKind> = Extract<SandboxRequest, { type: K }>;

export class SandboxServices {
  readonly tablesRead = new Set<string>();
  readonly tablesWritten = new Set<string>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private execs = 0;

  constructor(private readonly options: SandboxServicesOptions) {}

  /** Answers one request; rejects with an Error whose message is meant for the learner. */
  answer<K extends RequestKind>(request: RequestOf<K>): Promise<ReplyOf[K]> {
    const work = this.dispatch(request as SandboxRequest) as Promise<ReplyOf[K]>;
    this.inFlight.add(work);
    const forget = () => this.inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** True while a sql() call is running in the engine: stop() then cancels it. */
  get sqlRunning(): boolean {
    return this.execs > 0;
  }

  /** Resolves once every request under way has finished, however it ended. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private dispatch(request: SandboxRequest): Promise<unknown> {
    switch (request.type) {
      case 'sql':
        return this.sql(request.query, request.params);
      case 'load':
        return this.load(request);
      case 'columns':
        return this.columns(request.table);
      case 'extract':
        return this.extract(request.file);
      default: {
        const unknownRequest: never = request;
        return Promise.reject(new Error(`Unknown request ${String((unknownRequest as { type?: unknown }).type)}`));
      }
    }
  }

  private async sql(query: string, params: RequestOf<'sql'>['params']): Promise<ReplyOf['sql']> {
    const { engine } = this.options;
    this.execs += 1;
    try {
      // The engine reports what each exec read and wrote, as SQLite saw it.
      const exec = await engine.exec(query, params);
      this.noteTables(exec.tables);
      return { columns: exec.result.columns, rows: exec.result.rows, changes: exec.changes };
    } catch (error) {
      // Statements before a failing one stay applied; their tables count.
      if (error instanceof SqlError) this.noteTables(error.tables);
      throw learnerFacing(error);
    } finally {
      this.execs -= 1;
    }
  }

  private noteTables(tables: TableAccess | undefined): void {
    tables?.read.forEach((t) => this.tablesRead.add(t));
    tables?.written.forEach((t) => this.tablesWritten.add(t));
  }

  private async load(request: RequestOf<'load'>): Promise<ReplyOf['load']> {
    try {
      const result = await this.options.engine.insert({
        table: request.table,
        columns: request.columns,
        rows: request.rows,
        mode: request.mode,
      });
      this.tablesWritten.add(request.table);
      return result;
    } catch (error) {
      throw learnerFacing(error, `load("${request.table}"): `);
    }
  }

  private async columns(table: string): Promise<ReplyOf['columns']> {
    try {
      const { result } = await this.options.engine.exec('SELECT name, type FROM pragma_table_info(?)', [table]);
      return result.rows.map(([name, type]) => ({ name: String(name), type: columnType(String(type ?? '')) }));
    } catch (error) {
      throw learnerFacing(error);
    }
  }

  private async extract(name: string): Promise<ReplyOf['extract']> {
    const file = this.resolve(name);
    let text: string;
    try {
      text = await this.options.readText(file);
    } catch (error) {
      throw new Error(`extract('${name}'): could not read ${file} (${error instanceof Error ? error.message : String(error)}).`);
    }
    return { file, text };
  }

  private resolve(name: string): string {
    const { files } = this.options;
    const listing = files && files.length > 0 ? ` The datasets are: ${files.join(', ')}.` : '';
    if (!FILE_NAME.test(name)) {
      throw new Error(`extract('${name}'): give a dataset's file name, like 'trips.csv' (no folders or web addresses).${listing}`);
    }
    if (!files) return name;
    if (files.includes(name)) return name;
    if (!name.includes('.')) {
      const matches = files.filter((f) => f.slice(0, f.lastIndexOf('.') === -1 ? f.length : f.lastIndexOf('.')) === name);
      if (matches.length === 1) return matches[0];
      if (matches.length > 1) throw new Error(`extract('${name}'): several files match: ${matches.join(', ')}. Give the full file name.`);
    }
    throw new Error(`extract('${name}'): there is no such dataset.${listing}`);
  }
}

/** The engine's declared column types, as ColumnDef accepts them; other declarations keep their affinity's name. */
function columnType(declared: string): ReplyOf['columns'][number]['type'] {
  const t = declared.toUpperCase();
  if (t === 'INTEGER' || t === 'REAL' || t === 'TEXT' || t === 'BLOB' || t === 'NUMERIC' || t === '') return t;
  if (t.includes('INT')) return 'INTEGER';
  if (t.includes('CHAR') || t.includes('CLOB') || t.includes('TEXT')) return 'TEXT';
  if (t.includes('BLOB')) return 'BLOB';
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return 'REAL';
  return 'NUMERIC';
}

function learnerFacing(error: unknown, prefix = ''): Error {
  if (error instanceof SqlCancelledError) return new Error('The SQL was stopped.');
  return new Error(prefix + (error instanceof Error ? error.message : String(error)));
}
