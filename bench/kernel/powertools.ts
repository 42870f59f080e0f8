import { randomUUID } from 'node:crypto';
import { Router } from '@aws-lambda-powertools/event-handler/http';
import { principalFromEvent, requirePermission } from '@halooid/shared/auth/principal';
import { withTenantTransaction } from '@halooid/shared/db/transaction';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import * as z from 'zod';
import { findItem, ItemBody, ItemParams, insertItem } from './items';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** The same route on Powertools' event-handler Router. */
export function powertoolsHandler(): (
  event: APIGatewayProxyEvent,
  context: Context,
) => Promise<APIGatewayProxyResult> {
  const app = new Router();
  app.post('/v1/bench/items', async ({ req, event }) => {
    const caller = requirePermission(principalFromEvent(event as APIGatewayProxyEvent), 'bench:item:write');
    const body = ItemBody.safeParse(await req.json());
    if (!body.success) return json(400, { title: 'Invalid request', errors: body.error.issues });
    const item = await withTenantTransaction(
      { tenantId: caller.tenantId, userId: caller.principalId },
      (tx) => insertItem(tx, caller.tenantId, randomUUID(), body.data),
    );
    return json(201, item);
  });
  app.get('/v1/bench/items/:itemId', async ({ params, event }) => {
    const caller = requirePermission(principalFromEvent(event as APIGatewayProxyEvent), 'bench:item:read');
    const parsed = ItemParams.safeParse(params);
    if (!parsed.success) return json(400, { title: 'Invalid request', errors: z.treeifyError(parsed.error) });
    const item = await withTenantTransaction(
      { tenantId: caller.tenantId, userId: caller.principalId },
      (tx) => findItem(tx, caller.tenantId, parsed.data.itemId),
    );
    return item ? json(200, item) : json(404, { title: 'Not found' });
  });
  return (event, context) => app.resolve(event, context);
}
