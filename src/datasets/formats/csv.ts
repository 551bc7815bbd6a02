// CSV as RFC 4180 writes it: comma-separated, double quotes around fields that
// need them (with "" for a quote inside), "\n" between records. The parser is
// forgiving about "\r\n" and strict about everything else, and reports a broken
// record with its line number instead of throwing.

export type CsvField = string | number | null;

function quote(field: string): string {
  return /[",\n\r]/.test(field) || field !== field.trim() ? `"${field.replaceAll('"', '""')}"` : field;
}

/** null becomes an empty field; numbers must already be formatted by the caller if precision matters. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvField[]>): string {
  const out: string[] = [header.map(quote).join(',')];
  for (const row of rows) out.push(row.map((f) => (f === null ? '' : quote(String(f)))).join(','));
  return out.join('\n') + '\n';
}

export interface CsvRecord {
  /** 1-based line where the record starts (the header is line 1). */
  line: number;
  fields: string[];
  /** Where the record sits in the text: text.slice(start, end) is its source. */
  start: number;
  end: number;
}

export interface LineProblem {
  line: number;
  reason: string;
  /** The offending source text, as it appears in the file. */
  text: string;
}

export interface CsvParse {
  header: string[];
  records: CsvRecord[];
  problems: LineProblem[];
}

/**
 * Splits CSV text into records. A record whose field count differs from the
 * header's, or with a quote in the wrong place, is reported and skipped; the
 * parser carries on at the next line.
 */
export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  const problems: LineProblem[] = [];
  let header: string[] | null = null;
  let pos = 0;
  let line = 1;
  const n = text.length;

  while (pos < n) {
    const startPos = pos;
    const startLine = line;
    const fields: string[] = [];
    let problem: string | null = null;
    let field = '';
    let endOfRecord = false;
    while (!endOfRecord) {
      if (pos < n && text.charCodeAt(pos) === 34 /* " */) {
        // Quoted field: runs to the closing quote, may hold commas and newlines.
        pos++;
        let closed = false;
        while (pos < n) {
          const q = text.indexOf('"', pos);
          if (q === -1) break;
          field += text.slice(pos, q);
          for (let i = pos; i < q; i++) if (text.charCodeAt(i) === 10) line++;
          if (text.charCodeAt(q + 1) === 34) {
            field += '"';
            pos = q + 2;
          } else {
            pos = q + 1;
            closed = true;
            break;
          }
        }
        if (!closed) {
          problem ??= 'a quoted field is never closed (missing ")';
          for (let i = pos; i < n; i++) if (text.charCodeAt(i) === 10) line++;
          pos = n;
        }
        const c = pos < n ? text.charCodeAt(pos) : -1;
        if (c !== 44 && c !== 10 && c !== 13 && c !== -1) {
          problem ??= 'text after a closing quote (a quote inside a field must be doubled)';
          while (pos < n && text.charCodeAt(pos) !== 44 && text.charCodeAt(pos) !== 10) pos++;
        }
      } else {
        let end = pos;
        while (end < n) {
          const c = text.charCodeAt(end);
          if (c === 44 || c === 10) break;
          end++;
        }
        field = text.slice(pos, end);
        if (field.endsWith('\r') && (end === n || text.charCodeAt(end) === 10)) field = field.slice(0, -1);
        if (field.includes('"')) problem ??= 'a quote inside an unquoted field';
        pos = end;
      }
      fields.push(field);
      field = '';
      if (pos >= n) endOfRecord = true;
      else if (text.charCodeAt(pos) === 44) pos++;
      else if (text.charCodeAt(pos) === 13 && text.charCodeAt(pos + 1) === 10) {
        pos += 2;
        endOfRecord = true;
      } else {
        pos++; // "\n"
        endOfRecord = true;
      }
    }
    const endPos = text.charCodeAt(pos - 1) === 10 ? (text.charCodeAt(pos - 2) === 13 ? pos - 2 : pos - 1) : pos;
    line++;
    if (fields.length === 1 && fields[0] === '' && !problem) continue; // blank line
    if (header === null) {
      header = fields;
      continue;
    }
    if (!problem && fields.length !== header.length) {
      problem = `expected ${header.length} fields, found ${fields.length}`;
    }
    if (problem) problems.push({ line: startLine, reason: problem, text: text.slice(startPos, endPos) });
    else records.push({ line: startLine, fields, start: startPos, end: endPos });
  }
  return { header: header ?? [], records, problems };
}
