import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>`; add any path, the receiver records it. */
  base: string;
  /** Every request, in arrival order. */
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * A customer's webhook endpoint for integration tests: records each request
 * and answers with `status(request)` (200 unless told otherwise), so a test
 * can make it fail a few times and then recover.
 */
export async function startWebhookReceiver(
  status: (request: ReceivedRequest) => number = () => 200,
): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const request = { path: req.url ?? '', headers: req.headers, body };
      received.push(request);
      const code = status(request);
      res.writeHead(code).end(code < 300 ? 'ok' : 'try later');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
