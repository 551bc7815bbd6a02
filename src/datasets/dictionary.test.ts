// The data dictionary in datasets/README.md must describe the files as they
// are: every documented column exists, every column is documented, with the
// type the loader gives it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_LOG_FIELDS } from './formats/server-log';
import type { Manifest } from './manifest';
import { DATASETS_DIR } from './node-source';
import { DATASETS } from './registry';

const readme = readFileSync(join(DATASETS_DIR, 'README.md'), 'utf8');
const read = (file: string): string => readFileSync(join(DATASETS_DIR, file), 'utf8');
const manifest = JSON.parse(read('manifest.json')) as Manifest;

interface Documented {
  name: string;
  type: string;
  loader: boolean;
}

/** The first table under a heading, as rows of cells (header and separator dropped). */
function tableUnder(heading: string): string[][] {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start === -1) return [];
  const rows: string[][] = [];
  let inTable = false;
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,4} /.test(line)) break;
    if (line.startsWith('|')) {
      inTable = true;
      rows.push(line.slice(1, -1).split('|').map((c) => c.trim()));
    } else if (inTable) break;
  }
  return rows.slice(2);
}

function documentedColumns(file: string): Documented[] {
  return tableUnder(`### \`${file}\``).map(([name = '', type = '']) => ({
    name: name.replaceAll('`', ''),
    type: type.replace(/\*?\(loader\)\*?/, '').trim(),
    loader: type.includes('(loader)'),
  }));
}

const fromFile = (docs: Documented[]): string[] => docs.filter((d) => !d.loader).map((d) => d.name);

describe('datasets/README.md data dictionary', () => {
  it('has a section with a column table for every file in the manifest except the JSON answer', () => {
    for (const f of manifest.files) {
      if (f.format === 'json') continue;
      expect(documentedColumns(f.file).length, f.file).toBeGreaterThan(0);
    }
  });

  it('documents exactly the header of every CSV file, in order', () => {
    for (const f of manifest.files.filter((x) => x.format === 'csv')) {
      expect(fromFile(documentedColumns(f.file)), f.file).toEqual(read(f.file).split('\n', 1)[0]!.split(','));
    }
  });

  it('documents exactly the keys of app_events.ndjson', () => {
    const keys = new Set<string>();
    let ordered: string[] = [];
    for (const line of read('app_events.ndjson').split('\n')) {
      try {
        const o = JSON.parse(line) as object;
        for (const k of Object.keys(o)) keys.add(k);
        if (ordered.length < Object.keys(o).length) ordered = Object.keys(o);
      } catch {
        // malformed lines are a planted defect, not part of the dictionary
      }
    }
    expect(ordered).toEqual([...keys]);
    expect(fromFile(documentedColumns('app_events.ndjson'))).toEqual(ordered);
  });

  it('documents exactly the fields of a server.log line', () => {
    expect(fromFile(documentedColumns('server.log'))).toEqual([...SERVER_LOG_FIELDS]);
  });

  it('gives each column the type and the loader-added columns the loader adds', () => {
    for (const d of DATASETS.filter((x) => x.format !== 'lines')) {
      const docs = documentedColumns(d.file);
      expect(docs.map((c) => [c.name, c.type]), d.name).toEqual(d.columns.map((c) => [c.name, c.type]));
    }
  });

  it('documents the properties keys of every kind of event', () => {
    const seen = new Map<string, Set<string>>();
    for (const line of read('app_events.ndjson').split('\n')) {
      let o: { event: string; properties: Record<string, unknown> };
      try {
        o = JSON.parse(line) as typeof o;
      } catch {
        continue;
      }
      const kind = `${o.event}|${typeof o.properties.button === 'string' ? o.properties.button : ''}`;
      const keys = seen.get(kind) ?? new Set<string>();
      for (const k of Object.keys(o.properties)) keys.add(k);
      seen.set(kind, keys);
    }
    const actual = Object.fromEntries([...seen].map(([kind, keys]) => [kind, [...keys].sort().join(', ')]));
    const documented = Object.fromEntries(
      tableUnder('#### Properties by event').map(([event = '', button = '', keys = '']) => [
        `${event.replaceAll('`', '')}|${button.replaceAll('`', '')}`,
        keys === '(none)' ? '' : keys.replaceAll('`', ''),
      ]),
    );
    expect(documented).toEqual(actual);
  });
});
