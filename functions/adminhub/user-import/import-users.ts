import { recordAudit } from '@halooid/shared/audit';
import type { Principal } from '@halooid/shared/auth/principal';
import type { Tx } from '@halooid/shared/db/transaction';
import { displayText } from '@halooid/shared/display-text';
import { AppError, ConflictError, ValidationError } from '@halooid/shared/errors';
import { mapCsvHeader, readCsvFile } from '@halooid/shared/http/csv-import';
import type { InTenant } from '@halooid/shared/http/request-deps';
import type { InvitationInput, InvitationRole } from '@halooid/shared/invitations';
import { memberWithEmail } from '@halooid/shared/invitations';
import { currentSecurityPolicy, invitationDomainAllowed } from '@halooid/shared/security-policy';
import * as z from 'zod';
import { assertCanGrantRoles } from '../../role-guards';
import { type ImportRowResult, type ImportUsersResult, MAX_IMPORT_ROWS } from './schemas';

const COLUMNS = {
  email: 'email',
  emailaddress: 'email',
  name: 'name',
  fullname: 'name',
  displayname: 'name',
  roles: 'roles',
  role: 'roles',
} as const;

const Email = z.email().max(254);
const Name = displayText().min(1).max(200);
/** Invitations run a few at a time: each is two Cognito calls and two short transactions. */
const CONCURRENCY = 4;

export interface ImportDeps {
  principal: Principal;
  inTenant: InTenant;
  newId: () => string;
  /** The platform's invitation path; resolves to the invitee's user id. */
  invite: (input: InvitationInput, auditDetails: Record<string, unknown>) => Promise<string>;
}

interface PlannedRow {
  line: number;
  email: string;
  name?: string;
  roleIds: string[];
}

async function tenantRoles(tx: Tx): Promise<InvitationRole[]> {
  const { rows } = await tx.query<InvitationRole>(
    `select id, key, name, system, grants from platform.roles where tenant_id = platform.current_tenant_id()`,
  );
  return rows;
}

/** Every row checked against what an invitation would check, in one read-only pass. */
async function planRows(
  tx: Tx,
  records: readonly string[][],
  columns: ReturnType<typeof mapCsvHeader<'email' | 'name' | 'roles'>>,
  principal: Principal,
): Promise<{ planned: PlannedRow[]; results: ImportRowResult[] }> {
  const roles = await tenantRoles(tx);
  const byName = new Map<string, InvitationRole>();
  for (const role of roles) byName.set(role.name.toLowerCase(), role);
  for (const role of roles) byName.set(role.key.toLowerCase(), role);
  const { policy } = await currentSecurityPolicy(tx);
  const firstRow = new Map<string, number>();
  const planned: PlannedRow[] = [];
  const results: ImportRowResult[] = [];
  for (const [index, record] of records.entries()) {
    const line = index + 2;
    const rawEmail = columns.cell(record, 'email');
    const email = rawEmail.toLowerCase();
    const fail = (reason: string, outcome: 'failed' | 'skipped' = 'failed') =>
      results.push({ line, email: rawEmail, outcome, memberId: null, reason });
    if (record.every((cell) => cell.trim() === '')) continue;
    if (!Email.safeParse(email).success) {
      fail('Not an email address.');
      continue;
    }
    const earlier = firstRow.get(email);
    if (earlier !== undefined) {
      fail(`The same email is on line ${earlier}.`);
      continue;
    }
    firstRow.set(email, line);
    const nameCell = columns.cell(record, 'name');
    if (nameCell && !Name.safeParse(nameCell).success) {
      fail('The name must be 1 to 200 visible characters.');
      continue;
    }
    const wanted = columns
      .cell(record, 'roles')
      .split(';')
      .map((part) => part.trim().toLowerCase())
      .filter(Boolean);
    const keys = wanted.length > 0 ? wanted : ['member'];
    const unknown = keys.filter((key) => !byName.has(key));
    if (unknown.length > 0) {
      fail(`Unknown role: ${unknown.join(', ')}.`);
      continue;
    }
    const picked = [...new Map(keys.map((key) => [byName.get(key)?.id, byName.get(key)])).values()].filter(
      (role): role is InvitationRole => role !== undefined,
    );
    try {
      assertCanGrantRoles(principal.grants, picked, 'assign');
    } catch (error) {
      fail((error as Error).message);
      continue;
    }
    if (!invitationDomainAllowed(policy, email)) {
      fail(`Invitations to ${email.split('@').pop()} are not allowed by this workspace's security policy.`);
      continue;
    }
    const existing = await memberWithEmail(tx, email);
    if (existing) {
      results.push({
        line,
        email: rawEmail,
        outcome: 'skipped',
        memberId: existing,
        reason: 'Already a member.',
      });
      continue;
    }
    planned.push({
      line,
      email,
      ...(nameCell ? { name: nameCell } : {}),
      roleIds: picked.map((role) => role.id),
    });
  }
  return { planned, results };
}

async function inviteRow(planned: PlannedRow, importId: string, deps: ImportDeps): Promise<ImportRowResult> {
  const base = { line: planned.line, email: planned.email };
  try {
    const memberId = await deps.invite(
      { email: planned.email, name: planned.name, roleIds: planned.roleIds },
      { importId, line: planned.line },
    );
    return { ...base, outcome: 'invited', memberId, reason: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const skipped = error instanceof ConflictError;
    return { ...base, outcome: skipped ? 'skipped' : 'failed', memberId: null, reason: error.message };
  }
}

/**
 * Imports a CSV of people to invite. Each planned row is invited on its own
 * (a few at a time), so one refused row fails alone and the others stand;
 * the import as a whole is audited once at the end, each invitation by the
 * invitation path with the import's id and row.
 */
export async function importUsers(
  csv: string,
  dryRun: boolean,
  deps: ImportDeps,
): Promise<ImportUsersResult> {
  const { header, records } = readCsvFile(csv, MAX_IMPORT_ROWS);
  const columns = mapCsvHeader(header, COLUMNS);
  if (!columns.has('email')) {
    throw new ValidationError('The CSV needs an `email` column.', [
      { field: 'body', message: 'No email column.', code: 'missing_column' },
    ]);
  }
  const { planned, results } = await deps.inTenant(({ tx }) =>
    planRows(tx, records, columns, deps.principal),
  );
  const importId = deps.newId();
  if (dryRun) {
    for (const row of planned)
      results.push({
        line: row.line,
        email: row.email,
        outcome: 'would_invite',
        memberId: null,
        reason: null,
      });
  } else {
    for (let start = 0; start < planned.length; start += CONCURRENCY) {
      const batch = planned.slice(start, start + CONCURRENCY);
      results.push(...(await Promise.all(batch.map((row) => inviteRow(row, importId, deps)))));
    }
  }
  results.sort((a, b) => a.line - b.line);
  const count = (outcome: ImportRowResult['outcome']) =>
    results.filter((row) => row.outcome === outcome).length;
  const summary = {
    dryRun,
    invited: count(dryRun ? 'would_invite' : 'invited'),
    skipped: count('skipped'),
    failed: count('failed'),
  };
  if (!dryRun) {
    await deps.inTenant(({ tx, actor }) =>
      recordAudit(tx, actor, {
        action: 'adminhub.user_import.completed',
        targetType: 'user_import',
        targetId: importId,
        details: { ...summary, rows: results.length },
      }),
    );
  }
  return { ...summary, rows: results, ignoredColumns: columns.ignored.slice(0, 20) };
}
