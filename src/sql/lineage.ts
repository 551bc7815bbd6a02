// Which tables an exec read and wrote, as SQLite itself says it: each
// statement's bytecode (EXPLAIN) names the b-trees it opens by root page, and
// sqlite_schema maps root pages to tables. What the bytecode cannot show
// (tables created, dropped or altered) comes from comparing sqlite_schema
// before and after the statement. No SQL text is parsed here.
import type { Database } from 'sql.js';
import type { StatementAccess, TableAccess } from './types';

/**
 * OP_Open* flag: P2 is a register holding the root page (a b-tree the same
 * statement creates, as in CREATE TABLE AS / CREATE INDEX), not a root page.
 */
const OPFLAG_P2ISREG = 0x10;

/** Database index in the bytecode (P3 of OP_Open*) -> how we name its tables. */
const MAIN = 0;
const TEMP = 1;

/** sqlite_schema rows we care about, per database. */
interface SchemaObject {
  db: number;
  type: string;
  name: string;
  tblName: string;
  rootpage: number;
  sql: string | null;
}

interface Snapshot {
  /** `${db}:${rootpage}` -> the table (for an index: its table) as we report it. */
  pages: Map<string, string>;
  /** Tables and views only: reported name (lower case) -> definition, for the diff. */
  relations: Map<string, { name: string; type: string; sql: string | null }>;
}

interface Counters {
  totalChanges: number;
  /** main and temp schema_version, joined; moves on any DDL. */
  schema: string;
}

const COUNTERS_SQL = 'SELECT total_changes(), (SELECT schema_version FROM pragma_schema_version)';
// pragma_schema_version takes no schema argument (temp.pragma_… still reads main's), so ask temp apart.
const TEMP_VERSION_SQL = 'PRAGMA temp.schema_version';

const OBJECTS_SQL = `SELECT ${MAIN}, type, name, tbl_name, rootpage, sql FROM main.sqlite_schema
UNION ALL SELECT ${TEMP}, type, name, tbl_name, rootpage, sql FROM temp.sqlite_schema`;

/**
 * How a table is reported: its name as sqlite_schema stores it; a TEMP table
 * as `temp.<name>`. Tables in ATTACHed databases are not tracked.
 */
function reported(db: number, name: string): string {
  return db === TEMP ? `temp.${name}` : name;
}

/** SQLite's own objects (sqlite_schema, sqlite_sequence, sqlite_stat1, …): never user tables. */
function isInternal(name: string): boolean {
  return name.toLowerCase().startsWith('sqlite_');
}

/** Unique ignoring case (SQLite's identifiers are case-insensitive), sorted. */
export function tableNames(names: Iterable<string>): string[] {
  const byKey = new Map<string, string>();
  for (const name of names) if (!byKey.has(name.toLowerCase())) byKey.set(name.toLowerCase(), name);
  return [...byKey.values()].sort((a, b) => {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
  });
}

/**
 * Records the tables touched by the statements of one exec. The exec calls
 * beforeStatement() with each statement's SQL before stepping it, and
 * afterStatement() once it ran or failed.
 *
 * Rules (see src/sql/README.md, "Which tables a cell read and wrote"):
 * - OpenRead / ReopenIdx on a table's or index's root page: that table was read.
 *   OpenWrite, or Clear (DELETE without WHERE): written. Trigger programs count.
 * - A table or view created, dropped or altered (its sqlite_schema row appears,
 *   disappears or changes) was written. CREATE/DROP INDEX writes nothing.
 * - A view read is reported as its base tables (the bytecode inlines views).
 *   CREATE VIEW reports the view as written and its base tables as read, so
 *   lineage connects them.
 * - A failing statement's reads are dropped; its writes count only if it left
 *   changes behind (total_changes() moved, or the schema changed).
 */
export class TableTracker {
  private readonly read = new Set<string>();
  private readonly written = new Set<string>();
  private readonly statements: StatementAccess[] = [];
  private statementIndex = 0;
  private snapshot: Snapshot | null = null;
  private snapshotSchema = '';
  private counters: Counters | null = null;
  private pending: { read: Set<string>; written: Set<string> } | null = null;

  constructor(private readonly db: Database) {}

  /** Never throws: lineage is a by-product and must not fail the exec. */
  beforeStatement(sql: string): void {
    this.pending = null;
    this.statementIndex += 1;
    try {
      this.counters ??= this.readCounters();
      // The snapshot must show the schema as it is before this statement, for the diff after it.
      this.pages();
      const pending = { read: new Set<string>(), written: new Set<string>() };
      this.explain(sql, pending);
      this.pending = pending;
    } catch {
      this.counters = null;
      this.snapshot = null;
    }
  }

  /** `ok`: the statement ran to its end. Never throws. */
  afterStatement(ok: boolean): void {
    try {
      this.settle(ok);
    } catch {
      this.counters = null;
      this.snapshot = null;
    }
  }

  private settle(ok: boolean): void {
    const pending = this.pending;
    const before = this.counters;
    this.pending = null;
    if (!pending || !before) return;
    const after = this.readCounters();
    this.counters = after;
    const schemaWrites = new Set<string>();
    if (after.schema !== before.schema) this.diffSchema(schemaWrites, ok ? pending.read : null);
    const read = ok ? [...pending.read] : [];
    const written = [...(ok || after.totalChanges !== before.totalChanges ? pending.written : []), ...schemaWrites];
    for (const name of read) this.read.add(name);
    for (const name of written) this.written.add(name);
    if (read.length || written.length) this.statements.push({ statement: this.statementIndex, read: tableNames(read), written: tableNames(written) });
  }

  result(): TableAccess {
    return { read: tableNames(this.read), written: tableNames(this.written), statements: this.statements.map((s) => ({ ...s })) };
  }

  /** Adds the tables the statement's bytecode opens to `into`. Never throws. */
  private explain(sql: string, into: { read: Set<string>; written: Set<string> }): void {
    let rows: unknown[][];
    try {
      // An EXPLAIN of an EXPLAIN is a syntax error; such a statement touches no table anyway.
      rows = this.rows(`EXPLAIN ${sql}`);
    } catch {
      return;
    }
    for (const [, opcode, p1, p2, p3, , p5] of rows) {
      let target: Set<string>;
      let root: number;
      let db: number;
      if (opcode === 'OpenRead' || opcode === 'ReopenIdx' || opcode === 'OpenWrite') {
        if ((Number(p5) & OPFLAG_P2ISREG) !== 0) continue;
        target = opcode === 'OpenWrite' ? into.written : into.read;
        root = Number(p2);
        db = Number(p3);
      } else if (opcode === 'Clear') {
        target = into.written;
        root = Number(p1);
        db = Number(p2);
      } else {
        continue;
      }
      const name = this.pages().get(`${db}:${root}`);
      if (name !== undefined) target.add(name);
    }
  }

  /** Root page -> table, read again only when the schema changed. */
  private pages(): Map<string, string> {
    const schema = (this.counters ??= this.readCounters()).schema;
    if (!this.snapshot || this.snapshotSchema !== schema) {
      this.snapshot = this.readSnapshot();
      this.snapshotSchema = schema;
    }
    return this.snapshot.pages;
  }

  /**
   * Tables and views whose sqlite_schema row appeared, disappeared or changed
   * since the last snapshot count as written. `reads`, when given, receives
   * the base tables of views just created.
   */
  private diffSchema(written: Set<string>, reads: Set<string> | null): void {
    const old = this.snapshot!;
    const next = this.readSnapshot();
    this.snapshot = next;
    this.snapshotSchema = this.counters!.schema;
    for (const [key, now] of next.relations) {
      const was = old.relations.get(key);
      if (was && was.sql === now.sql && was.type === now.type) continue;
      written.add(now.name);
      if (!was && now.type === 'view' && reads) this.viewBase(now.name, reads);
    }
    for (const [key, was] of old.relations) if (!next.relations.has(key)) written.add(was.name);
  }

  /** The base tables a view reads, from the bytecode of selecting it. */
  private viewBase(name: string, reads: Set<string>): void {
    const temp = name.startsWith('temp.');
    const bare = temp ? name.slice('temp.'.length) : name;
    const found = { read: new Set<string>(), written: new Set<string>() };
    this.explain(`SELECT * FROM ${temp ? 'temp' : 'main'}.${quoteIdentifier(bare)}`, found);
    for (const table of found.read) reads.add(table);
  }

  private readSnapshot(): Snapshot {
    const pages = new Map<string, string>();
    const relations: Snapshot['relations'] = new Map();
    for (const row of this.rows(OBJECTS_SQL)) {
      const o: SchemaObject = {
        db: Number(row[0]),
        type: String(row[1]),
        name: String(row[2]),
        tblName: String(row[3]),
        rootpage: Number(row[4]),
        sql: row[5] === null ? null : String(row[5]),
      };
      const table = o.type === 'index' ? o.tblName : o.name;
      if (isInternal(table)) continue;
      const name = reported(o.db, table);
      if ((o.type === 'table' || o.type === 'index') && o.rootpage > 0) {
        // A WITHOUT ROWID table shares its root page with its primary key: the table wins.
        const key = `${o.db}:${o.rootpage}`;
        if (o.type === 'table' || !pages.has(key)) pages.set(key, name);
      }
      if (o.type === 'table' || o.type === 'view') relations.set(name.toLowerCase(), { name, type: o.type, sql: o.sql });
    }
    return { pages, relations };
  }

  private readCounters(): Counters {
    const [changes, main] = this.rows(COUNTERS_SQL)[0];
    const [temp] = this.rows(TEMP_VERSION_SQL)[0];
    return { totalChanges: Number(changes), schema: `${String(main)}/${String(temp)}` };
  }

  /** All rows of the first statement of `sql`, as plain arrays. */
  private rows(sql: string): unknown[][] {
    const statement = this.db.prepare(sql);
    try {
      const out: unknown[][] = [];
      while (statement.step()) out.push(statement.get());
      return out;
    } finally {
      statement.free();
    }
  }
}

/** `name` as a double-quoted SQL identifier. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
