import type { Tx } from '@halooid/shared/db/transaction';
import { KNOWN_PRODUCTS, type Organization, type PROFILE_KEYS, type Profile } from './schemas';

/**
 * SQL over platform.tenants, the one record of a tenant: its name, and the
 * profile under `settings.profile` (the platform's free-form settings keep
 * their other keys). The current tenant only; RLS is the backstop.
 */
interface TenantRow {
  id: string;
  name: string;
  slug: string;
  tier: string;
  profile: Profile | null;
  enabled_products: string[];
  updated_at: Date;
}

function toOrganization(row: TenantRow): Organization {
  const profile = row.profile ?? {};
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    tier: row.tier,
    logoUrl: profile.logoUrl ?? null,
    locale: profile.locale ?? null,
    timeZone: profile.timeZone ?? null,
    fiscalYearStartMonth: profile.fiscalYearStartMonth ?? 1,
    currency: profile.currency ?? null,
    // Stored keys of products that do not exist (yet) are the platform's to keep, not to show.
    enabledProducts: row.enabled_products.filter((key) => KNOWN_PRODUCTS.includes(key)),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The current tenant, its row locked when `forUpdate` (a change reads, compares and writes it). */
export async function selectOrganization(tx: Tx, forUpdate = false): Promise<Organization | undefined> {
  const { rows } = await tx.query<TenantRow>(
    `select id, name, slug, tier, settings -> 'profile' as profile, enabled_products, updated_at
       from platform.tenants where id = platform.current_tenant_id()${forUpdate ? ' for update' : ''}`,
  );
  return rows[0] && toOrganization(rows[0]);
}

/**
 * Sets the name and merges the profile: a key sent as null is removed, a key
 * not sent is kept. Other settings keys are untouched.
 */
export async function updateOrganization(
  tx: Tx,
  changes: { name?: string | undefined; profile: Partial<Record<(typeof PROFILE_KEYS)[number], unknown>> },
): Promise<void> {
  await tx.query(
    `update platform.tenants
        set name = coalesce($1, name),
            settings = jsonb_set(settings, '{profile}',
              jsonb_strip_nulls(coalesce(settings -> 'profile', '{}'::jsonb) || $2::jsonb)),
            updated_at = now()
      where id = platform.current_tenant_id()`,
    [changes.name ?? null, JSON.stringify(changes.profile)],
  );
}
