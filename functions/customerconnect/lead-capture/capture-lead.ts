import { createHash } from 'node:crypto';
import { recordAudit } from '@halooid/shared/audit';
import type { Tx } from '@halooid/shared/db/transaction';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { createLeadRecord } from '../domain/leads';
import type { CaptureAccepted, CaptureLeadInput } from './schemas';

export type CaptureLeadDeps = Pick<RequestDeps, 'tx' | 'principal' | 'actor' | 'newId' | 'events'>;

export interface CaptureResult {
  accepted: CaptureAccepted;
  /** True when the Idempotency-Key was seen before: nothing was created this time. */
  replayed: boolean;
}

/** "Ana María Pérez" → first "Ana María", last "Pérez"; one word is the last name. */
export function splitName(name: string): { firstName: string | null; lastName: string } {
  const words = name.trim().split(/\s+/);
  const lastName = words.pop() ?? name;
  return { firstName: words.length > 0 ? words.join(' ') : null, lastName: lastName.slice(0, 100) };
}

/** A filled honeypot: anything but whitespace in `website`. */
export function isBot(input: Pick<CaptureLeadInput, 'website'>): boolean {
  return (input.website ?? '').trim() !== '';
}

/**
 * The id a discarded submission is answered with: stable per key, so a bot's
 * retry sees the same answer as a person's would, and never a real lead's.
 */
function decoyId(tenantId: string, key: string): string {
  const hex = createHash('sha256').update(`decoy|${tenantId}|${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Claims the submission's key: the first request inserts the row and goes
 * on; a concurrent one with the same key waits on the primary key until the
 * first commits, then finds its row and answers with its lead.
 */
async function claim(tx: Tx, tenantId: string, key: string, discarded: boolean): Promise<boolean> {
  const { rowCount } = await tx.query(
    `insert into customerconnect.lead_captures (tenant_id, idempotency_key, discarded)
     values ($1, $2, $3) on conflict (tenant_id, idempotency_key) do nothing`,
    [tenantId, key, discarded],
  );
  return rowCount === 1;
}

/**
 * One web-to-lead submission. A new key: the honeypot decides between a lead
 * (through the assignment rules, source `web` unless given) and a discard,
 * both recorded in lead_captures. A known key: the first answer again.
 * `idempotencyKey` undefined: a key of our own, so the submission is still
 * accounted for.
 */
export async function captureLead(
  input: CaptureLeadInput,
  idempotencyKey: string | undefined,
  deps: CaptureLeadDeps,
): Promise<CaptureResult> {
  const { tx, principal } = deps;
  const tenantId = principal.tenantId;
  const key = idempotencyKey ?? `auto:${deps.newId()}`;
  const bot = isBot(input);
  if (!(await claim(tx, tenantId, key, bot))) {
    const { rows } = await tx.query<{ lead_id: string | null }>(
      'select lead_id from customerconnect.lead_captures where tenant_id = $1 and idempotency_key = $2',
      [tenantId, key],
    );
    return {
      accepted: { id: rows[0]?.lead_id ?? decoyId(tenantId, key), status: 'accepted' },
      replayed: true,
    };
  }
  if (bot) {
    await recordAudit(tx, deps.actor, {
      action: 'lead.capture_discarded',
      targetType: 'lead',
      details: { reason: 'honeypot', idempotencyKey: key },
    });
    return { accepted: { id: decoyId(tenantId, key), status: 'accepted' }, replayed: false };
  }
  const lead = await createLeadRecord(
    {
      ...splitName(input.name),
      email: input.email,
      companyName: input.company ?? null,
      phone: input.phone ?? null,
      title: input.title ?? null,
      message: input.message ?? null,
      source: input.source ?? 'web',
      territory: input.territory ?? null,
      ownerId: null,
      custom: input.custom,
    },
    deps,
    { via: 'capture' },
  );
  await tx.query(
    'update customerconnect.lead_captures set lead_id = $3 where tenant_id = $1 and idempotency_key = $2',
    [tenantId, key, lead.id],
  );
  return { accepted: { id: lead.id, status: 'accepted' }, replayed: false };
}
