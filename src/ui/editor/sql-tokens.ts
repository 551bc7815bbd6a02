// A light SQL tokenizer for editor assistance only (completion): it knows
// strings, quoted identifiers, comments and punctuation, nothing more. Which
// tables a cell really reads and writes comes from SQLite (src/sql/lineage.ts).

export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'param' | 'comment' | 'punct';

export interface Token {
  kind: TokenKind;
  /** The source text of the token. */
  text: string;
  /** For words and quoted identifiers, the identifier (quotes removed); else the text. */
  value: string;
  start: number;
  end: number;
  /** A string, quoted identifier or block comment that runs to the end of the text. */
  open?: boolean;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const CLOSERS: Record<string, string> = { '"': '"', '`': '`', '[': ']' };

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, value?: string, open?: boolean) => {
    const text = sql.slice(start, end);
    tokens.push({ kind, text, value: value ?? text, start, end, ...(open ? { open } : {}) });
  };
  while (i < sql.length) {
    const c = sql[i];
    const start = i;
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl;
      push('comment', start, i, undefined, nl < 0);
    } else if (c === '/' && sql[i + 1] === '*') {
      const close = sql.indexOf('*/', i + 2);
      i = close < 0 ? sql.length : close + 2;
      push('comment', start, i, undefined, close < 0);
    } else if (c === "'") {
      const { end, value, open } = quoted(sql, i, "'");
      i = end;
      push('string', start, end, value, open);
    } else if (c in CLOSERS) {
      const { end, value, open } = quoted(sql, i, CLOSERS[c]);
      i = end;
      push('quoted', start, end, value, open);
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(sql[i + 1] ?? ''))) {
      i += 1;
      while (i < sql.length && /[0-9A-Za-z_.]/.test(sql[i])) i += 1;
      push('number', start, i);
    } else if (WORD_START.test(c)) {
      i += 1;
      while (i < sql.length && WORD_PART.test(sql[i])) i += 1;
      push('word', start, i);
    } else if (c === '?' || ((c === ':' || c === '@' || c === '$') && WORD_START.test(sql[i + 1] ?? ''))) {
      i += 1;
      while (i < sql.length && WORD_PART.test(sql[i])) i += 1;
      push('param', start, i);
    } else {
      i += 1;
      push('punct', start, i);
    }
  }
  return tokens;
}

/** A quoted run from `start`; the closing quote doubled inside stands for itself (not for [ ]). */
function quoted(sql: string, start: number, close: string): { end: number; value: string; open: boolean } {
  let value = '';
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === close) {
      if (close !== ']' && sql[i + 1] === close) {
        value += close;
        i += 2;
        continue;
      }
      return { end: i + 1, value, open: false };
    }
    value += sql[i];
    i += 1;
  }
  return { end: sql.length, value, open: true };
}
