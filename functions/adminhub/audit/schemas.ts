import { paginationQuery } from '@halooid/shared/db/pagination';
import * as z from 'zod';

/**
 * The audit log as the console shows it: one row of platform.audit_log (every
 * product writes there through shared/src/audit.ts), with the acting user's
 * name and email when the actor is a person. Filters are bounded and bind as
 * data, never as SQL.
 */
export const AuditEntry = z.object({
  id: z.uuid(),
  occurredAt: z.iso.datetime(),
  actor: z.object({
    id: z.string(),
    type: z.string().meta({ description: '`user`, `apiKey`, `system` or `operator`.' }),
    name: z.string().nullable(),
    email: z.string().nullable(),
  }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string().nullable() }),
  ip: z.string().nullable(),
  correlationId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Year 0 does not exist in Postgres; a 400 here beats a cast error there. */
const Instant = z.iso
  .datetime({ offset: true })
  .max(40)
  .refine((value) => !value.startsWith('0000'), 'Year 0000 does not exist.');

/** `tenant.updated`, or a prefix ending in `.*`: `invantray.*`, `platform.member.*`. */
const ACTION = /^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*(\.\*)?$/;

export const auditFilters = {
  actor: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "The actor's id: a user's id, an API key's `apikey:…` id, `system`." }),
  action: z
    .string()
    .trim()
    .max(200)
    .regex(ACTION, 'An action (`tenant.updated`) or a prefix ending in `.*` (`invantray.*`).')
    .optional()
    .meta({ description: 'An exact action, or a prefix ending in `.*` (`invantray.*`).' }),
  target: z
    .string()
    .trim()
    .min(1)
    .max(300)
    .optional()
    .meta({ description: 'A target type (`member`), or type and id as `member:<id>`.' }),
  from: Instant.optional().meta({ description: 'Entries at or after this instant.' }),
  to: Instant.optional().meta({ description: 'Entries before this instant.' }),
  q: z.string().trim().min(1).max(200).optional().meta({
    description:
      'Free text over action, target and details, case-insensitive. Searches the `from`–`to` window, the last 90 days when `from` is not given.',
  }),
};

export const ListAuditQuery = z.strictObject({ ...paginationQuery, ...auditFilters });
export type ListAuditQuery = z.output<typeof ListAuditQuery>;
export type AuditFilters = Omit<ListAuditQuery, 'limit' | 'cursor'>;

export const ExportAuditQuery = z.strictObject({
  format: z.enum(['csv', 'jsonl']).default('csv'),
  ...auditFilters,
});
export type ExportAuditQuery = z.output<typeof ExportAuditQuery>;
