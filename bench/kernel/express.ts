import { randomUUID } from 'node:crypto';
import serverlessExpress, { getCurrentInvoke } from '@codegenie/serverless-express';
import { principalFromEvent, requirePermission } from '@halooid/shared/auth/principal';
import { withTenantTransaction } from '@halooid/shared/db/transaction';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import express, { type NextFunction, type Request, type Response } from 'express';
import * as z from 'zod';
import { findItem, ItemBody, ItemParams, insertItem } from './items';

/** The same route on Express behind @codegenie/serverless-express: the common way to put an Express app on Lambda. */
export function expressHandler(): (
  event: APIGatewayProxyEvent,
  context: Context,
) => Promise<APIGatewayProxyResult> {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));

  const principal = (permission: string) =>
    requirePermission(principalFromEvent(getCurrentInvoke().event as APIGatewayProxyEvent), permission);

  app.post('/v1/bench/items', async (req: Request, res: Response) => {
    const caller = principal('bench:item:write');
    const body = ItemBody.parse(req.body);
    const item = await withTenantTransaction(
      { tenantId: caller.tenantId, userId: caller.principalId },
      (tx) => insertItem(tx, caller.tenantId, randomUUID(), body),
    );
    res.status(201).json(item);
  });
  app.get('/v1/bench/items/:itemId', async (req: Request, res: Response) => {
    const caller = principal('bench:item:read');
    const { itemId } = ItemParams.parse(req.params);
    const item = await withTenantTransaction(
      { tenantId: caller.tenantId, userId: caller.principalId },
      (tx) => findItem(tx, caller.tenantId, itemId),
    );
    if (!item) res.status(404).json({ title: 'Not found' });
    else res.json(item);
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof z.ZodError) res.status(400).json({ title: 'Invalid request', errors: error.issues });
    else res.status(500).json({ title: 'Internal error' });
  });

  const handler = serverlessExpress({ app }) as unknown as (
    event: APIGatewayProxyEvent,
    context: Context,
  ) => Promise<APIGatewayProxyResult>;
  return handler;
}
