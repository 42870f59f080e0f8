import { filterOf, type SortTerm, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { readStoredPolicy, type SecurityPolicy } from '@halooid/shared/security-policy';
import type { ListVersionsQuery, PolicyVersion } from './schemas';

/** SQL for platform.security_policies (RLS keeps it to the current tenant; every statement says so too). */
interface VersionRow {
  version: number;
  policy: unknown;
  created_by: string;
  created_at: Date;
}

function toVersion(row: VersionRow): PolicyVersion {
  return {
    version: row.version,
    policy: readStoredPolicy(row.policy),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * The current version, locked against a concurrent save: the tenant row is
 * locked FOR UPDATE first (a tenant may have no version yet, so there is no
 * policy row to lock), so two saves from the same version serialise and the
 * second one sees it is stale.
 */
export async function lockCurrentVersion(tx: Tx): Promise<number> {
  await tx.query('select 1 from platform.tenants where id = platform.current_tenant_id() for update');
  const { rows } = await tx.query<{ version: number | null }>(
    `select max(version) as version from platform.security_policies
      where tenant_id = platform.current_tenant_id()`,
  );
  return rows[0]?.version ?? 0;
}

export async function insertVersion(
  tx: Tx,
  version: { version: number; policy: SecurityPolicy; createdBy: string },
): Promise<PolicyVersion> {
  const { rows } = await tx.query<VersionRow>(
    `insert into platform.security_policies (tenant_id, version, policy, created_by)
     values (platform.current_tenant_id(), $1, $2, $3)
     returning version, policy, created_by, created_at`,
    [version.version, JSON.stringify(version.policy), version.createdBy],
  );
  return toVersion(rows[0] as VersionRow);
}

/** Which of these role keys exist in the current tenant. */
export async function existingRoleKeys(tx: Tx, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const { rows } = await tx.query<{ key: string }>(
    'select key from platform.roles where tenant_id = platform.current_tenant_id() and key = any($1::text[])',
    [keys],
  );
  return new Set(rows.map((row) => row.key));
}

const NEWEST_FIRST: SortTerm[] = [
  { field: 'version', column: { sql: 'version', type: 'int' }, descending: true },
];

/** Newest version first, keyset-paged. */
export function selectVersions(tx: Tx, query: ListVersionsQuery) {
  return selectPage(tx, filterOf([], ['tenant_id = platform.current_tenant_id()']), {
    select: (sortValues) =>
      `select version, policy, created_by, created_at, ${sortValues} from platform.security_policies`,
    terms: NEWEST_FIRST,
    cursor: query.cursor,
    limit: query.limit,
    map: (row: VersionRow & Record<string, unknown>) => toVersion(row),
  });
}
