// Build-time half of offline use. It records the build's graph (which chunks
// the entry imports, which assets they name), and gives vite-plugin-pwa a
// manifest transform that
//   - keeps only the app shell in the service worker's precache, and
//   - writes dist/offline-files.json: every other file a lesson may need
//     (Monaco, its workers, the dataset files) with its size and revision,
//     which the service worker caches on first use and "Make the course
//     available offline" downloads in one go.
// It prints both sizes, so `npm run build` says what a first visit costs.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { ManifestEntry, ManifestTransform } from 'workbox-build';
import { shellFiles, type BuiltFile } from '../src/offline/shell-files';
import { OFFLINE_FILES, type OfflineFiles } from '../src/offline/cache-keys';

export interface OfflineBuild {
  plugin: Plugin;
  transform: ManifestTransform;
}

/** Files the service worker must never list: itself and build leftovers. */
const NEVER = (url: string) => url === 'sw.js' || url.endsWith('.map') || url.startsWith('.vite/');

export function offlineBuild(publicDir = 'public'): OfflineBuild {
  let shell = new Set<string>();
  let outDir = resolve('dist');
  let publicFiles: string[] = [];

  const plugin: Plugin = {
    name: 'workbench-offline',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      const dir = resolve(config.root, publicDir);
      publicFiles = existsSync(dir) ? walk(dir).map((f) => relative(dir, f).split('\\').join('/')) : [];
    },
    generateBundle(_options, bundle) {
      // Dataset files are data a lesson asks for, not start-up code (their names
      // appear in the registry's code, which is why they are left out here).
      const outputs = Object.values(bundle).filter((out) => !out.fileName.startsWith('datasets/'));
      const files: BuiltFile[] = outputs.map((out) =>
        out.type === 'chunk'
          ? {
              fileName: out.fileName,
              isEntry: out.isEntry,
              imports: out.imports,
              dynamicImports: out.dynamicImports,
              css: [...(out.viteMetadata?.importedCss ?? [])],
              code: out.code,
            }
          : { fileName: out.fileName, code: out.fileName.endsWith('.js') ? String(out.source) : undefined },
      );
      // The icons, manifest and favicon are small and needed to install.
      shell = new Set([...shellFiles(files), ...publicFiles]);
    },
  };

  const transform: ManifestTransform = (entries) => {
    const precache: (ManifestEntry & { size: number })[] = [];
    const later: OfflineFiles = { files: [] };
    for (const entry of entries) {
      if (NEVER(entry.url)) continue;
      if (shell.has(entry.url)) precache.push(entry);
      else later.files.push({ url: entry.url, revision: entry.revision ?? 'hashed-name', bytes: entry.size });
    }
    later.files.sort((a, b) => a.url.localeCompare(b.url));
    const text = JSON.stringify(later);
    writeFileSync(join(outDir, OFFLINE_FILES), text);
    precache.push({ url: OFFLINE_FILES, revision: createHash('md5').update(text).digest('hex'), size: text.length });
    const shellBytes = precache.reduce((n, e) => n + e.size, 0);
    const laterBytes = later.files.reduce((n, f) => n + f.bytes, 0);
    console.log(
      `offline: precache (app shell) ${precache.length} files, ${mb(shellBytes)}; ` +
        `cached on first use or by "Make the course available offline": ${later.files.length} files, ${mb(laterBytes)}`,
    );
    return { manifest: precache, warnings: [] };
  };

  return { plugin, transform };
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(2)} MB`;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
