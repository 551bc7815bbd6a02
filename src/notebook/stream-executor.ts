// Runs a stream cell: reads its source through the SqlEngine (a table, or
// another cell's result), replays it with src/stream, and writes the result,
// side and state tables with engine.insert, replacing what an earlier run wrote.
import { eventsFrom, outputTables, parseStreamSpec, runStream } from '../stream';
import type { ResultSet, SqlEngine } from '../sql/types';
import type { Executor } from './executors';
import { errorOutput } from './executors';

/** Rows a stream cell may read; beyond them the run stops with a message rather than freezing the tab. */
export const STREAM_ROWS = 1_000_000;

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

async function isTable(engine: SqlEngine, name: string): Promise<boolean> {
  const found = await engine.exec("SELECT 1 FROM sqlite_schema WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE", [name]);
  return found.result.rows.length > 0;
}

export const runStreamCell: Executor = async (source, ctx) => {
  const parsed = parseStreamSpec(source);
  if (!parsed.ok) return { kind: 'error', message: parsed.errors.map((e) => `line ${e.line}: ${e.message}`).join('\n') };
  const { spec } = parsed;
  let input: ResultSet;
  let read: string[] = [];
  // A table of that name wins: a cell's id often names the table it made, and its last result may be a summary.
  const cellResult = ctx.resultOf?.(spec.from);
  const fromCell = cellResult && cellResult.result.columns.length > 0 && !(await isTable(ctx.engine, spec.from)) ? cellResult : undefined;
  if (fromCell) {
    if (spec.where !== undefined) return { kind: 'error', message: `where filters a table; ${spec.from} is a cell — put the condition in that cell's query` };
    if (fromCell.totalRows > fromCell.result.rows.length) {
      return { kind: 'error', message: `cell ${spec.from} kept ${fromCell.result.rows.length} of its ${fromCell.totalRows} rows — write them to a table and read that` };
    }
    input = fromCell.result;
    read = fromCell.tables?.read ?? [];
  } else {
    try {
      const where = spec.where === undefined ? '' : ` WHERE ${spec.where}`;
      const got = await ctx.engine.exec(`SELECT * FROM ${quote(spec.from)}${where}`, undefined, { maxRows: STREAM_ROWS });
      if (got.totalRows > STREAM_ROWS) return { kind: 'error', message: `${spec.from} has ${got.totalRows} rows; a stream cell replays at most ${STREAM_ROWS}` };
      input = got.result;
      read = got.tables.read;
    } catch (error) {
      const out = errorOutput(error);
      if (out.kind === 'error' && /no such table/i.test(out.message)) {
        return { kind: 'error', message: `${spec.from} is neither a table nor a cell that has run — run the cell that makes it first (${out.message})` };
      }
      return out;
    }
  }
  const events = eventsFrom(spec, input);
  if (!events.ok) return { kind: 'error', message: events.errors.join('\n'), tables: { read, written: [] } };
  const run = runStream(spec, events.events);
  const tables = outputTables(spec, run, input);
  const written: string[] = [];
  try {
    for (const t of tables) {
      await ctx.engine.insert({ table: t.table, columns: t.columns, rows: t.rows, mode: 'replace' });
      written.push(t.table);
    }
  } catch (error) {
    const out = errorOutput(error);
    return out.kind === 'error' ? { ...out, tables: { read, written } } : out;
  }
  const main = tables[0]!;
  const result: ResultSet = {
    columns: main.columns.map((c) => c.name),
    rows: main.rows,
    kinds: main.rows.map((row) => row.map((v) => (v === null ? 'n' : typeof v === 'string' ? 't' : Number.isInteger(v) ? 'i' : 'r')).join('')),
  };
  return { kind: 'stream', spec, run, result, totalRows: result.rows.length, tables: { read: [...new Set(read)].sort(), written: written.sort() } };
};
