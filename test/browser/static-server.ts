// A tiny static file server for the built site, so browser tests hit the same
// bytes a host would serve. It mounts the site under a sub-path on purpose: the
// design promises dist/ works from any sub-path, and serving it from "/" would
// hide every absolute URL that should have been relative.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

export interface StaticServer {
  /** Absolute URL of the site, ending in the mount path, e.g. http://127.0.0.1:4321/courses/de/ */
  readonly url: string;
  close(): Promise<void>;
}

export interface StaticServerOptions {
  /** Folder to serve (the built site). */
  root: string;
  /** Where the site is mounted; must start and end with "/". */
  mountPath: string;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  // Browsers refuse WebAssembly.instantiateStreaming for any other type.
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.ndjson': 'application/x-ndjson; charset=utf-8',
  '.log': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export async function startStaticServer({ root, mountPath }: StaticServerOptions): Promise<StaticServer> {
  const site = await startSites([{ root, mountPath }]);
  return { url: site.urls[0]!, close: site.close };
}

export interface Sites {
  /** One URL per mount, in the order given. */
  readonly urls: string[];
  /** Serves another folder at a mount from the next request on (a new deploy). */
  setRoot(mountPath: string, root: string): void;
  close(): Promise<void>;
}

/** Several copies of the site on one origin, each at its own sub-path (for the offline tests). */
export async function startSites(mounts: readonly StaticServerOptions[]): Promise<Sites> {
  for (const { mountPath } of mounts) {
    if (!mountPath.startsWith('/') || !mountPath.endsWith('/')) {
      throw new Error(`mountPath must start and end with "/", got ${JSON.stringify(mountPath)}`);
    }
  }
  const roots = new Map(mounts.map((m) => [m.mountPath, resolve(m.root)]));
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const mountPath = [...roots.keys()].find((m) => pathname.startsWith(m) || pathname === m.slice(0, -1)) ?? mounts[0]!.mountPath;
    serve(roots.get(mountPath)!, mountPath, req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `internal error: ${String(error)}`);
      else res.destroy();
    });
  });
  // Loopback only: the tests' request filter allows exactly this origin.
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    urls: mounts.map((m) => `http://127.0.0.1:${port}${m.mountPath}`),
    setRoot(mountPath, root) {
      if (!roots.has(mountPath)) throw new Error(`no site at ${mountPath}`);
      roots.set(mountPath, resolve(root));
    },
    close: () =>
      new Promise<void>((ok, fail) => {
        // Keep-alive sockets from Chromium would otherwise hold close() open.
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : ok()));
      }),
  };
}

async function serve(rootDir: string, mountPath: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
  const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  // What a host does for a directory without its slash; relative URLs need it.
  if (pathname === mountPath.slice(0, -1)) {
    res.writeHead(301, { location: mountPath }).end();
    return;
  }
  if (!pathname.startsWith(mountPath)) return send(res, 404, 'not found (outside the site)');

  let relative: string;
  try {
    relative = decodeURIComponent(pathname.slice(mountPath.length));
  } catch {
    return send(res, 400, 'bad request');
  }
  let file = resolve(rootDir, relative);
  // Encoded ".." or NUL bytes must not reach outside the served folder.
  if (relative.includes('\0') || (file !== rootDir && !file.startsWith(rootDir + sep))) {
    return send(res, 404, 'not found');
  }
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) return send(res, 404, 'not found');

  res.writeHead(200, {
    'content-type': contentTypeFor(file),
    'content-length': info.size,
    // Each test run may follow a rebuild; never let a cached copy mask it.
    'cache-control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
}
