// Finds fenced code blocks the way CommonMark does, so that what the parser calls a
// cell is exactly what a Markdown renderer would draw as a code block. Only the
// outermost fences are returned: a fence line inside another fence is content.

export interface Fence {
  /** 0-based index of the opening fence line in the scanned lines. */
  open: number;
  /** 0-based index of the closing fence line, or undefined when the fence is never closed. */
  close: number | undefined;
  /** Spaces before the opening fence (0-3; more would make it an indented code block). */
  indent: number;
  /** The fence characters as written, e.g. "```", "~~~" or "````". */
  marker: string;
  /** The info string after the marker, trimmed: language and attributes. */
  info: string;
}

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

function openingFence(line: string): Omit<Fence, 'open' | 'close'> | undefined {
  const match = OPENING.exec(line);
  if (!match) return undefined;
  const [, spaces = '', marker = '', rest = ''] = match;
  // A backtick in the info string means this is inline code (```a```), not a fence.
  if (marker.startsWith('`') && rest.includes('`')) return undefined;
  return { indent: spaces.length, marker, info: rest.trim() };
}

function closes(line: string, marker: string): boolean {
  const match = CLOSING.exec(line);
  if (!match) return false;
  const closing = match[1] ?? '';
  return closing[0] === marker[0] && closing.length >= marker.length;
}

export function findFences(lines: readonly string[]): Fence[] {
  const fences: Fence[] = [];
  let i = 0;
  while (i < lines.length) {
    const opening = openingFence(lines[i] ?? '');
    if (!opening) {
      i++;
      continue;
    }
    let close: number | undefined;
    for (let j = i + 1; j < lines.length; j++) {
      if (closes(lines[j] ?? '', opening.marker)) {
        close = j;
        break;
      }
    }
    fences.push({ open: i, close, ...opening });
    if (close === undefined) break;
    i = close + 1;
  }
  return fences;
}

/** The lines between the fences, with the opening fence's indentation removed as CommonMark does. */
export function fenceContent(lines: readonly string[], fence: Fence): string[] {
  const end = fence.close ?? lines.length;
  const strip = new RegExp(`^ {0,${fence.indent}}`);
  return lines.slice(fence.open + 1, end).map((line) => (fence.indent > 0 ? line.replace(strip, '') : line));
}
