import { defineCatalog } from '@halooid/shared/events/catalog';
import * as z from 'zod';

/** An alert as its events carry it: enough to route and read it, never its full evidence. */
const AlertSnapshot = z.object({
  id: z.uuid(),
  detector: z.string(),
  severity: z.enum(['low', 'medium', 'high', 'critical']),
  title: z.string(),
  subject: z.object({ type: z.enum(['user', 'api_key', 'ip', 'role']), id: z.string() }).nullable(),
});

/**
 * Adminhub's event catalog: what other products, notifications and
 * webhooks may rely on, each `<resource>.<verb>` with a versioned zod schema
 * of its `data` (see functions/taskodex/events.ts). A breaking change to a
 * schema is a new version, never an edit.
 */
export const adminhubEvents = defineCatalog('adminhub', {
  'tenant.suspended': {
    version: 1,
    description:
      'A platform operator suspended the tenant: every request of it is refused with 403 tenant_suspended; its data is kept.',
    schema: z.object({ tenantId: z.uuid(), reason: z.string() }),
  },
  'tenant.resumed': {
    version: 1,
    description: 'A platform operator lifted the suspension: the tenant’s requests are served again.',
    schema: z.object({ tenantId: z.uuid() }),
  },
  'tenant.tier_changed': {
    version: 1,
    description: 'A platform operator moved the tenant to another tier; its usage plan follows.',
    schema: z.object({
      tenantId: z.uuid(),
      from: z.enum(['free', 'pro', 'enterprise']),
      to: z.enum(['free', 'pro', 'enterprise']),
    }),
  },
  'policy.changed': {
    version: 1,
    description:
      'An administrator saved a new version of the security policy. `changed` lists the fields that changed (`password.minLength`, `ipAllowlist.cidrs`, …); read the policy itself through the API.',
    schema: z.object({ version: z.number().int().min(1), changed: z.array(z.string()).max(100) }),
  },
  'domain.verified': {
    version: 1,
    description:
      'The organization proved it holds a domain (its DNS TXT challenge was found); no other organization can verify it while it stays.',
    schema: z.object({ domainId: z.uuid(), domain: z.string() }),
  },
  'alert.raised': {
    version: 1,
    description:
      'A security detector raised a new alert in the tenant (a repeat of an open one only adds occurrences and raises nothing). `recipientUserIds` are the members told about it: Owners and Admins when it was raised.',
    schema: z.object({ alert: AlertSnapshot, recipientUserIds: z.array(z.uuid()).max(1000) }),
  },
  'alert.acknowledged': {
    version: 1,
    description: 'An administrator acknowledged an alert: someone is looking into it.',
    schema: z.object({ alert: AlertSnapshot, acknowledgedBy: z.uuid().nullable() }),
  },
  'alert.resolved': {
    version: 1,
    description:
      'An administrator resolved an alert, with a note; the next detection of the same incident raises a new one.',
    schema: z.object({ alert: AlertSnapshot, resolvedBy: z.uuid().nullable(), note: z.string() }),
  },
});
