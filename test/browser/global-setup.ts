// Starts one static server for the whole browser run and hands its URL to the
// test files through vitest's provide/inject (test files run in other processes,
// so a module-level variable would not reach them).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './static-server';

/** The mount path the site is served under, to catch URLs that assume "/". */
export const MOUNT_PATH = '/courses/de/';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute URL of the served site, ending in MOUNT_PATH. */
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // DIST_DIR lets a test run point at another build without touching dist/.
  const root = resolve(project.config.root, process.env.DIST_DIR ?? 'dist');
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(
      `Browser tests need a built site, but ${join(root, 'index.html')} is missing: ` +
        'run npm run build first (or set DIST_DIR to a built site).',
    );
  }
  const server = await startStaticServer({ root, mountPath: MOUNT_PATH });
  project.provide('baseUrl', server.url);
  return () => server.close();
}
