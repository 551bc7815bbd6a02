import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { LessonMeta } from './types';
import type { Problem } from './problem';
import { META_FIELDS, META_KEYS, isMetaKey, readField, type FieldInput, type MetaKey } from './meta-fields';
import { closest } from './suggest';

// The front matter is the YAML between a `---` on line 1 and the next `---` line.
// YAML positions are relative to that block; everything reported here is shifted
// to file lines so an editor can jump to it.

const DELIMITER = /^---[ \t]*$/;

export type FrontMatterSplit =
  | {
      ok: true;
      yaml: string;
      /** 1-based file line of the closing `---`. */
      closeLine: number;
      /** 0-based index of the first line after the front matter. */
      bodyStart: number;
    }
  | {
      ok: false;
      problem: Problem;
      /** Where the body can still be read from, or undefined when it cannot be told apart. */
      bodyStart: number | undefined;
    };

const SHAPE = 'a line with ---, the keys (id, title, stage, summary, objectives), and another line with ---';

export function splitFrontMatter(lines: readonly string[]): FrontMatterSplit {
  if (!DELIMITER.test(lines[0] ?? '')) {
    const first = lines.findIndex((line) => line.trim() !== '');
    if (first > 0 && DELIMITER.test(lines[first] ?? '')) {
      return {
        ok: false,
        problem: { line: first + 1, message: 'front matter must start on line 1 — remove the lines above this ---' },
        bodyStart: undefined,
      };
    }
    return { ok: false, problem: { line: 1, message: `missing front matter — start the file with ${SHAPE}` }, bodyStart: 0 };
  }
  const close = lines.findIndex((line, i) => i > 0 && DELIMITER.test(line));
  if (close === -1) {
    return {
      ok: false,
      problem: { line: 1, message: 'front matter opened here is never closed — add a line with --- after the last key' },
      bodyStart: undefined,
    };
  }
  return { ok: true, yaml: lines.slice(1, close).join('\n'), closeLine: close + 1, bodyStart: close + 1 };
}

function yamlProblem(code: string, message: string, yaml: string, offset: number): string {
  switch (code) {
    case 'DUPLICATE_KEY': {
      const key = /^[^:\n]*/.exec(yaml.slice(offset))?.[0]?.trim() ?? '';
      return `front-matter key '${key}' appears twice — keep one`;
    }
    case 'TAB_AS_INDENT':
      return 'front matter is indented with a tab — YAML needs spaces';
    default:
      return `front matter is not valid YAML (${message}) — check the indentation, and quote values that contain ': ' or start with one of [ { & * ! | > ' " % @ \``;
  }
}

/**
 * YAML reports an unclosed quote where the text ends, which is far from the
 * mistake; the author needs the line where the quote was opened.
 */
function unclosedQuote(yaml: string, message: string): { char: string; line: number } | undefined {
  const char = /Missing closing (["'])quote/.exec(message)?.[1];
  if (char === undefined) return undefined;
  const lines = yaml.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const value = /^\s*(?:-\s+|[^:#]+:\s+)(.*)$/.exec(lines[i] ?? '')?.[1] ?? '';
    // An odd number of quote characters: the last one opened is still open. YAML line i is file line i + 2.
    if (value.startsWith(char) && value.split(char).length % 2 === 0) return { char, line: i + 2 };
  }
  return undefined;
}

export interface MetaResult {
  meta: LessonMeta | undefined;
  problems: Problem[];
}

/**
 * Reads and checks the front matter. `closeLine` is the file line of the closing
 * `---`; `suggestedId` (from the file name) makes the "missing id" message concrete.
 */
export function readMeta(yaml: string, closeLine: number, suggestedId?: string): MetaResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false });
  // YAML line 1 is file line 2; errors at the very end of the YAML land on the closing ---.
  const lineAt = (offset: number): number => Math.min(closeLine, lineCounter.linePos(offset).line + 1);

  if (doc.errors.length > 0) {
    const problems: Problem[] = [];
    for (const error of doc.errors) {
      const quote = unclosedQuote(yaml, error.message);
      const line = quote?.line ?? lineAt(error.pos[0]);
      // One slip often trips several YAML errors on the same line; the first says enough.
      if (problems.some((p) => p.line === line)) continue;
      const message = quote
        ? `the ${quote.char} quote opened on this line is never closed — add ${quote.char} at the end of the value`
        : yamlProblem(error.code, error.message, yaml, error.pos[0]);
      problems.push({ line, message });
    }
    return { meta: undefined, problems };
  }

  const problems: Problem[] = [];
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    const line = contents.range ? lineAt(contents.range[0]) : 2;
    return { meta: undefined, problems: [{ line, message: 'front matter must be key: value lines, e.g. title: Counting trips' }] };
  }

  const meta: Partial<Required<LessonMeta>> = {};
  const seen = new Set<MetaKey>();
  for (const pair of contents?.items ?? []) {
    const keyNode = pair.key;
    const keyLine = isScalar(keyNode) && keyNode.range ? lineAt(keyNode.range[0]) : 2;
    const key = isScalar(keyNode) ? keyNode.value : undefined;
    if (typeof key !== 'string') {
      problems.push({ line: keyLine, message: `front-matter keys must be plain names — use one of ${META_KEYS.join(', ')}` });
      continue;
    }
    if (!isMetaKey(key)) {
      const meant = closest(key, META_KEYS);
      const hint = meant === undefined ? '' : ` — did you mean '${meant}'?`;
      problems.push({ line: keyLine, message: `unknown front-matter key '${key}'${hint} (keys: ${META_KEYS.join(', ')})` });
      // The typo is the one mistake; do not also report the key it meant as missing.
      if (meant !== undefined && isMetaKey(meant)) seen.add(meant);
      continue;
    }
    seen.add(key);
    problems.push(...readField(key, fieldInput(doc, pair.value, keyLine, lineAt), meta));
  }

  for (const key of META_KEYS) {
    const field = META_FIELDS[key];
    if (field.required && !seen.has(key)) {
      const example = key === 'id' && suggestedId !== undefined ? `id: ${suggestedId}` : field.example;
      problems.push({ line: 1, message: `front matter has no '${key}' — add ${example}` });
    }
  }

  const { id, title, stage, summary, objectives } = meta;
  if (problems.length > 0 || !id || !title || !stage || !summary || !objectives) return { meta: undefined, problems };
  const complete: LessonMeta = { id, title, stage, summary, datasets: meta.datasets ?? [], objectives };
  if (meta.minutes !== undefined) complete.minutes = meta.minutes;
  return { meta: complete, problems };
}

function fieldInput(doc: Document, value: unknown, keyLine: number, lineAt: (offset: number) => number): FieldInput {
  if (!isNodeWithRange(value)) return { value: null, line: keyLine, itemLines: [] };
  const itemLines = isSeq(value)
    ? value.items.map((item) => (isNodeWithRange(item) && item.range ? lineAt(item.range[0]) : keyLine))
    : [];
  let js: unknown;
  try {
    js = value.toJS(doc);
  } catch {
    // toJS throws on alias bombs and unresolved aliases; the parser must not.
    js = null;
  }
  return { value: js, line: value.range ? lineAt(value.range[0]) : keyLine, itemLines };
}

function isNodeWithRange(value: unknown): value is Node {
  return isScalar(value) || isSeq(value) || isMap(value) || isAlias(value);
}
