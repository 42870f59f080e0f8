import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { principalFromEvent } from '../auth/principal';
import { getConfig } from '../config';
import { clientIp } from '../http/client-ip';
import type { ServiceManifest } from '../manifest';
import { createLogger } from '../observability';
import { UsageBuffer } from './buffer';
import { writeInTenantTransaction } from './writer';

/**
 * Request usage, recorded by every HTTP function (shared/src/http/adapter.ts)
 * into platform.request_usage and platform.api_key_networks without a database
 * round trip of its own per request.
 *
 * Counts collect in one in-process buffer and are written in batches: when the
 * buffer holds FLUSH_ROWS rows or its oldest request is FLUSH_AGE_MS old. In
 * AWS the check runs at the end of each invocation and the flush is awaited
 * there (a frozen Lambda runs nothing after it returns), so about once a
 * minute per warm instance one response waits for two upserts; an instance
 * that is retired with counts still held loses at most that last minute of
 * them. Usage is a best-effort meter (CloudWatch keeps the exact request
 * counts), so a minute at risk is the price of never costing the other
 * requests a write. The local runtime, one long-lived process, flushes in the
 * background and on a timer, and flushUsage() at shutdown. See
 * docs/decisions.md.
 */
export const FLUSH_ROWS = 500;
export const FLUSH_AGE_MS = 60_000;

const logger = createLogger('usage');
let buffer: UsageBuffer | undefined;
let timer: NodeJS.Timeout | undefined;
const inFlight = new Set<Promise<void>>();

function usageBuffer(): UsageBuffer {
  if (!buffer) {
    buffer = new UsageBuffer({
      write: writeInTenantTransaction,
      maxRows: FLUSH_ROWS,
      maxAgeMs: FLUSH_AGE_MS,
      onError: (error, batch) =>
        logger.warn('Request usage dropped: the batch could not be written', {
          tenantId: batch.tenantId,
          rows: batch.usage.length + batch.networks.length,
          error: (error as Error).message,
        }),
    });
    // A quiet process still writes what it holds; never keeps the process alive.
    timer = setInterval(() => {
      if (buffer?.due()) void background();
    }, FLUSH_AGE_MS / 4);
    timer.unref();
  }
  return buffer;
}

function background(): Promise<void> {
  const flushing = usageBuffer().flush();
  inFlight.add(flushing);
  void flushing.finally(() => inFlight.delete(flushing));
  return flushing;
}

/** Writes everything held now and waits for flushes already running (tests, shutdown). */
export async function flushUsage(): Promise<void> {
  await Promise.allSettled([...inFlight]);
  await buffer?.flush();
}

/** Lambda (dev, prod) must finish the flush before returning; local and test runs never wait for it. */
function awaitFlushInline(): boolean {
  const stage = getConfig().STAGE;
  return stage === 'dev' || stage === 'prod';
}

/**
 * The adapter's middleware: runs outermost, so it sees the final status of
 * every answer, successes and problem+json alike. Only requests in a tenant
 * count (an operator's or a signed-in user's tenant-less call does not), and
 * only functions that reach Postgres record (the others have no connection
 * to write with in AWS).
 */
export function recordUsage(
  service: Pick<ServiceManifest, 'product' | 'resources'>,
): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult> | undefined {
  if (!service.resources.database) return undefined;
  const started = new WeakMap<object, number>();
  const finish = async (request: Request<APIGatewayProxyEvent, APIGatewayProxyResult>) => {
    const begun = started.get(request.event);
    const principal = principalFromEvent(request.event);
    if (begun === undefined || !principal?.tenantId || !request.response) return;
    const current = usageBuffer();
    current.record({
      tenantId: principal.tenantId,
      product: service.product,
      principal: principal.principalType === 'apiKey' ? principal.principalId : 'user',
      status: request.response.statusCode,
      latencyMs: performance.now() - begun,
      sourceIp:
        principal.principalType === 'apiKey'
          ? clientIp(request.event, { trustCloudFront: getConfig().TRUST_CLOUDFRONT_HEADER })
          : undefined,
      at: new Date(),
    });
    if (!current.due()) return;
    if (awaitFlushInline()) await background();
    else void background();
  };
  // Metering never changes an answer: whatever goes wrong here is logged and the response stands.
  const settle = async (request: Request<APIGatewayProxyEvent, APIGatewayProxyResult>) => {
    try {
      await finish(request);
    } catch (error) {
      logger.warn('Request usage not recorded', { error: (error as Error).message });
    }
  };
  return {
    before: async (request) => {
      started.set(request.event, performance.now());
    },
    after: settle,
    onError: settle,
  };
}
