// Where a front-matter key, or one item of its list, is written in a lesson
// file — for checks that run after parsing (a dataset the registry does not
// know) and still want to point at the line to fix. Pure: text in, line out.
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { splitFrontMatter } from '../front-matter';

/**
 * The 1-based file line of `item` in the list under front-matter `key`
 * (`datasets: [trips, nope]` or one `- nope` per line), else of `key` itself,
 * else undefined (no front matter, YAML that does not parse, no such key).
 */
export function frontMatterLine(text: string, key: string, item?: string): number | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const split = splitFrontMatter(lines);
  if (!split.ok) return undefined;
  const lineCounter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  // YAML line 1 is file line 2 (line 1 is the opening ---).
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line + 1;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key);
  if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
  if (item !== undefined && isSeq(pair.value)) {
    const node = pair.value.items.find((n) => isScalar(n) && n.value === item);
    if (isScalar(node) && node.range) return lineAt(node.range[0]);
  }
  return lineAt(pair.key.range[0]);
}
