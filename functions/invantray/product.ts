import { defineProduct } from '@halooid/shared/product';
import { categoriesService } from './categories/service';
import { countsService } from './counts/service';
import { invantrayEvents } from './events';
import { itemsService } from './items/service';
import { labelsService } from './labels/service';
import { lookupService } from './lookup/service';
import { purchaseOrdersService } from './purchase-orders/service';
import { receivingService } from './receiving/service';
import { reorderingService } from './reordering/service';
import { requisitionsService } from './requisitions/service';
import { settingsService } from './settings/service';
import { stockService } from './stock/service';
import { suppliersService } from './suppliers/service';
import { valuationService } from './valuation/service';
import { warehousesService } from './warehouses/service';

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
  capabilities: [
    itemsService,
    warehousesService,
    lookupService,
    labelsService,
    categoriesService,
    suppliersService,
    requisitionsService,
    countsService,
    receivingService,
    stockService,
    valuationService,
    purchaseOrdersService,
    settingsService,
    reorderingService,
  ],
  events: invantrayEvents,
  schedules: [
    {
      name: 'reorder',
      description:
        'Drafts purchase orders for items below their reorder point in every tenant, once per shortfall',
      // Daily at 05:00 UTC, before buyers start; the on-move trigger covers the day. Idempotent: a covered
      // shortfall is no shortfall, so a rerun orders nothing twice.
      schedule: 'cron(0 5 * * ? *)',
      handler: 'reordering/job-handler.ts',
      resources: { database: true },
      login: 'worker',
      emitsEvents: true,
      timeoutSeconds: 300,
      memorySize: 512,
      // Locally it runs at start and every hour.
      localEveryMs: 3_600_000,
    },
  ],
  // The platform's notifications subscriber runs these (shared/src/notifications.ts); names are its inbox keys.
  notifications: [
    {
      name: 'notify-requisition-decided',
      description: 'A requisition’s requester hears that a buyer approved or rejected it (with the reason)',
      pattern: { source: ['halooid.invantray'], 'detail-type': ['requisition.decided'] },
      handler: 'notifications/requisition-decided.ts',
    },
    {
      name: 'notify-po-approvers',
      description:
        'Members who may approve a submitted purchase order hear that it awaits them (Owners only above the Owner level; never its creator or submitter)',
      pattern: { source: ['halooid.invantray'], 'detail-type': ['purchase-order.submitted'] },
      handler: 'notifications/purchase-order-submitted.ts',
    },
    {
      name: 'notify-po-rejected',
      description: 'A purchase order’s creator hears that an approver sent it back to draft, and why',
      pattern: { source: ['halooid.invantray'], 'detail-type': ['purchase-order.rejected'] },
      handler: 'notifications/purchase-order-rejected.ts',
    },
    {
      name: 'notify-po-received',
      description: 'A purchase order’s creator and the requesters of its lines hear that goods were received',
      pattern: { source: ['halooid.invantray'], 'detail-type': ['purchase-order.received'] },
      handler: 'notifications/purchase-order-received.ts',
    },
  ],
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
  demoSeed: 'demo/seed.ts',
  web: {
    path: '/invantray',
    icon: 'box',
    description: 'Items, warehouses, stock, suppliers and purchase orders',
  },
});
