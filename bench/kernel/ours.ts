import { randomUUID } from 'node:crypto';
import { withTenantTransaction } from '@halooid/shared/db/transaction';
import { NotFoundError } from '@halooid/shared/errors';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { findItem, Item, ItemBody, ItemParams, insertItem, SAMPLE_ITEM } from './items';

/** The route on our kernel: a manifest and createHttpHandler, exactly as a capability's handler.ts. */
export const itemsService = defineService({
  product: 'bench',
  capability: 'items',
  description: 'Benchmark items (not deployed).',
  resources: { database: true },
  permissions: [
    { name: 'bench:item:read', description: 'See items.' },
    { name: 'bench:item:write', description: 'Create items.' },
  ],
  routes: [
    defineRoute({
      operationId: 'createBenchItem',
      method: 'POST',
      path: '/v1/bench/items',
      permission: 'bench:item:write',
      summary: 'Create an item',
      body: ItemBody,
      status: 201,
      response: Item,
    }),
    defineRoute({
      operationId: 'getBenchItem',
      method: 'GET',
      path: '/v1/bench/items/{itemId}',
      permission: 'bench:item:read',
      summary: 'Get an item',
      params: ItemParams,
      response: Item,
    }),
  ],
});

/** `database: false` answers from memory: the kernel's own cost, with no round trip to wait for. */
export function oursHandler(options: { database: boolean } = { database: true }) {
  if (!options.database) {
    return createHttpHandler(itemsService, {
      createBenchItem: async ({ body }) => ({
        body: { ...body, id: randomUUID(), createdAt: new Date().toISOString() },
      }),
      getBenchItem: async ({ params }) => ({
        body: { ...SAMPLE_ITEM, id: params.itemId, createdAt: new Date().toISOString() },
      }),
    });
  }
  return createHttpHandler(itemsService, {
    createBenchItem: async ({ body, principal }) => ({
      body: await withTenantTransaction(
        { tenantId: principal.tenantId, userId: principal.principalId },
        (tx) => insertItem(tx, principal.tenantId, randomUUID(), body),
      ),
    }),
    getBenchItem: async ({ params, principal }) => {
      const item = await withTenantTransaction(
        { tenantId: principal.tenantId, userId: principal.principalId },
        (tx) => findItem(tx, principal.tenantId, params.itemId),
      );
      if (!item) throw new NotFoundError('Item');
      return { body: item };
    },
  });
}
