// extract(file): the text of a dataset file, parsed by its extension. Runs in
// the sandbox worker, so a big file never blocks the page while it parses.
//
//   .csv    -> one object per record, keyed by the header. Light type
//              inference: an empty field is null, a plain decimal number
//              ("42", "-3.5", "1e3" but not "007" or "1,000") is a number,
//              anything else stays a string (dates too). { infer: false }
//              keeps every field a string.
//   .ndjson -> one object per line.
//   .json   -> the parsed value.
//   other   -> one string per line (.log, .txt, ...).
// A malformed CSV record or NDJSON line is skipped and listed in the result's
// `problems` (line number, reason, text); it never throws.

export interface ExtractProblem {
  /** 1-based line in the file where the bad record starts. */
  line: number;
  reason: string;
  text: string;
}

export interface ExtractOptions {
  /** CSV only: false keeps every field as the string in the file. Default true. */
  infer?: boolean;
}

/** An array of records with the problems found while parsing them. */
export type Extracted<T> = T[] & { problems: ExtractProblem[]; file: string };

export type Format = 'csv' | 'ndjson' | 'json' | 'lines';

export function formatOf(file: string): Format {
  const dot = file.lastIndexOf('.');
  const ext = dot === -1 ? '' : file.slice(dot + 1).toLowerCase();
  switch (ext) {
    case 'csv':
      return 'csv';
    case 'ndjson':
    case 'jsonl':
      return 'ndjson';
    case 'json':
      return 'json';
    default:
      return 'lines';
  }
}

export function parseExtract(file: string, text: string, options: ExtractOptions = {}): unknown {
  switch (formatOf(file)) {
    case 'csv':
      return withProblems(file, parseCsvRecords(text, options.infer !== false));
    case 'ndjson':
      return withProblems(file, parseNdjsonLines(text));
    case 'json':
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw new Error(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
    case 'lines':
      return withProblems(file, { records: splitLines(text), problems: [] });
  }
}

function withProblems<T>(file: string, parsed: { records: T[]; problems: ExtractProblem[] }): Extracted<T> {
  const out = parsed.records as Extracted<T>;
  // Not enumerable: display() and JSON.stringify show the records only.
  Object.defineProperty(out, 'problems', { value: parsed.problems, enumerable: false, writable: true });
  Object.defineProperty(out, 'file', { value: file, enumerable: false, writable: true });
  return out;
}

export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

// ---- NDJSON ----

function parseNdjsonLines(text: string): { records: Record<string, unknown>[]; problems: ExtractProblem[] } {
  const records: Record<string, unknown>[] = [];
  const problems: ExtractProblem[] = [];
  splitLines(text).forEach((raw, i) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      problems.push({ line: i + 1, reason: `invalid JSON (${error instanceof Error ? error.message : String(error)})`, text: raw });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const what = Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
      problems.push({ line: i + 1, reason: `expected a JSON object, found ${what}`, text: raw });
      return;
    }
    records.push(value as Record<string, unknown>);
  });
  return { records, problems };
}

// ---- CSV (RFC 4180: commas, "quoted" fields with "" inside, \n or \r\n) ----

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function inferField(field: string): string | number | null {
  if (field === '') return null;
  if (NUMBER.test(field)) {
    const n = Number(field);
    // Integers beyond 2^53 would lose digits as numbers: keep them as text.
    if (Number.isFinite(n) && (!Number.isInteger(n) || Number.isSafeInteger(n))) return n;
  }
  return field;
}

function parseCsvRecords(
  text: string,
  infer: boolean,
): { records: Record<string, string | number | null>[]; problems: ExtractProblem[] } {
  const records: Record<string, string | number | null>[] = [];
  const problems: ExtractProblem[] = [];
  let header: string[] | null = null;
  for (const record of csvRecords(text)) {
    if (record.fields.length === 1 && record.fields[0] === '' && !record.problem) continue; // blank line
    if (header === null) {
      header = record.fields.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h));
      continue;
    }
    let problem = record.problem;
    if (!problem && record.fields.length !== header.length) {
      problem = `expected ${header.length} fields, found ${record.fields.length}`;
    }
    if (problem) {
      problems.push({ line: record.line, reason: problem, text: record.text });
      continue;
    }
    const row: Record<string, string | number | null> = {};
    header.forEach((name, c) => {
      row[name] = infer ? inferField(record.fields[c]) : record.fields[c];
    });
    records.push(row);
  }
  return { records, problems };
}

interface CsvRecord {
  line: number;
  fields: string[];
  text: string;
  problem?: string;
}

function* csvRecords(text: string): Generator<CsvRecord> {
  const n = text.length;
  let pos = 0;
  let line = 1;
  while (pos < n) {
    const start = pos;
    const startLine = line;
    const fields: string[] = [];
    let problem: string | undefined;
    for (;;) {
      let field = '';
      if (text[pos] === '"') {
        pos += 1;
        let closed = false;
        while (pos < n) {
          const ch = text[pos];
          if (ch === '"') {
            if (text[pos + 1] === '"') {
              field += '"';
              pos += 2;
              continue;
            }
            pos += 1;
            closed = true;
            break;
          }
          if (ch === '\n') line += 1;
          field += ch;
          pos += 1;
        }
        if (!closed) problem ??= 'a quoted field is never closed (missing ")';
        if (pos < n && text[pos] !== ',' && text[pos] !== '\n' && text[pos] !== '\r') {
          problem ??= 'text after a closing quote (a quote inside a field must be doubled: "")';
          while (pos < n && text[pos] !== ',' && text[pos] !== '\n') pos += 1;
        }
      } else {
        let end = pos;
        while (end < n && text[end] !== ',' && text[end] !== '\n') end += 1;
        field = text.slice(pos, end);
        if (field.endsWith('\r')) field = field.slice(0, -1);
        if (field.includes('"')) problem ??= 'a quote inside an unquoted field';
        pos = end;
      }
      fields.push(field);
      if (pos < n && text[pos] === '\r') pos += 1;
      if (pos >= n) break;
      if (text[pos] === ',') {
        pos += 1;
        continue;
      }
      pos += 1; // '\n'
      line += 1;
      break;
    }
    yield { line: startLine, fields, text: text.slice(start, pos).replace(/\r?\n$/, ''), problem };
  }
}
