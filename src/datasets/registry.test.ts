// The registry against the committed files: every dataset loads, by name,
// from datasets/, with the columns its file really has.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../sql/node-engine';
import { SERVER_LOG_FIELDS } from './formats/server-log';
import { loadDatasets } from './load';
import type { Manifest } from './manifest';
import { DATASETS, datasetNames, findDataset } from './registry';
import { DATASETS_DIR, nodeSource } from './node-source';

const manifest = JSON.parse(readFileSync(join(DATASETS_DIR, 'manifest.json'), 'utf8')) as Manifest;
const firstLine = (file: string): string => readFileSync(join(DATASETS_DIR, file), 'utf8').split('\n', 1)[0]!;

describe('dataset registry', () => {
  it('gives every dataset a unique name and table', () => {
    expect(new Set(DATASETS.map((d) => d.name)).size).toBe(DATASETS.length);
    expect(new Set(DATASETS.map((d) => d.table)).size).toBe(DATASETS.length);
  });

  it('points every dataset at a file listed in manifest.json', () => {
    const files = new Set(manifest.files.map((f) => f.file));
    for (const d of DATASETS) expect(files, d.name).toContain(d.file);
  });

  it('offers every data file of the manifest under some name (the experiments answer is JSON for checks, not a table)', () => {
    const covered = new Set(DATASETS.map((d) => d.file));
    const uncovered = manifest.files.map((f) => f.file).filter((f) => !covered.has(f));
    expect(uncovered).toEqual(['answers/experiments.json']);
  });

  it('lists hidden answer tables for checks but not among the names offered to lessons', () => {
    expect(findDataset('ticket_trips')?.hidden).toBe(true);
    expect(datasetNames()).not.toContain('ticket_trips');
    expect(datasetNames()).toEqual(expect.arrayContaining(['riders', 'drivers', 'trips', 'app_events', 'server_log', 'cs_tickets', 'experiment_assignments']));
  });

  it('declares for each CSV dataset exactly the columns of its file header, in order', () => {
    for (const d of DATASETS.filter((x) => x.format === 'csv')) {
      expect(d.columns.map((c) => c.name), d.name).toEqual(firstLine(d.file).split(','));
    }
  });

  it('declares for each parsed log the fields of its format plus line_no', () => {
    const events = findDataset('app_events')!;
    expect(events.columns.map((c) => c.name)).toEqual([...Object.keys(JSON.parse(firstLine(events.file)) as object), 'line_no']);
    expect(findDataset('server_log')!.columns.map((c) => c.name)).toEqual([...SERVER_LOG_FIELDS, 'line_no']);
  });

  it('loads every dataset from the committed files: rows loaded plus rejects equal the manifest rows', async () => {
    const engine = await createNodeEngine();
    try {
      const reports = await loadDatasets(engine, DATASETS.map((d) => d.name), nodeSource());
      const rowsOf = new Map(manifest.files.map((f) => [f.file, f.rows]));
      for (const r of reports) {
        expect(r.rowsLoaded + r.rejected.length, r.dataset).toBe(rowsOf.get(r.file!));
        const count = (await engine.exec(`SELECT count(*) FROM ${r.table}`)).result.rows[0]![0];
        expect(count, r.table).toBe(r.rowsLoaded);
      }
      const rejects = Object.fromEntries(reports.map((r) => [r.dataset, r.rejected.length]));
      expect(rejects).toMatchObject({
        trips: 0,
        riders: 0,
        app_events: manifest.defects.malformed_json_lines!.count,
        server_log: manifest.defects.truncated_log_lines!.count,
        cs_tickets: 0,
      });
    } finally {
      engine.close();
    }
  }, 60_000);
});
