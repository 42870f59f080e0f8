import { lambdaContext, proxyEvent } from '@halooid/local/api-gateway-events';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { incoming } from './events';
import { formatUs, type Result, result, type Summary } from './stats';

/*
 * What the product-at-scale sections (qultrix.ts, customerconnect.ts) share:
 * real handlers called in process, rows with fixed ids, and figures read as
 * ratios to one indexed lookup.
 */

export type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

/** A capability's HTTP handler, loaded as its Lambda loads it. */
export async function handlerOf(product: string, capability: string): Promise<Handler> {
  const module = (await import(`@halooid/functions/${product}/${capability}/handler`)) as {
    handler: Handler;
  };
  return module.handler;
}

/** Row g (1-based) of a generated table has a fixed id, so rows can name each other inside one INSERT … SELECT. */
export const fixedIdSql = (g: string) => `('00000000-0000-7000-8000-' || lpad(to_hex(${g}), 12, '0'))::uuid`;
export const fixedId = (g: number) => `00000000-0000-7000-8000-${g.toString(16).padStart(12, '0')}`;

/** A GET's path, API Gateway resource, path parameters, and the check of its 200 body. */
export type GetArgs = [
  path: string,
  resource: string,
  pathParameters: Record<string, string> | null,
  check: (body: unknown) => boolean,
];

/**
 * A GET through `handler` in process, with `authorizer` as API Gateway's
 * authorizer context: throws unless it answers 200 with a body `check` accepts.
 */
export function inProcessGet(
  functionName: string,
  handler: Handler,
  authorizer: Record<string, unknown>,
  ...[path, resource, pathParameters, check]: GetArgs
): () => Promise<void> {
  return async () => {
    const request = { ...incoming('GET', path, { resource }), pathParameters };
    const response = await handler(proxyEvent(request, authorizer), lambdaContext(functionName));
    if (response.statusCode !== 200 || !check(JSON.parse(response.body)))
      throw new Error(`GET ${path} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
  };
}

/**
 * Figures against the lookup: `results` starts with `<prefix>.lookup.p50/p99`;
 * `ratioTo` adds a request's p50 and p99 as ratios to them (a goal on the
 * p50 when given); `row` is its table row.
 */
export function versusLookup(prefix: string, lookup: Summary) {
  const results: Result[] = [];
  for (const p of ['p50', 'p99'] as const) results.push(result(`${prefix}.lookup.${p}`, 'µs', lookup[p]));
  const ratioTo = (name: string, summary: Summary, goal?: { text: string; max: number }) => {
    for (const p of ['p50', 'p99'] as const)
      results.push(
        result(`${prefix}.${name}.${p}`, 'µs', summary[p], {
          baseline: lookup[p],
          baselineName: `${prefix}.lookup.${p}`,
          ...(goal && p === 'p50'
            ? { goal: goal.text, check: (ratio: number | null) => ratio !== null && ratio <= goal.max }
            : {}),
        }),
      );
  };
  const row = (what: string, summary: Summary) => [
    what,
    formatUs(summary.p50),
    formatUs(summary.p99),
    `${(summary.p50 / lookup.p50).toFixed(2)}×`,
  ];
  return { results, ratioTo, row };
}
