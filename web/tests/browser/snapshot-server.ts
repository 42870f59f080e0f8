/**
 * Serves a private copy of web/build in front of `npm run dev`.
 *
 * The gateway serves the repository's web/build, which any other `npm run dev`
 * on this machine may rebuild (SvelteKit empties the folder first): a page
 * loaded before the rebuild then asks for chunks that are gone, and a flow
 * fails for no fault of the app. So the runner builds once, copies the build,
 * and puts this small server on the origin the browser uses: files (and the
 * SPA fallback) come from the copy, everything else (/v1, /dev, /docs) is
 * proxied to the platform unchanged, so the app still has one origin.
 */
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ensureWebBuild } from '@halooid/local/web-build';
import { REPO_ROOT } from './harness';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};
/** What the platform answers itself; never served from the build. */
const PLATFORM_PATHS = /^\/(v1|dev|docs)(\/|$)/;

/** Builds web/ when its sources changed (once, before any flow) and copies the result. */
export async function snapshotWebBuild(): Promise<{ root: string; remove(): Promise<void> }> {
  const result = await ensureWebBuild();
  if (result.status === 'failed') throw new Error(`The web app failed to build:\n${result.output ?? ''}`);
  const root = await mkdtemp(path.join(os.tmpdir(), 'halooid-web-'));
  await cp(path.join(REPO_ROOT, 'web', 'build'), root, { recursive: true });
  if (!(await stat(path.join(root, 'index.html')).catch(() => undefined))) {
    throw new Error('web/build has no index.html (is another build running?): run the browser tests again.');
  }
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

export interface SnapshotServer {
  url: string;
  close(): Promise<void>;
}

export async function serveSnapshot(root: string, upstream: string): Promise<SnapshotServer> {
  const target = new URL(upstream);
  const index = await readFile(path.join(root, 'index.html'));
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const isRead = request.method === 'GET' || request.method === 'HEAD';
    if (isRead && !PLATFORM_PATHS.test(url.pathname)) {
      void serveFile(root, url.pathname, index, response);
      return;
    }
    const forwarded = http.request(
      {
        host: target.hostname === 'localhost' ? '127.0.0.1' : target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (reply) => {
        response.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(response);
      },
    );
    forwarded.on('error', (error) => {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`proxy: ${error.message}`);
    });
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://localhost:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serveFile(root: string, pathname: string, index: Buffer, response: http.ServerResponse) {
  const resolved = path.resolve(root, `.${decodeURIComponent(pathname)}`);
  const inside = resolved.startsWith(root + path.sep);
  const info = inside ? await stat(resolved).catch(() => undefined) : undefined;
  if (info?.isFile()) {
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(resolved)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    response.end(await readFile(resolved));
    return;
  }
  // The SPA fallback, as the gateway and CloudFront do: paths without an extension.
  if (!path.extname(pathname)) {
    response.writeHead(200, { 'content-type': CONTENT_TYPES['.html'], 'cache-control': 'no-cache' });
    response.end(index);
    return;
  }
  response.writeHead(404, { 'content-type': 'text/plain' });
  response.end('not found');
}
