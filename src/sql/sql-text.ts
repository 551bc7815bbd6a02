// Just enough lexing to tell whether a SQL tail holds another statement.
// SQLite itself skips blank statements, but we must know *before* running a
// statement whether it is the last one (params bind to the last one only), and
// preparing the tail early would fail on tables the current statement creates.

/** True when `rest` contains something other than whitespace, semicolons and comments. */
export function hasMoreSql(rest: string): boolean {
  let i = 0;
  while (i < rest.length) {
    const c = rest[i];
    if (c === ';' || c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
      i += 1;
    } else if (c === '-' && rest[i + 1] === '-') {
      const end = rest.indexOf('\n', i + 2);
      if (end === -1) return false;
      i = end + 1;
    } else if (c === '/' && rest[i + 1] === '*') {
      // SQLite treats an unterminated block comment as running to the end.
      const end = rest.indexOf('*/', i + 2);
      if (end === -1) return false;
      i = end + 2;
    } else {
      return true;
    }
  }
  return false;
}
