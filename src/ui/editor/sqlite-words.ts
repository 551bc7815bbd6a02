// SQLite's keywords (https://sqlite.org/lang_keywords.html) and the built-in
// functions of the sql.js build we ship (SQLite 3.51+: core, date and time,
// math, JSON, aggregate and window functions), for editor completion.
// sql.js's deprecated "legacy extension" functions (median, stdev, …) are left out.

export const SQLITE_KEYWORDS: readonly string[] = `ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC ATTACH
AUTOINCREMENT BEFORE BEGIN BETWEEN BY CASCADE CASE CAST CHECK COLLATE COLUMN COMMIT CONFLICT CONSTRAINT CREATE
CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DATABASE DEFAULT DEFERRABLE DEFERRED DELETE DESC DETACH
DISTINCT DO DROP EACH ELSE END ESCAPE EXCEPT EXCLUDE EXCLUSIVE EXISTS EXPLAIN FAIL FILTER FIRST FOLLOWING FOR
FOREIGN FROM FULL GENERATED GLOB GROUP GROUPS HAVING IF IGNORE IMMEDIATE IN INDEX INDEXED INITIALLY INNER INSERT
INSTEAD INTERSECT INTO IS ISNULL JOIN KEY LAST LEFT LIKE LIMIT MATCH MATERIALIZED NATURAL NO NOT NOTHING NOTNULL
NULL NULLS OF OFFSET ON OR ORDER OTHERS OUTER OVER PARTITION PLAN PRAGMA PRECEDING PRIMARY QUERY RAISE RANGE
RECURSIVE REFERENCES REGEXP REINDEX RELEASE RENAME REPLACE RESTRICT RETURNING RIGHT ROLLBACK ROW ROWS SAVEPOINT
SELECT SET TABLE TEMP TEMPORARY THEN TIES TO TRANSACTION TRIGGER UNBOUNDED UNION UNIQUE UPDATE USING VACUUM
VALUES VIEW VIRTUAL WHEN WHERE WINDOW WITH WITHOUT`.split(/\s+/);

/** Column type names, offered with the keywords (they are not keywords to SQLite). */
export const SQLITE_TYPE_NAMES: readonly string[] = ['INTEGER', 'REAL', 'TEXT', 'BLOB', 'NUMERIC', 'ANY', 'STRICT'];

export type SqliteFunctionKind = 'scalar' | 'aggregate' | 'window';

export interface SqliteFunction {
  name: string;
  kind: SqliteFunctionKind;
  /** The arguments, as a hint: `(X, Y)`. */
  args: string;
}

const fn = (kind: SqliteFunctionKind, list: string): SqliteFunction[] =>
  list
    .trim()
    .split(/\n/)
    .map((line) => {
      const open = line.indexOf('(');
      return { name: line.slice(0, open).trim(), kind, args: line.slice(open).trim() };
    });

export const SQLITE_FUNCTIONS: readonly SqliteFunction[] = [
  ...fn(
    'aggregate',
    `
avg(X)
count(X)
group_concat(X, SEP)
string_agg(X, SEP)
max(X)
min(X)
sum(X)
total(X)
json_group_array(X)
json_group_object(NAME, VALUE)
jsonb_group_array(X)
jsonb_group_object(NAME, VALUE)`,
  ),
  ...fn(
    'window',
    `
row_number()
rank()
dense_rank()
percent_rank()
cume_dist()
ntile(N)
lag(EXPR, OFFSET, DEFAULT)
lead(EXPR, OFFSET, DEFAULT)
first_value(EXPR)
last_value(EXPR)
nth_value(EXPR, N)`,
  ),
  ...fn(
    'scalar',
    `
abs(X)
changes()
char(X1, X2, …)
coalesce(X, Y, …)
concat(X, …)
concat_ws(SEP, X, …)
format(FORMAT, …)
glob(PATTERN, X)
hex(X)
if(COND, X, Y)
ifnull(X, Y)
iif(COND, X, Y)
instr(X, Y)
last_insert_rowid()
length(X)
like(PATTERN, X)
likelihood(X, P)
likely(X)
lower(X)
ltrim(X, Y)
nullif(X, Y)
octet_length(X)
printf(FORMAT, …)
quote(X)
random()
randomblob(N)
replace(X, Y, Z)
round(X, DIGITS)
rtrim(X, Y)
sign(X)
sqlite_version()
substr(X, START, LENGTH)
substring(X, START, LENGTH)
total_changes()
trim(X, Y)
typeof(X)
unhex(X)
unicode(X)
unistr(X)
unlikely(X)
upper(X)
zeroblob(N)
date(TIME, MODIFIER, …)
time(TIME, MODIFIER, …)
datetime(TIME, MODIFIER, …)
julianday(TIME, MODIFIER, …)
unixepoch(TIME, MODIFIER, …)
strftime(FORMAT, TIME, MODIFIER, …)
timediff(TIME1, TIME2)
acos(X)
acosh(X)
asin(X)
asinh(X)
atan(X)
atan2(Y, X)
atanh(X)
ceil(X)
ceiling(X)
cos(X)
cosh(X)
degrees(X)
exp(X)
floor(X)
ln(X)
log(X)
log10(X)
log2(X)
mod(X, Y)
pi()
pow(X, Y)
power(X, Y)
radians(X)
sin(X)
sinh(X)
sqrt(X)
tan(X)
tanh(X)
trunc(X)
json(X)
json_array(X, …)
json_array_length(JSON, PATH)
json_error_position(JSON)
json_extract(JSON, PATH, …)
json_insert(JSON, PATH, VALUE, …)
json_object(LABEL, VALUE, …)
json_patch(JSON1, JSON2)
json_pretty(JSON)
json_quote(X)
json_remove(JSON, PATH, …)
json_replace(JSON, PATH, VALUE, …)
json_set(JSON, PATH, VALUE, …)
json_type(JSON, PATH)
json_valid(JSON)
jsonb(X)
json_each(JSON, PATH)
json_tree(JSON, PATH)`,
  ),
];
