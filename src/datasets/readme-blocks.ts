// The parts of datasets/README.md that come from the manifest (file sizes,
// row counts, defect counts) live between marker comments and are rewritten
// by `npm run datasets`, so the prose never disagrees with the files.

import type { Manifest } from './manifest';

const FILES = ['<!-- files:start -->', '<!-- files:end -->'] as const;
const DEFECTS = ['<!-- defects:start -->', '<!-- defects:end -->'] as const;

const mb = (bytes: number): string => (bytes / 1e6).toFixed(2);
const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export function filesTable(manifest: Manifest): string {
  const lines = ['| file | format | rows | MB |', '| --- | --- | ---: | ---: |'];
  for (const f of manifest.files) lines.push(`| \`${f.file}\` | ${f.format} | ${thousands(f.rows)} | ${mb(f.bytes)} |`);
  const total = manifest.files.reduce((s, f) => s + f.bytes, 0);
  lines.push(`| **total** | | | **${mb(total)}** |`);
  return lines.join('\n');
}

export function defectsTable(manifest: Manifest): string {
  const lines = ['| defect | file | count | how it is counted |', '| --- | --- | ---: | --- |'];
  for (const [name, d] of Object.entries(manifest.defects)) {
    lines.push(`| \`${name}\` | \`${d.file}\` | ${d.count} | ${d.rule.replaceAll('|', '\\|')} |`);
  }
  return lines.join('\n');
}

function replaceBlock(text: string, [start, end]: readonly [string, string], body: string): string {
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a === -1 || b === -1 || b < a) return text;
  return `${text.slice(0, a + start.length)}\n${body}\n${text.slice(b)}`;
}

export function refreshReadme(readme: string, manifest: Manifest): string {
  return replaceBlock(replaceBlock(readme, FILES, filesTable(manifest)), DEFECTS, defectsTable(manifest));
}

/** Reads the defect counts back out of the README's generated table (for the check that it is current). */
export function readmeDefectCounts(readme: string): Record<string, number> {
  const out: Record<string, number> = {};
  const a = readme.indexOf(DEFECTS[0]);
  const b = readme.indexOf(DEFECTS[1]);
  if (a === -1 || b === -1) return out;
  for (const line of readme.slice(a, b).split('\n')) {
    const m = /^\| `([a-z_]+)` \| `[^`]+` \| (\d+) \|/.exec(line);
    if (m) out[m[1]!] = Number(m[2]);
  }
  return out;
}
