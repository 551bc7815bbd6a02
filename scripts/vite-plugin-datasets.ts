// Makes datasets/ reachable at ./datasets/<file> in `npm run dev` (served from
// the folder as it is) and in the built dist/ (copied at build time). Only the
// files manifest.json lists, plus manifest.json itself, are served or copied:
// not the README, not anything else that lands in the folder. Answer keys
// (answers/) are shipped only when a lesson loads them (a hidden registry
// entry), and then in their served form (src/datasets/served-form.ts), never
// as a readable file.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { DATASETS } from '../src/datasets/registry';
import { encodeServed, isAnswerFile, servedName } from '../src/datasets/served-form';

/** Answer files a lesson loads; the others (e.g. experiments.json, used by tests) stay home. */
const LOADED_ANSWERS = new Set(DATASETS.filter((d) => d.hidden).map((d) => d.file));

const TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
  log: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

function dataFiles(dir: string): string[] {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return [];
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: { file: string }[] };
  const files = manifest.files.map((f) => f.file).filter((f) => !isAnswerFile(f) || LOADED_ANSWERS.has(f));
  return ['manifest.json', ...files];
}

export function datasetsPlugin(folder = 'datasets'): Plugin {
  let dir = resolve(folder);
  return {
    name: 'workbench-datasets',
    configResolved(config) {
      dir = resolve(config.root, folder);
    },
    configureServer(server) {
      server.middlewares.use(`/${folder}`, (req, res, next) => {
        const served = decodeURIComponent((req.url ?? '').split('?')[0]!.replace(/^\//, ''));
        // Read the list on each request, so `npm run datasets` needs no restart.
        const file = dataFiles(dir).find((f) => servedName(f) === served);
        if (!file) return next();
        res.setHeader('Content-Type', isAnswerFile(file) ? 'text/plain; charset=utf-8' : TYPES[file.split('.').pop()!] ?? 'application/octet-stream');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(encodeServed(file, readFileSync(join(dir, file))));
      });
    },
    generateBundle() {
      for (const file of dataFiles(dir)) {
        const source = encodeServed(file, readFileSync(join(dir, file)));
        this.emitFile({ type: 'asset', fileName: `${folder}/${servedName(file)}`, source });
      }
    },
  };
}
