// A tiny static server for a built site, as a static host publishes it: `dir` is served under
// `base` on 127.0.0.1 at a random port; `/x/` serves `x/index.html`; anything else is a 404, with
// the site's `404.html` when it has one (as GitHub Pages does).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};

export interface StaticSite {
  origin: string; // "http://127.0.0.1:41234"
  root: string; // origin + base: "http://127.0.0.1:41234/docker-links-guide/"
  close(): Promise<void>;
}

/** Starts serving `dir` under `base` ("/" or "/sub/"); close it in afterAll. */
export async function serveStatic(dir: string, base: string): Promise<StaticSite> {
  const server = createServer((request, response) => {
    void findFile(dir, base, request.url ?? '/').then((file) => {
      if (!file) {
        void stat(join(dir, '404.html')).then(
          (info) => {
            if (!info.isFile()) throw new Error('not a file');
            response.writeHead(404, { 'Content-Type': TYPES['.html']! });
            createReadStream(join(dir, '404.html')).pipe(response);
          },
          () => response.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not found: ${request.url}`),
        );
        return;
      }
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      createReadStream(file).pipe(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, root: `${origin}${base}`, close: () => closeServer(server) };
}

async function findFile(dir: string, base: string, url: string): Promise<string | undefined> {
  const path = decodeURIComponent(new URL(url, 'http://x').pathname);
  if (!path.startsWith(base)) return undefined;
  const relative = normalize(path.slice(base.length));
  if (relative.startsWith('..')) return undefined;
  const file = join(dir, relative.endsWith(sep) || relative === '.' ? join(relative, 'index.html') : relative);
  const info = await stat(file).catch(() => undefined);
  return info?.isFile() ? file : undefined;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
