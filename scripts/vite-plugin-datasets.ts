// Makes datasets/ reachable at ./datasets/<file> in `npm run dev` (served from
// the folder as it is) and in the built dist/ (copied at build time). Only the
// files manifest.json lists, plus manifest.json itself, are served or copied:
// not the README, not anything else that lands in the folder.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

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
  return ['manifest.json', ...manifest.files.map((f) => f.file)];
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
        const file = decodeURIComponent((req.url ?? '').split('?')[0]!.replace(/^\//, ''));
        // Read the list on each request, so `npm run datasets` needs no restart.
        if (!dataFiles(dir).includes(file)) return next();
        res.setHeader('Content-Type', TYPES[file.split('.').pop()!] ?? 'application/octet-stream');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(readFileSync(join(dir, file)));
      });
    },
    generateBundle() {
      for (const file of dataFiles(dir)) {
        this.emitFile({ type: 'asset', fileName: `${folder}/${file}`, source: readFileSync(join(dir, file)) });
      }
    },
  };
}
