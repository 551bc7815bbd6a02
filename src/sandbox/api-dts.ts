// IntelliSense for js cells: the ETL API as a global declaration file. The
// editor passes it to Monaco:
//   monaco.languages.typescript.javascriptDefaults.addExtraLib(SANDBOX_API_DTS, SANDBOX_API_DTS_URI);
// It is a script (no import/export), so its names are globals of the editor's
// model. api-dts.test.ts compiles it, with and without the DOM library, and
// type-checks a learner's program against it.

export const SANDBOX_API_DTS_URI = 'file:///workbench/js-cell-api.d.ts';

export const SANDBOX_API_DTS = `/**
 * A value as SQLite stores it. Integers beyond Number.MAX_SAFE_INTEGER arrive as bigint.
 */
type SqlValue = number | bigint | string | Uint8Array | null;

/** A malformed record that extract() skipped instead of throwing. */
interface ExtractProblem {
  /** 1-based line in the file where the bad record starts. */
  line: number;
  /** What is wrong, e.g. "expected 12 fields, found 11" or "invalid JSON (...)". */
  reason: string;
  /** The record as it appears in the file. */
  text: string;
}

/** The records of a file, plus what could not be parsed. */
interface Extracted<T> extends Array<T> {
  /** Records that were skipped because they are malformed. Empty when the file is clean. */
  problems: ExtractProblem[];
  /** The file that was read, e.g. "trips.csv". */
  file: string;
}

/** A CSV record: empty fields are null, plain numbers are numbers, everything else (dates too) is a string. */
type CsvRow = Record<string, string | number | null>;

interface ExtractOptions {
  /**
   * CSV only. false keeps every field exactly as the string in the file
   * (empty fields become ""). Default true.
   */
  infer?: boolean;
}

/**
 * Reads one of the site's dataset files and parses it by its extension.
 * Malformed records are skipped and listed in \`result.problems\`; extract() does not throw for them.
 *
 * - \`.csv\` → one object per record, keyed by the header. Empty fields are null,
 *   plain numbers ("42", "-3.5") become numbers, everything else stays a string
 *   (dates and ids like "007" too). Pass { infer: false } to keep every field a string.
 * - \`.ndjson\` → one object per line.
 * - \`.json\` → the parsed value.
 * - anything else (\`.log\`, \`.txt\`) → one string per line.
 *
 * A bare dataset name ("trips") finds its file ("trips.csv").
 *
 * @example
 * const trips = await extract('trips.csv');
 * display(trips.slice(0, 5));
 * @example
 * const events = await extract('app_events.ndjson');
 * console.log(events.length, 'events,', events.problems.length, 'malformed lines');
 * @example
 * const lines = await extract('server.log');
 * const errors = lines.filter((line) => / 5\\d\\d /.test(line));
 */
declare function extract(file: \`\${string}.csv\`, options?: ExtractOptions): Promise<Extracted<CsvRow>>;
declare function extract(file: \`\${string}.ndjson\`): Promise<Extracted<Record<string, any>>>;
declare function extract(file: \`\${string}.log\` | \`\${string}.txt\`): Promise<Extracted<string>>;
declare function extract(file: \`\${string}.json\`): Promise<any>;
declare function extract(file: string, options?: ExtractOptions): Promise<Extracted<any>>;

/** One row of a query: column name → value. */
type SqlRow = Record<string, any>;

/** The rows of a query, plus its column names and how many rows it changed. */
interface SqlRows<T = SqlRow> extends Array<T> {
  /**
   * The column names, in order. A name that appears twice (SELECT a.id, b.id)
   * gets a suffix in the objects' keys: id, id_2.
   */
  columns: string[];
  /** Rows changed by the last statement (INSERT, UPDATE, DELETE); 0 for a SELECT. */
  changes: number;
}

/**
 * Runs SQL in the notebook's database (the same one SQL cells use) and
 * returns the last statement's rows as objects.
 *
 * Several statements separated by ";" run in order. params bind to the last
 * statement: an array for ?, ?1 placeholders, or an object for :name / @name / $name
 * (the prefix may be left out of the keys). Booleans bind as 1/0, Dates as ISO text.
 *
 * @example
 * const top = await sql('SELECT city, count(*) AS trips FROM trips GROUP BY city ORDER BY trips DESC LIMIT 5');
 * display(top);
 * @example
 * const seoul = await sql('SELECT * FROM trips WHERE city = :city LIMIT 10', { city: 'Seoul' });
 * @example
 * // ELT: load the raw rows, then transform them with SQL
 * await sql('CREATE TABLE clean_trips AS SELECT * FROM raw_trips WHERE fare >= 0');
 */
declare function sql<T = SqlRow>(query: string, params?: readonly any[] | Record<string, any>): Promise<SqlRows<T>>;

/** What load() wrote. */
interface LoadResult {
  table: string;
  mode: 'replace' | 'append';
  /** Rows inserted. */
  rows: number;
  /** The table's columns as written (INTEGER, REAL, TEXT, BLOB, or "" when every value was null). */
  columns: { name: string; type: string }[];
}

interface LoadOptions {
  /**
   * 'replace' (default): drop the table if it exists and create it from the rows.
   * 'append': add the rows to an existing table; their keys must be exactly its columns.
   */
  mode?: 'replace' | 'append';
}

/**
 * Writes an array of objects to a table, in one transaction: either every row
 * is written or none is.
 *
 * Columns are the keys of the rows (all rows, in order of first appearance);
 * a row without a key stores NULL there. Types come from the values: integer
 * numbers → INTEGER, other numbers → REAL, strings → TEXT, booleans → 0/1,
 * Dates → ISO text, objects and arrays → JSON text, Uint8Array → BLOB,
 * null/undefined → NULL. A column must hold one kind of value: a string in a
 * column of numbers is an error that names the row and column.
 *
 * With { mode: 'append' } the rows must have exactly the table's columns (the
 * error names the missing and extra ones) and values that suit each column's type.
 *
 * @example
 * const trips = await extract('trips.csv');
 * const clean = trips.filter((t) => t.fare >= 0).map((t) => ({ ...t, fare_krw: Math.round(t.fare * 1300) }));
 * await load('clean_trips', clean);
 * @example
 * await load('events', todaysEvents, { mode: 'append' });
 */
declare function load(table: string, rows: readonly object[], options?: LoadOptions): Promise<LoadResult>;

/**
 * Shows a value under the cell:
 * - an array of objects (or the result of sql()) → a table (the first 1000 rows are shown);
 * - a string → text;
 * - anything else → pretty-printed JSON.
 * A value the cell returns (\`return x\`) is displayed the same way.
 *
 * @param title shown above the value.
 * @example
 * display(await sql('SELECT * FROM trips LIMIT 10'), 'First trips');
 * display('Loaded ' + rows.length + ' rows');
 * display({ rows: rows.length, problems: rows.problems.length });
 */
declare function display(value: unknown, title?: string): void;

/** Captured into the cell's output (console.table shows a table). */
interface Console {
  log(...data: any[]): void;
  info(...data: any[]): void;
  warn(...data: any[]): void;
  error(...data: any[]): void;
  debug(...data: any[]): void;
  dir(item?: any, options?: any): void;
  table(tabularData?: any, properties?: string[]): void;
}
declare var console: Console;
`;
