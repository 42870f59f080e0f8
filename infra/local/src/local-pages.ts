import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { SERVICES } from '@halooid/functions/registry';
import { buildOpenApi } from '@halooid/shared/openapi';
import type { LocalEventBus } from './events/local-bus';
import type { LocalResponse } from './gateway';
import type { Mailbox } from './mailbox';
import { docsPage, landingPage } from './pages-html';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const json = (status: number, body: unknown): LocalResponse => ({
  status,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

const html = (body: string): LocalResponse => ({
  status: 200,
  headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  body,
});

/**
 * What the gateway serves outside `/v1`: the developer mailbox (local only,
 * like everything under /dev), the API docs page, and the web app's static
 * build with SPA fallback (CloudFront + S3 in AWS), or a landing page until
 * the web app is built.
 */
export function localPages(options: {
  mailbox: Mailbox;
  webRoot: string;
  bus?: LocalEventBus;
  /** Shown on the landing page: the one the seed gave the demo users (HALOOID_DEMO_PASSWORD, checked by main.ts). */
  demoPassword: string;
}) {
  return async (method: string, url: URL): Promise<LocalResponse | undefined> => {
    const events = options.bus && eventPages(options.bus, method, url);
    if (events) return events;
    if (method !== 'GET' && method !== 'HEAD') return undefined;
    if (url.pathname === '/dev/mailbox')
      return json(200, { items: options.mailbox.list(url.searchParams.get('to') ?? undefined) });
    if (url.pathname === '/docs') return html(docsPage(buildOpenApi(SERVICES, { version: 'local' })));
    const file = await staticFile(options.webRoot, url.pathname);
    if (file) return file;
    // SPA fallback, as CloudFront's: a path without a file extension is a client route.
    if (!path.extname(url.pathname) && !url.pathname.startsWith('/dev/')) {
      const index = await staticFile(options.webRoot, '/index.html');
      return index ?? (url.pathname === '/' ? html(landingPage(options.demoPassword)) : undefined);
    }
    return undefined;
  };
}

/**
 * `/dev/events`: recent events with each rule's delivery state (`?type=`
 * filters by `<resource>.<verb>`, `?limit=`); `/dev/dlq`: dead letters;
 * `POST /dev/dlq/{id}/redrive` sends one to its rule again.
 */
function eventPages(bus: LocalEventBus, method: string, url: URL): LocalResponse | undefined {
  if (method === 'GET' && url.pathname === '/dev/events') {
    const type = url.searchParams.get('type');
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 50) || 50, 200);
    const items = bus
      .recent()
      .filter((recent) => !type || recent.event.type === type)
      .slice(0, limit);
    return json(200, { items });
  }
  if (method === 'GET' && url.pathname === '/dev/dlq') return json(200, { items: bus.deadLetters() });
  const redrive = url.pathname.match(/^\/dev\/dlq\/([0-9a-f-]{36})\/redrive$/);
  if (method === 'POST' && redrive?.[1]) {
    return bus.redrive(redrive[1])
      ? json(202, { redriven: redrive[1] })
      : json(404, { title: 'Not found', status: 404, detail: `No dead letter ${redrive[1]}.` });
  }
  return undefined;
}

async function staticFile(root: string, pathname: string): Promise<LocalResponse | undefined> {
  const resolved = path.resolve(root, `.${decodeURIComponent(pathname)}`);
  if (!resolved.startsWith(root + path.sep)) return undefined; // no ../ escapes
  const info = await stat(resolved).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  return {
    status: 200,
    headers: {
      'Content-Type': CONTENT_TYPES[path.extname(resolved)] ?? 'application/octet-stream',
      // Hashed build files never change; everything else (index.html) is revalidated.
      'Cache-Control': pathname.startsWith('/_app/immutable/')
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    },
    body: await readFile(resolved),
  };
}
