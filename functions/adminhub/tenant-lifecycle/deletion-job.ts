import { cognitoSdk, getCognitoClient } from '@halooid/shared/auth/cognito-client';
import { getConfig, requireKeys } from '@halooid/shared/config';
import { type Tx, withWorkerTransaction } from '@halooid/shared/db/transaction';
import { uuidv7 } from '@halooid/shared/ids';
import { createLogger, type Logger } from '@halooid/shared/observability';
import { type ObjectStore, tenantPrefix } from '@halooid/shared/storage/object-store';
import { getObjectStore } from '@halooid/shared/storage/s3-object-store';
import { deletionOrder, foreignKeysAmong, listTenantTables } from '../domain/tenant-tables';

export interface DeletionJobDeps {
  /** A transaction as halooid_worker: the job spans tenants. */
  worker: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>;
  store: Pick<ObjectStore, 'deletePrefix'>;
  /** Removes a sign-in account (Cognito user, by username: the lower-cased email); one already gone is no error. */
  deleteAccount: (username: string) => Promise<void>;
  logger: Pick<Logger, 'info' | 'error'>;
}

/** Who the operators' audit names for what the job does. */
export const LIFECYCLE_ACTOR = 'system:tenant-lifecycle';
/** Tenants deleted per run; a daily run with more due takes the rest the next day (or on a manual run). */
const DELETIONS_PER_RUN = 5;
const FOREIGN_KEY_VIOLATION = '23503';

interface Due {
  id: string;
  subject_tenant_id: string;
}

/**
 * The daily deletion job: for each tenant whose grace period is over, deletes
 * its files in S3, then every row it has in every table in ONE transaction
 * (all or nothing: a failure leaves the tenant whole and suspended for the
 * next run), then sweeps S3 again for an export that finished meanwhile.
 * Users who belonged to this tenant only are deleted with it, and then their
 * sign-in accounts (Cognito), once the rows are gone for good.
 */
export async function runDeletionJob(
  deps: DeletionJobDeps = defaultDeps(),
): Promise<{ deleted: string[]; failed: string[] }> {
  const due = await deps.worker(async (tx) => {
    const { rows } = await tx.query<Due>(
      `select id, subject_tenant_id from adminhub.tenant_deletions
        where status = 'scheduled' and due_at <= now()
        order by due_at
        limit ${DELETIONS_PER_RUN}`,
    );
    return rows;
  });
  const deleted: string[] = [];
  const failed: string[] = [];
  for (const deletion of due) {
    const tenantId = deletion.subject_tenant_id;
    try {
      const objectsBefore = await deps.store.deletePrefix(tenantPrefix(tenantId));
      const outcome = await deps.worker((tx) => deleteTenantRows(tx, deletion));
      if (!outcome) continue;
      const objectsAfter = await deps.store.deletePrefix(tenantPrefix(tenantId));
      const accountsLeft = await deleteAccounts(outcome.accounts, deps);
      await deps.worker((tx) =>
        tx.query('update adminhub.tenant_deletions set deleted_objects = $2 where id = $1', [
          deletion.id,
          objectsBefore + objectsAfter,
        ]),
      );
      deps.logger.info('Tenant deleted', {
        tenantId,
        rows: outcome.rows,
        users: outcome.accounts.length,
        accountsLeft,
        objects: objectsBefore + objectsAfter,
      });
      deleted.push(tenantId);
    } catch (error) {
      deps.logger.error('Tenant deletion failed; the next run retries it', { tenantId, error });
      failed.push(tenantId);
    }
  }
  return { deleted, failed };
}

function defaultDeps(): DeletionJobDeps {
  return {
    worker: withWorkerTransaction,
    store: getObjectStore(),
    deleteAccount: async (username) => {
      const { COGNITO_USER_POOL_ID } = requireKeys(getConfig(), ['COGNITO_USER_POOL_ID']);
      await getCognitoClient()
        .send(
          new (cognitoSdk().AdminDeleteUserCommand)({ UserPoolId: COGNITO_USER_POOL_ID, Username: username }),
        )
        .catch((error: { name?: string }) => {
          if (error.name !== 'UserNotFoundException') throw error;
        });
    },
    logger: createLogger('adminhub-tenant-deletion-job'),
  };
}

/**
 * The deleted users' sign-in accounts, one by one after the rows are gone; a
 * failure is logged and counted, not retried: the person has no tenant any
 * more, so the account opens nothing (docs/decisions.md).
 */
async function deleteAccounts(usernames: readonly string[], deps: DeletionJobDeps): Promise<number> {
  let left = 0;
  for (const username of usernames) {
    try {
      await deps.deleteAccount(username);
    } catch (error) {
      left++;
      deps.logger.error('A deleted tenant user’s sign-in account could not be deleted', { error });
    }
  }
  return left;
}

/**
 * Deletes every row of the tenant, children before parents
 * (domain/tenant-tables.ts), each table in a savepoint: a table a foreign key
 * still holds is retried after the others until a pass makes no progress;
 * what is left then are tables in a cycle of keys, deleted in one more pass
 * with their key checks off. Users go last and only those left with no
 * membership; one a non-tenant table still holds is kept, not fatal.
 * Answers the deleted users' account names for Cognito.
 * Answers undefined when the deletion was cancelled since it was found due.
 */
async function deleteTenantRows(
  tx: Tx,
  deletion: Due,
): Promise<{ rows: number; accounts: string[] } | undefined> {
  const { rows: current } = await tx.query<{ status: string }>(
    'select status from adminhub.tenant_deletions where id = $1 for update',
    [deletion.id],
  );
  if (current[0]?.status !== 'scheduled') return undefined;
  const tenantId = deletion.subject_tenant_id;
  // The members, with the usernames their sign-in accounts have (the lower-cased email).
  const { rows: members } = await tx.query<{ id: string; email: string }>(
    `select r->>'id' as id, lower(r->>'email') as email from adminhub.export_rows($1, 'platform.users') r`,
    [tenantId],
  );

  const tables = await listTenantTables(tx);
  const oids = new Map(tables.map((table) => [table.table, table.oid]));
  let pending = deletionOrder(
    tables.map((table) => table.table),
    await foreignKeysAmong(tx, tables),
  ).filter((table) => table !== 'platform.users');
  const deletedRows: Record<string, number> = {};
  let cycle = false;
  while (pending.length > 0) {
    const held: string[] = [];
    for (const table of pending) {
      await tx.query('savepoint purge_table');
      try {
        const { rows } = await tx.query<{ deleted: string }>(
          'select adminhub.purge_rows($1, $2::oid::regclass, $3, $4) as deleted',
          [tenantId, oids.get(table), [], cycle],
        );
        await tx.query('release savepoint purge_table');
        const count = Number(rows[0]?.deleted ?? 0);
        if (count > 0) deletedRows[table] = count;
      } catch (error) {
        if ((error as { code?: string }).code !== FOREIGN_KEY_VIOLATION) throw error;
        await tx.query('rollback to savepoint purge_table');
        held.push(table);
      }
    }
    if (held.length > 0 && held.length === pending.length) {
      // Tables whose keys point at each other, and nothing else left of the tenant: deleted with
      // their key checks off (adminhub.purge_rows); a failure then is a real one.
      if (cycle) throw new Error(`Rows of ${held.join(', ')} are still referenced`);
      cycle = true;
    }
    pending = held;
  }

  // Users one by one, so the job knows whose accounts to delete: those left with no
  // membership anywhere; one a non-tenant table still holds (a session row, say) is kept.
  const accounts: string[] = [];
  const usersTable = oids.get('platform.users');
  for (const member of members) {
    await tx.query('savepoint purge_user');
    try {
      const { rows } = await tx.query<{ deleted: string }>(
        'select adminhub.purge_rows($1, $2::oid::regclass, $3) as deleted',
        [tenantId, usersTable, [member.id]],
      );
      await tx.query('release savepoint purge_user');
      if (Number(rows[0]?.deleted) > 0) accounts.push(member.email);
    } catch (error) {
      if ((error as { code?: string }).code !== FOREIGN_KEY_VIOLATION) throw error;
      await tx.query('rollback to savepoint purge_user');
    }
  }
  const deletedUsers = accounts.length;

  const total = Object.values(deletedRows).reduce((sum, count) => sum + count, 0);
  await tx.query(
    `update adminhub.tenant_deletions
        set status = 'completed', completed_at = now(), deleted_rows = $2, deleted_users = $3
      where id = $1`,
    [deletion.id, JSON.stringify(deletedRows), deletedUsers],
  );
  await tx.query(
    `insert into platform.operator_audit (id, operator_id, action, tenant_id, target_type, target_id, details)
     values ($1, $2, 'adminhub.tenant.delete', $3, 'tenant', $4, $5)`,
    [
      uuidv7(),
      LIFECYCLE_ACTOR,
      tenantId,
      tenantId,
      JSON.stringify({ deletionId: deletion.id, rows: total, users: deletedUsers, tables: deletedRows }),
    ],
  );
  return { rows: total, accounts };
}
