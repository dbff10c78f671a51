import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

/** Content types of what `vite build` writes (wasm must be application/wasm for streaming compilation). */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.gz': 'application/gzip',
  '.data': 'application/octet-stream',
  '.version': 'text/plain; charset=utf-8',
};

/** The file under `root` a URL path names, or undefined when it is malformed or points outside `root`. */
export function fileForPath(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  const base = resolve(root);
  const file = resolve(join(base, path.endsWith('/') ? `${path}index.html` : path));
  return file.startsWith(base + sep) ? file : undefined;
}

/** Serves a GET or HEAD for a file of the built app under `root`; 404 for anything else, never a file outside `root`. */
export async function serveStatic(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const rawPath = (request.url ?? '/').split('?')[0]!;
  const file = fileForPath(root, rawPath);
  const info = file ? await stat(file).catch(() => undefined) : undefined;
  if (!file || !info?.isFile()) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  response.writeHead(200, {
    'Content-Type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': rawPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
}
