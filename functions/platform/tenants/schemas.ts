import { pageOf, paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import { jsonObject } from '@halooid/shared/json-value';
import * as z from 'zod';
import { TENANT_PRODUCT_KEYS } from '../../registry-names';

/**
 * The products a tenant may enable: the product list's, read from the
 * schema-free index (importing the list itself would be a cycle, since the
 * list holds this capability). Stored keys of products that do not exist
 * (planned ones the first tenants were given by default) are filtered out of
 * reads and kept on writes (tenant-repository.ts).
 */
export const PRODUCTS = TENANT_PRODUCT_KEYS;
const ProductKey = z.enum(PRODUCTS as [string, ...string[]]);
export const TIERS = ['free', 'pro', 'enterprise'] as const;

const RoleRef = z.object({ id: z.uuid(), key: z.string(), name: z.string() });

export const Me = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string() }),
  tenants: z.array(z.object({ id: z.uuid(), name: z.string(), slug: z.string(), roles: z.array(RoleRef) })),
  permissions: z
    .array(z.string())
    .meta({ description: 'Effective permissions in the tenant named by X-Tenant-Id; empty without it.' }),
});

export const Tenant = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  tier: z.enum(TIERS),
  status: z.enum(['active', 'disabled']),
  settings: z.record(z.string(), z.unknown()),
  enabledProducts: z.array(ProductKey),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Tenant = z.infer<typeof Tenant>;

export const UpdateTenantBody = z
  .strictObject({
    name: displayText().min(1).max(200).optional(),
    settings: jsonObject({ maxDepth: 8, maxBytes: 16_384 }).optional(),
    enabledProducts: z
      .array(ProductKey)
      .max(PRODUCTS.length)
      .transform((list) => [...new Set(list)])
      .optional(),
    tier: z
      .enum(TIERS)
      .optional()
      .meta({ description: 'Not changeable by the tenant (403): the tier is managed by billing.' }),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field.' });
export type UpdateTenantInput = z.output<typeof UpdateTenantBody>;

export const Member = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  status: z.enum(['active', 'invited', 'suspended']),
  roles: z.array(RoleRef),
  joinedAt: z.iso.datetime(),
});
export type Member = z.infer<typeof Member>;

export const ListMembersQuery = z.strictObject({ ...paginationQuery });
export const MemberPage = pageOf(Member);
export const MemberParams = z.strictObject({ userId: z.uuid() });

const RoleIds = z
  .array(z.uuid())
  .min(1, 'Give at least one role.')
  .max(20)
  .transform((ids) => [...new Set(ids)]);

export const InviteMemberBody = z.strictObject({
  email: z.email().max(254),
  name: displayText().min(1).max(200).optional(),
  roleIds: RoleIds,
});
export type InviteMemberInput = z.output<typeof InviteMemberBody>;

export const SetRolesBody = z.strictObject({ roleIds: RoleIds });

/** A suspended member keeps their roles and history but is refused in this tenant until reactivated. */
export const SetMemberStatusBody = z.strictObject({ status: z.enum(['active', 'suspended']) });
