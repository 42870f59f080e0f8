import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { TIER_LIMITS } from '@halooid/shared/tiers';
import { daySeries, last24Hours, productLatencies, rate, storageEstimate, utcDate } from './report';
import {
  countTenantRows,
  selectByPrincipal,
  selectDays,
  selectDeliveryOutcomes,
  selectFailingWebhooks,
  selectKeyNetworks,
  selectProductHours,
  selectTenantTables,
  selectTier,
} from './repository';
import type { UsageQuery, UsageReport } from './schemas';

export type GetUsageDeps = Pick<RequestDeps, 'tx' | 'principal' | 'now'> & {
  /** The tenant's dead letters, when this runtime can tell them apart by tenant (dead-letters.ts). */
  deadLetterDepth: () => number | undefined;
};

const API_KEY = 'apikey:';

/** The usage page of the caller's tenant over the last `days` UTC days (today included). */
export async function getUsage(query: UsageQuery, deps: GetUsageDeps): Promise<UsageReport> {
  const { tx } = deps;
  const tenantId = deps.principal.tenantId;
  const now = deps.now();
  const tier = await selectTier(tx, tenantId);
  if (!tier) throw new NotFoundError('Tenant');
  const { quotaPerDay } = TIER_LIMITS[tier];

  const today = utcDate(now);
  const from = new Date(Date.parse(today) - (query.days - 1) * 86_400_000);
  const firstHour = new Date(now);
  firstHour.setUTCMinutes(0, 0, 0);
  firstHour.setTime(firstHour.getTime() - 23 * 3_600_000);
  const since24Hours = new Date(now.getTime() - 86_400_000);

  const days = daySeries(utcDate(from), today, await selectDays(tx, tenantId, from), quotaPerDay);
  const principals = await selectByPrincipal(tx, tenantId, from);
  const networks = await selectKeyNetworks(tx, tenantId, from);
  const windowHours = await selectProductHours(tx, tenantId, from);
  const recentHours =
    firstHour >= from
      ? windowHours.filter((row) => new Date(row.hour) >= firstHour)
      : await selectProductHours(tx, tenantId, firstHour);

  const tables = await selectTenantTables(tx);
  const rowsByTable = new Map<string, number>();
  for (const table of tables) rowsByTable.set(table.table, await countTenantRows(tx, table.table, tenantId));

  const outcomes = await selectDeliveryOutcomes(tx, tenantId, since24Hours);
  const failing = await selectFailingWebhooks(tx, tenantId, since24Hours);
  const depth = deps.deadLetterDepth();
  const todayRequests = days[days.length - 1]?.requests ?? 0;

  return {
    tier,
    quotaPerDay,
    from: utcDate(from),
    to: today,
    days,
    today: {
      requests: todayRequests,
      remaining: Math.max(0, quotaPerDay - todayRequests),
      quotaUsed: rate(todayRequests, quotaPerDay),
    },
    byApiKey: principals
      .filter((row) => row.principal.startsWith(API_KEY))
      .map((row) => {
        const keyId = row.principal.slice(API_KEY.length);
        return {
          keyId,
          requests: row.requests,
          errors: row.errors,
          clientErrors: row.client_errors,
          networks: networks
            .filter((network) => network.key_id === keyId)
            .map((network) => ({
              network: network.network,
              requests: network.requests,
              lastSeen: new Date(network.last_seen).toISOString(),
            })),
        };
      }),
    byProduct: productLatencies(windowHours),
    last24Hours: last24Hours(recentHours, firstHour),
    storage: storageEstimate(tables, rowsByTable),
    webhooks: {
      deliveries: outcomes,
      successRate:
        outcomes.succeeded + outcomes.failed > 0
          ? rate(outcomes.succeeded, outcomes.succeeded + outcomes.failed)
          : null,
      failingEndpoints: failing.map((row) => ({
        webhookId: row.id,
        url: row.url,
        enabled: row.enabled,
        failingSince: row.failing_since ? new Date(row.failing_since).toISOString() : null,
        disabledReason: row.disabled_reason,
        failedLast24Hours: row.failed,
        lastStatusCode: row.last_status_code,
      })),
    },
    deadLetters: { available: depth !== undefined, depth: depth ?? null },
  };
}
