// A small static file server for browser tests that need more than the preview server gives:
// a second origin (an embedding page, a site the app must not reach), a server that can be
// stopped mid-test (offline use), and files swapped for a new version (service worker update).
// It records every request it receives, so a test can show that none arrived.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

export interface StaticServer {
  readonly origin: string;
  /** Paths of every request received, in order ('/x.trace?v=1'). */
  readonly requests: string[];
  /** Serves body at path instead of the file (a new version of the app). */
  override(path: string, body: string | Uint8Array): void;
  close(): Promise<void>;
}

export async function serveStatic(root: string | null, headers: Record<string, string> = {}): Promise<StaticServer> {
  const requests: string[] = [];
  const overrides = new Map<string, string | Uint8Array>();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    requests.push(req.url ?? '');
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.endsWith('/') ? `${path}index.html` : path;
    const body = overrides.get(file) ?? (root !== null ? await readFile(join(root, normalize(file).replace(/^(\.\.[/\\])+/, ''))).catch(() => null) : null);
    if (body === null) {
      res.writeHead(404, { 'Content-Type': 'text/plain', ...headers }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', ...headers }).end(body);
  };
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    requests,
    override: (path, body) => void overrides.set(path, body),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
