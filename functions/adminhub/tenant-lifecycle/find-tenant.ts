import type { Tx } from '@halooid/shared/db/transaction';
import { NotFoundError } from '@halooid/shared/errors';

export interface TenantSummary {
  id: string;
  slug: string;
  name: string;
  status: 'active' | 'disabled' | 'suspended';
}

/** The tenant an operator route names, as the operator role may read it; none is a 404. */
export async function findTenant(tx: Tx, tenantId: string): Promise<TenantSummary> {
  const { rows } = await tx.query<TenantSummary>(
    'select id, slug, name, status from platform.tenants where id = $1',
    [tenantId],
  );
  if (!rows[0]) throw new NotFoundError('Tenant');
  return rows[0];
}
