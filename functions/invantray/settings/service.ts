import { IF_MATCH_HEADER } from '@halooid/shared/http/versioning';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { Settings, UpdateSettingsBody } from './schemas';

/**
 * Invantray's per-tenant settings: the base currency stock is valued in,
 * the purchase order approval levels, the count approval threshold and the
 * receiving and three-way-match tolerances. Reading is for everyone who works
 * with stock (the web shows thresholds beside orders); changing them is the
 * admin's (`invantray:settings:write`), because they decide who approves what.
 */
export const settingsService = defineService({
  product: 'invantray',
  capability: 'settings',
  description: 'Invantray settings: base currency, approval levels, thresholds and tolerances.',
  resources: { database: true },
  permissions: [
    { name: 'invantray:settings:read', description: 'See Invantray settings.' },
    {
      name: 'invantray:settings:write',
      description: 'Change Invantray settings (base currency, approval levels, thresholds, tolerances).',
    },
  ],
  routes: [
    defineRoute({
      operationId: 'getInventorySettings',
      method: 'GET',
      path: '/v1/invantray/settings',
      permission: 'invantray:settings:read',
      summary: 'Get Invantray settings',
      description: 'A tenant that never saved any gets the defaults (version 1).',
      response: Settings,
    }),
    defineRoute({
      operationId: 'updateInventorySettings',
      method: 'PATCH',
      path: '/v1/invantray/settings',
      permission: 'invantray:settings:write',
      summary: 'Change Invantray settings',
      description:
        'Partial update with optimistic concurrency: send `version` (or `If-Match`); a stale one gets 409. `approvalLevels` replaces the list (ascending amounts, at most 5; 422 `invalid_approval_levels` otherwise). Changing `baseCurrency` once any stock move carries a value is a 409 `base_currency_in_use`: stock values and order exchange rates are in the old one. New levels apply to orders submitted from then on.',
      body: UpdateSettingsBody,
      headers: IF_MATCH_HEADER,
      response: Settings,
    }),
  ],
});
