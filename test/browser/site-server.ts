// A static server on 127.0.0.1 for a built site folder, as a static host would serve it (no server code).
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.jsonld': 'application/ld+json',
  '.csv': 'text/csv; charset=utf-8',
};

export interface SiteServer {
  url: string;
  close(): Promise<void>;
}

export async function serveFolder(root: string): Promise<SiteServer> {
  const base = path.resolve(root);
  const server = http.createServer((request, response) => {
    let route = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (route.endsWith('/')) route += 'index.html';
    const file = path.resolve(base, `.${route}`);
    if (!file.startsWith(base + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
