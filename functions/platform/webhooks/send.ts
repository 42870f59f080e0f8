import http from 'node:http';
import https from 'node:https';
import { guardedLookup, parseTarget, type Resolver, type UrlPolicy } from './url-guard';

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

export interface SendOptions {
  url: string;
  headers: Record<string, string>;
  body: string;
  policy: UrlPolicy;
  /** The whole attempt, DNS included. */
  timeoutMs: number;
  resolve?: Resolver;
}

/**
 * POSTs one webhook delivery. The host is resolved by the socket's own
 * lookup, which refuses the connection unless every address is allowed: the
 * check and the connection use one answer, so DNS rebinding has no window.
 * Redirects are never followed (a 3xx is a failed attempt: its target was
 * never checked), each attempt has a fresh connection (a pooled one could
 * outlive the check), and the timeout covers lookup, connect and the answer.
 */
export function sendWebhook(options: SendOptions): Promise<SendResult> {
  const target = parseTarget(options.url, options.policy);
  if ('refused' in target) return Promise.resolve({ ok: false, statusCode: null, error: target.refused });
  const transport = target.url.protocol === 'https:' ? https : http;
  const signal = AbortSignal.timeout(options.timeoutMs);
  return new Promise<SendResult>((resolve) => {
    const request = transport.request(target.url, {
      method: 'POST',
      agent: false,
      lookup: guardedLookup(options.policy, options.resolve),
      signal,
      headers: { ...options.headers, 'Content-Length': String(Buffer.byteLength(options.body)) },
    });
    request.on('response', (response) => {
      const status = response.statusCode ?? 0;
      // Only the status matters; the body is not read, the connection is not kept.
      response.destroy();
      const ok = status >= 200 && status < 300;
      const error = ok
        ? null
        : status >= 300 && status < 400
          ? `HTTP ${status}: redirects are not followed; point the webhook at the final URL.`
          : `HTTP ${status}`;
      resolve({ ok, statusCode: status, error });
    });
    request.on('error', (error: Error) => {
      const message = signal.aborted ? `Timed out after ${options.timeoutMs} ms.` : error.message;
      resolve({ ok: false, statusCode: null, error: message.slice(0, 500) });
    });
    request.end(options.body);
  });
}
