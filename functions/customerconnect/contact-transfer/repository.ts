import type { Tx } from '@halooid/shared/db/transaction';
import { binderFor, type Visibility, visibleCondition } from '../domain/visibility';

/** Names and domains of the live companies the caller can see, by id: the export's company columns. */
export async function companiesByIds(
  tx: Tx,
  tenantId: string,
  ids: readonly string[],
  visibility: Visibility,
): Promise<Map<string, { name: string; domain: string | null }>> {
  if (ids.length === 0) return new Map();
  const values: unknown[] = [tenantId, [...new Set(ids)]];
  const visible = visibleCondition(visibility, tenantId, 'owner_id', binderFor(values));
  const { rows } = await tx.query<{ id: string; name: string; domain: string | null }>(
    `select id, name, domain from customerconnect.companies
      where tenant_id = $1 and id = any($2::uuid[]) and merged_into is null and ${visible}`,
    values,
  );
  return new Map(rows.map((row) => [row.id, { name: row.name, domain: row.domain }]));
}

/**
 * Live companies the caller can see, by lower-case name and by domain (keys
 * `name:<name>` and `domain:<domain>`): the import's company column. On two
 * companies with one name, the oldest wins.
 */
export async function companyIdsByNameOrDomain(
  tx: Tx,
  tenantId: string,
  names: readonly string[],
  domains: readonly string[],
  visibility: Visibility,
): Promise<Map<string, string>> {
  if (names.length === 0 && domains.length === 0) return new Map();
  const values: unknown[] = [tenantId, [...new Set(names)], [...new Set(domains)]];
  const visible = visibleCondition(visibility, tenantId, 'owner_id', binderFor(values));
  const { rows } = await tx.query<{ id: string; name: string; domain: string | null }>(
    `select id, lower(name) as name, domain from customerconnect.companies
      where tenant_id = $1 and merged_into is null and ${visible}
        and (lower(name) = any($2::text[]) or domain = any($3::text[]))
      order by created_at desc, id desc`,
    values,
  );
  const map = new Map<string, string>();
  // Newest first, so the oldest is written last and wins.
  for (const row of rows) {
    map.set(`name:${row.name}`, row.id);
    if (row.domain) map.set(`domain:${row.domain}`, row.id);
  }
  return map;
}
