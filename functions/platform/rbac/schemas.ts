import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';

export const PermissionEntry = z.object({
  name: z.string(),
  description: z.string(),
  product: z.string(),
});

export const PermissionList = z.object({ items: z.array(PermissionEntry) });

const PermissionName = z
  .string()
  .max(200)
  .regex(/^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/, 'Use product:resource:action.');

export const Role = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  system: z.boolean().meta({ description: 'System roles are read-only.' }),
  grants: z
    .array(z.string())
    .meta({ description: 'What the role grants, possibly as patterns (`taskodex:*:read`).' }),
  permissions: z
    .array(z.string())
    .meta({ description: 'The grants expanded against the permission catalog.' }),
  memberCount: z.number().int(),
});
export type Role = z.infer<typeof Role>;

export const RoleList = z.object({ items: z.array(Role) });
export const RoleParams = z.strictObject({ roleId: z.uuid() });

export const CreateRoleBody = z.strictObject({
  name: displayText().min(1).max(100),
  description: displayText().max(500).default(''),
  permissions: z
    .array(PermissionName)
    .max(500)
    .transform((list) => [...new Set(list)]),
});
export type CreateRoleInput = z.output<typeof CreateRoleBody>;

export const UpdateRoleBody = z
  .strictObject({
    name: displayText().min(1).max(100).optional(),
    description: displayText().max(500).optional(),
    permissions: z
      .array(PermissionName)
      .max(500)
      .transform((list) => [...new Set(list)])
      .optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'Change at least one field.' });
export type UpdateRoleInput = z.output<typeof UpdateRoleBody>;
