import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export const SUBJECT_TYPES = ['user', 'api_key', 'ip', 'role'] as const;

export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;
export const AlertStatus = z.enum(STATUSES);
export type AlertStatus = z.infer<typeof AlertStatus>;

export const AlertSubject = z.object({ type: z.enum(SUBJECT_TYPES), id: z.string() });
export type AlertSubject = z.infer<typeof AlertSubject>;

/**
 * A security alert as the API shows it. `evidence` is what the detector saw
 * (counts, windows, addresses, the audit records that tripped it); its shape
 * depends on the detector (docs/adminhub.md lists each one).
 */
export const Alert = z.object({
  id: z.uuid(),
  detector: z.string(),
  severity: Severity,
  status: AlertStatus,
  title: z.string(),
  subject: AlertSubject.nullable(),
  evidence: z.record(z.string(), z.unknown()),
  firstSeen: z.iso.datetime(),
  lastSeen: z.iso.datetime(),
  occurrences: z.number().int(),
  acknowledgedBy: z.uuid().nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
  resolvedBy: z.uuid().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  resolutionNote: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Alert = z.infer<typeof Alert>;

export const AlertParams = z.strictObject({ alertId: z.uuid() });

export const ResolveAlertBody = z.strictObject({
  note: displayText().min(1, 'Say how the alert was resolved.').max(2000),
});
export type ResolveAlertInput = z.output<typeof ResolveAlertBody>;

export const ListAlertsQuery = z.strictObject({
  ...paginationQuery,
  status: AlertStatus.optional().meta({ description: 'Only alerts in this status.' }),
  severity: Severity.optional().meta({ description: 'Only alerts of this severity.' }),
  detector: z
    .string()
    .max(63)
    .regex(/^[a-z][a-z0-9-]*$/, 'A detector is lower-case letters, digits and dashes.')
    .optional()
    .meta({ description: 'Only alerts of this detector (`failed-sign-in-burst`, `role-escalation`, …).' }),
});
export type ListAlertsQuery = z.output<typeof ListAlertsQuery>;
