import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sendWebhook } from './send';
import { refuseUrl, urlPolicyFor } from './url-guard';

/** A receiver on 127.0.0.1 that records every request; `/redirect` answers 302 to `/inside`. */
let server: http.Server;
let port: number;
const hits: string[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    hits.push(request.url ?? '');
    request.resume();
    if (request.url === '/redirect')
      response.writeHead(302, { Location: `http://127.0.0.1:${port}/inside` }).end();
    else response.writeHead(200).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  hits.length = 0;
});

const local = urlPolicyFor('local');
const send = (url: string, resolve?: (host: string) => Promise<string[]>) =>
  sendWebhook({
    url,
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
    policy: local,
    timeoutMs: 5_000,
    ...(resolve ? { resolve } : {}),
  });

describe('sending a webhook', () => {
  it('delivers to an allowed target (the receiver is reachable)', async () => {
    const result = await send(`http://127.0.0.1:${port}/hook`);

    expect(result).toEqual({ ok: true, statusCode: 200, error: null });
    expect(hits).toEqual(['/hook']);
  });

  it('a name that resolves to a public address at the check and a private one at send time is never connected to', async () => {
    // The rebinding DNS server: public for the check, then the receiver's loopback address.
    const answers = [['93.184.216.34'], ['127.0.0.1']];
    const asked: string[] = [];
    const rebinding = async (host: string) => {
      asked.push(host);
      return answers.shift() ?? ['127.0.0.1'];
    };
    const url = `http://hooks.rebind.example:${port}/hook`;
    expect(await refuseUrl(url, local, rebinding)).toBeUndefined();

    const result = await send(url, rebinding);

    expect(asked).toEqual(['hooks.rebind.example', 'hooks.rebind.example']);
    expect(result.ok).toBe(false);
    expect(result.statusCode).toBeNull();
    expect(result.error).toMatch(
      /^The host hooks\.rebind\.example resolves to 127\.0\.0\.1, a loopback address/,
    );
    expect(hits).toEqual([]);
  });

  it('refuses the connection when any resolved address is not public', async () => {
    for (const addresses of [['10.0.0.1'], ['8.8.8.8', '::ffff:7f00:1'], ['169.254.169.254'], ['fd00::1']]) {
      const result = await send(`http://many.example:${port}/hook`, async () => addresses);
      expect(result.error).toMatch(/which webhooks may not target/);
    }
    expect(hits).toEqual([]);
  });

  it('checks the resolved addresses on https connections too', async () => {
    const result = await send(`https://secure.example:${port}/hook`, async () => ['10.0.0.1']);

    expect(result.error).toBe(
      'The host secure.example resolves to 10.0.0.1, a private address, which webhooks may not target.',
    );
    expect(hits).toEqual([]);
  });

  it('does not follow a redirect: a 3xx is a failed attempt and its target is never requested', async () => {
    const result = await send(`http://127.0.0.1:${port}/redirect`);

    expect(result).toEqual({
      ok: false,
      statusCode: 302,
      error: 'HTTP 302: redirects are not followed; point the webhook at the final URL.',
    });
    expect(hits).toEqual(['/redirect']);
  });

  it('counts the DNS lookup in the timeout', async () => {
    const result = await sendWebhook({
      url: `http://stuck.example:${port}/hook`,
      headers: {},
      body: '{}',
      policy: local,
      timeoutMs: 100,
      resolve: () => new Promise<string[]>(() => {}),
    });

    expect(result).toEqual({ ok: false, statusCode: null, error: 'Timed out after 100 ms.' });
    expect(hits).toEqual([]);
  });

  it('checks the URL itself before any connection', async () => {
    const result = await send(`http://[::ffff:127.0.0.1]:${port}/hook`);

    expect(result.error).toMatch(/loopback address \(IPv4-mapped 127\.0\.0\.1\)/);
    expect(hits).toEqual([]);
  });
});
