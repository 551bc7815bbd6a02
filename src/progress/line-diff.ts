// A line diff for "compare my cell with the new lesson code": the longest
// common subsequence of lines, after trimming the common start and end. Cells
// are short; past LIMIT line pairs it gives up on alignment and shows the
// middle as all removed, then all added (still correct, just coarser).

export interface DiffLine {
  kind: 'same' | 'removed' | 'added';
  text: string;
  /** 1-based line in `before`; null for an added line. */
  oldLine: number | null;
  /** 1-based line in `after`; null for a removed line. */
  newLine: number | null;
}

/** Line pairs (before × after, after trimming) the LCS table may hold. */
const LIMIT = 4_000_000;

export const splitLines = (text: string): string[] => (text === '' ? [] : text.split(/\r\n|\r|\n/));

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }

  const out: DiffLine[] = [];
  const same = (i: number, j: number): void => {
    out.push({ kind: 'same', text: a[i], oldLine: i + 1, newLine: j + 1 });
  };
  for (let i = 0; i < start; i++) same(i, i);
  middle(a, b, start, endA, endB, out);
  for (let i = endA, j = endB; i < a.length; i++, j++) same(i, j);
  return out;
}

function middle(a: string[], b: string[], start: number, endA: number, endB: number, out: DiffLine[]): void {
  const n = endA - start;
  const m = endB - start;
  const removed = (i: number): void => {
    out.push({ kind: 'removed', text: a[i], oldLine: i + 1, newLine: null });
  };
  const added = (j: number): void => {
    out.push({ kind: 'added', text: b[j], oldLine: null, newLine: j + 1 });
  };
  if (n * m > LIMIT || n === 0 || m === 0) {
    for (let i = start; i < endA; i++) removed(i);
    for (let j = start; j < endB; j++) added(j);
    return;
  }
  // lcs[i][j]: LCS length of a[start+i..endA) and b[start+j..endB), in one flat array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[start + i] === b[start + j]
          ? lcs[(i + 1) * width + j + 1] + 1
          : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[start + i] === b[start + j]) {
      out.push({ kind: 'same', text: a[start + i], oldLine: start + i + 1, newLine: start + j + 1 });
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
      removed(start + i++);
    } else {
      added(start + j++);
    }
  }
  for (; i < n; i++) removed(start + i);
  for (; j < m; j++) added(start + j);
}
