// Newline-delimited JSON: one object per line. A line that is not a JSON
// object is reported with its line number and the parser's reason.

import type { LineProblem } from './csv';

export type JsonObject = Record<string, unknown>;

export interface NdjsonParse {
  objects: { line: number; value: JsonObject }[];
  problems: LineProblem[];
}

export function parseNdjson(text: string): NdjsonParse {
  const objects: NdjsonParse['objects'] = [];
  const problems: LineProblem[] = [];
  let pos = 0;
  let line = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    line++;
    let raw = text.slice(pos, end);
    pos = end + 1;
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      problems.push({ line, reason: `invalid JSON: ${error instanceof Error ? error.message : String(error)}`, text: raw });
      continue;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ line, reason: `expected a JSON object, found ${Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value}`, text: raw });
      continue;
    }
    objects.push({ line, value: value as JsonObject });
  }
  return { objects, problems };
}

/** Text lines with their 1-based numbers; a final newline does not make an extra empty line. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}
