import { defineProduct } from '@halooid/shared/product';
import { invantrayEvents } from './events';
import { itemsService } from './items/service';

/** What anyone who works with stock may see: items, warehouses, stock, suppliers, orders. */
const READS = [
  'invantray:item:read',
  'invantray:warehouse:read',
  'invantray:stock:read',
  'invantray:supplier:read',
  'invantray:procurement:read',
  'invantray:settings:read',
];

/**
 * Invantray, inventory and purchasing: this file is its one declaration.
 * `npm run generate` finds it, and the registry, CDK, the local runtime,
 * OpenAPI, RBAC and the web shell read it.
 */
export const invantrayProduct = defineProduct({
  key: 'invantray',
  displayName: 'Invantray',
  description:
    'Inventory and purchasing: items, warehouses, the stock ledger, suppliers and purchase orders.',
  capabilities: [itemsService],
  events: invantrayEvents,
  // Owner (`*:*:*`) and auditor (`*:*:read`) cover every product already.
  // Approving purchase orders is a separate grant (`invantray:procurement:approve`):
  // the Warehouse Manager receives but does not approve, the Member asks but does
  // not order. Above the tenant's top approval level only an Owner approves
  // (domain/approval.ts), whatever the grants.
  roleGrants: {
    admin: ['invantray:*:*'],
    warehouse_manager: [
      ...READS,
      'invantray:item:*',
      'invantray:warehouse:*',
      'invantray:stock:*',
      'invantray:valuation:read',
      'invantray:procurement:request',
      'invantray:procurement:receive',
    ],
    procurement_officer: [
      ...READS,
      'invantray:supplier:*',
      'invantray:procurement:*',
      'invantray:valuation:read',
    ],
    member: [...READS, 'invantray:procurement:request'],
    employee: ['invantray:item:read', 'invantray:warehouse:read', 'invantray:procurement:request'],
    project_manager: [...READS, 'invantray:procurement:request'],
    viewer: ['invantray:*:read'],
  },
  web: {
    path: '/invantray',
    icon: 'box',
    description: 'Items, warehouses, stock, suppliers and purchase orders',
  },
});
