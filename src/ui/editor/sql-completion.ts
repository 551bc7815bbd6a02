// SQL completion for the cell editor: the live tables and columns (from
// readSchema), SQLite's keywords and functions. The pure part works on text
// and runs in Node; registerSqlCompletion() adapts it to Monaco. Aliases are
// found with a light tokenizer: this is editor help, not lineage.
import type { SchemaInfo, SchemaTable } from '../../sql/schema';
import { findTable } from '../../sql/schema';
import { strings } from '../strings';
import { KEYWORDS, isKeyword, scopeOf, statementAround, type Scope } from './sql-scope';
import { tokenize, type Token } from './sql-tokens';
import { SQLITE_FUNCTIONS, SQLITE_KEYWORDS, SQLITE_TYPE_NAMES } from './sqlite-words';

export type CompletionKind = 'table' | 'view' | 'column' | 'keyword' | 'function';

export interface SqlCompletion {
  label: string;
  kind: CompletionKind;
  /** What to insert; a snippet (with `$0`) when `snippet` is set. */
  insertText: string;
  snippet?: boolean;
  detail?: string;
  /** Orders groups: columns in scope, tables, functions, keywords, other columns. */
  sortText: string;
}

export interface SqlCompletionResult {
  items: SqlCompletion[];
  /** Offset in the text where the word being completed starts (items replace from here to the cursor). */
  from: number;
}

export interface CompletionRequest {
  /** The whole text of the editor. */
  text: string;
  /** The cursor's offset in `text`. */
  offset: number;
  schema: SchemaInfo;
  /** The character that opened the list, if typing one did. */
  trigger?: string;
}

/** Keywords after which a table name comes. */
const TABLE_AFTER = ['FROM', 'JOIN', 'INTO', 'UPDATE', 'TABLE'];
/** Keywords that open a clause; the nearest one before the cursor says where we are. */
const CLAUSES = ['SELECT', 'FROM', 'WHERE', 'GROUP', 'HAVING', 'ORDER', 'LIMIT', 'ON', 'USING', 'SET', 'VALUES', 'WINDOW', 'RETURNING'];

const SORT = { scopeColumn: '0', table: '1', function: '2', keyword: '3', otherColumn: '4' } as const;

/** A name as SQL must write it: bare when it can be, else double-quoted. */
export function sqlName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !KEYWORDS.has(name.toUpperCase()) ? name : `"${name.replaceAll('"', '""')}"`;
}

/** Completions at `offset` in `text`. */
export function sqlCompletions({ text, offset, schema, trigger }: CompletionRequest): SqlCompletionResult {
  const tokens = tokenize(text);
  const at = tokens.find(
    (t) => t.start < offset && (offset < t.end || (offset === t.end && (t.open || t.text.startsWith('--')))),
  );
  if (at && (at.kind === 'string' || at.kind === 'comment' || at.kind === 'number')) return { items: [], from: offset };
  // The word being typed, if the cursor is at its end (or inside an unclosed quoted name).
  const word = tokens.find((t) => (t.kind === 'word' || t.kind === 'quoted') && t.start < offset && offset <= t.end);
  const from = word ? word.start : offset;

  const statement = statementAround(tokens, offset);
  const before = statement.filter((t) => t.end <= from && t.kind !== 'comment');
  const scope = scopeOf(statement, schema);
  const last = before.at(-1);

  // After `alias.` or `table.`: only that table's columns.
  if (last?.kind === 'punct' && last.value === '.' && last.end === from) {
    const qualifier = before.at(-2);
    if (qualifier?.kind !== 'word' && qualifier?.kind !== 'quoted') return { items: [], from };
    const dot2 = before.at(-3);
    const schemaName = dot2?.kind === 'punct' && dot2.value === '.' ? before.at(-4)?.value : undefined;
    return { items: qualifiedItems(qualifier.value, schemaName, scope, schema), from };
  }

  if (wantsTable(before)) return { items: tableItems(schema, scope.ctes), from };
  if (isCreating(before)) return { items: [], from };
  // A space opens the list only where a table name is due; elsewhere it would pop up after every word.
  if (trigger === ' ') return { items: [], from };

  const items: SqlCompletion[] = [...columnItems(scope, schema), ...tableItems(schema, scope.ctes)];
  for (const f of SQLITE_FUNCTIONS) {
    items.push({
      label: f.name,
      kind: 'function',
      insertText: `${f.name}($0)`,
      snippet: true,
      detail: `${f.name}${f.args} · ${strings.completionFunctionKinds[f.kind]}`,
      sortText: `${SORT.function}${f.name}`,
    });
  }
  for (const k of [...SQLITE_KEYWORDS, ...SQLITE_TYPE_NAMES]) {
    items.push({ label: k, kind: 'keyword', insertText: k, detail: strings.completionKeyword, sortText: `${SORT.keyword}${k}` });
  }
  return { items, from };
}

function wantsTable(before: Token[]): boolean {
  const last = before.at(-1);
  if (isKeyword(last, 'TABLE') && before.some((t) => isKeyword(t, 'CREATE'))) return false;
  if (isKeyword(last, ...TABLE_AFTER)) return true;
  // DROP TABLE IF EXISTS |
  if (isKeyword(last, 'EXISTS') && isKeyword(before.at(-2), 'IF') && before.some((t) => isKeyword(t, 'DROP'))) return true;
  // FROM a, b, |
  if (last?.kind === 'punct' && last.value === ',') return clauseAt(before) === 'FROM';
  return false;
}

/** Naming something new: CREATE TABLE/VIEW/INDEX/TRIGGER |, or AS | (an alias). */
function isCreating(before: Token[]): boolean {
  const last = before.at(-1);
  if (isKeyword(last, 'AS')) return true;
  return isKeyword(last, 'TABLE', 'VIEW', 'INDEX', 'TRIGGER', 'EXISTS') && before.some((t) => isKeyword(t, 'CREATE'));
}

/** The clause keyword in force at the end of `before`, at the same parenthesis depth. */
function clauseAt(before: Token[]): string | undefined {
  let depth = 0;
  for (let i = before.length - 1; i >= 0; i -= 1) {
    const t = before[i];
    if (t.kind === 'punct' && t.value === ')') depth += 1;
    else if (t.kind === 'punct' && t.value === '(') {
      if (depth === 0) return undefined;
      depth -= 1;
    } else if (depth === 0 && t.kind === 'word' && CLAUSES.includes(t.value.toUpperCase())) {
      return t.value.toUpperCase();
    }
  }
  return undefined;
}

function qualifiedItems(qualifier: string, schemaName: string | undefined, scope: Scope, schema: SchemaInfo): SqlCompletion[] {
  if (schemaName === undefined && ['main', 'temp'].includes(qualifier.toLowerCase()) && !scope.names.has(qualifier.toLowerCase())) {
    return tableItems({ tables: schema.tables.filter((t) => t.schema === qualifier.toLowerCase()) }, []);
  }
  const target = schemaName
    ? findTable(schema, `${schemaName}.${qualifier}`)
    : (scope.names.get(qualifier.toLowerCase()) ?? findTable(schema, qualifier));
  if (!target) return [];
  const owner = 'name' in target ? target.name : qualifier;
  const columns = 'name' in target ? target.columns.map((c) => ({ name: c.name, type: c.type })) : target.columns.map((name) => ({ name, type: '' }));
  return columns.map((c, i) => ({
    label: c.name,
    kind: 'column',
    insertText: sqlName(c.name),
    detail: columnDetail(owner, c.type),
    // Keep the table's column order.
    sortText: `${SORT.scopeColumn}${String(i).padStart(4, '0')}`,
  }));
}

/** Columns of the tables in scope first; every other table's columns after the keywords. */
function columnItems(scope: Scope, schema: SchemaInfo): SqlCompletion[] {
  const inScope = new Set(scope.tables);
  const groups = new Map<string, { name: string; inScope: [SchemaTable, string][]; other: [SchemaTable, string][] }>();
  for (const table of new Set([...scope.tables, ...schema.tables])) {
    for (const column of table.columns) {
      const key = column.name.toLowerCase();
      const group = groups.get(key) ?? { name: column.name, inScope: [], other: [] };
      groups.set(key, group);
      (inScope.has(table) ? group.inScope : group.other).push([table, column.type]);
    }
  }
  return [...groups.values()].map((g) => {
    const owners = g.inScope.length > 0 ? g.inScope : g.other;
    return {
      label: g.name,
      kind: 'column',
      insertText: sqlName(g.name),
      detail: columnDetail(owners.map(([t]) => t.name).join(', '), owners.length === 1 ? owners[0][1] : ''),
      sortText: `${g.inScope.length > 0 ? SORT.scopeColumn : SORT.otherColumn}${g.name.toLowerCase()}`,
    };
  });
}

function columnDetail(owner: string, type: string): string {
  return type ? `${owner} · ${type}` : owner;
}

function tableItems(schema: SchemaInfo, ctes: string[]): SqlCompletion[] {
  const items: SqlCompletion[] = schema.tables.map((t) => ({
    label: t.name,
    kind: t.kind === 'view' ? 'view' : 'table',
    insertText: sqlName(t.name),
    detail: t.kind === 'view' ? strings.completionView : t.rowCount === null ? strings.completionTable : strings.rowCount(t.rowCount),
    sortText: `${SORT.table}${t.name.toLowerCase()}`,
  }));
  for (const name of ctes) {
    items.push({ label: name, kind: 'table', insertText: sqlName(name), detail: strings.completionCte, sortText: `${SORT.table}${name.toLowerCase()}` });
  }
  return items;
}

// ---------------------------------------------------------------------------
// Monaco

type Monaco = typeof import('monaco-editor');

let registered = false;
let schemaSource: () => SchemaInfo = () => ({ tables: [] });

/**
 * Sets the schema completion offers, e.g. after each readSchema(). The same
 * as registering again with `() => schema`; callable before Monaco loads.
 */
export function setCompletionSchema(schema: SchemaInfo): void {
  schemaSource = () => schema;
}

/** The schema completion offers now: the live schema of the notebook on screen. */
export function currentCompletionSchema(): SchemaInfo {
  return schemaSource();
}

/**
 * Registers the SQL completion provider once per page; later calls only
 * replace where the schema comes from (e.g. the notebook now on screen).
 * Without getSchema, the schema last given to setCompletionSchema is used.
 */
export function registerSqlCompletion(monaco: Monaco, getSchema?: () => SchemaInfo): void {
  if (getSchema) schemaSource = getSchema;
  if (registered) return;
  registered = true;
  const kinds: Record<CompletionKind, number> = {
    table: monaco.languages.CompletionItemKind.Class,
    view: monaco.languages.CompletionItemKind.Interface,
    column: monaco.languages.CompletionItemKind.Field,
    keyword: monaco.languages.CompletionItemKind.Keyword,
    function: monaco.languages.CompletionItemKind.Function,
  };
  monaco.languages.registerCompletionItemProvider('sql', {
    triggerCharacters: ['.', ' '],
    provideCompletionItems(model, position, context) {
      const offset = model.getOffsetAt(position);
      const { items, from } = sqlCompletions({
        text: model.getValue(),
        offset,
        schema: schemaSource(),
        trigger: context.triggerKind === monaco.languages.CompletionTriggerKind.TriggerCharacter ? context.triggerCharacter : undefined,
      });
      const start = model.getPositionAt(from);
      const range = new monaco.Range(start.lineNumber, start.column, position.lineNumber, position.column);
      return {
        suggestions: items.map((item) => ({
          label: item.label,
          kind: kinds[item.kind],
          insertText: item.insertText,
          insertTextRules: item.snippet ? monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet : undefined,
          filterText: item.insertText.startsWith('"') ? item.insertText : item.label,
          detail: item.detail,
          sortText: item.sortText,
          range,
        })),
      };
    },
  });
}
