import type pg from 'pg';
import { getConfig } from '../config';
import { ServiceUnavailableError } from '../errors';
import { isUuid } from '../ids';
import { isConnectionError } from './errors';
import { APP_ROLE, OPERATOR_LOGIN, OPERATOR_ROLE, REQUEST_LOGIN, WORKER_LOGIN, WORKER_ROLE } from './logins';
import { getPool } from './pool';

export { APP_ROLE, WORKER_ROLE } from './logins';

/** The only database handle use cases get: queries inside one transaction. */
export interface Tx {
  query<Row extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values?: readonly unknown[],
  ): Promise<pg.QueryResult<Row>>;
}

export interface TenantScope {
  /** The tenant every row-level-security policy compares against; absent only for identity lookups before a tenant is chosen. */
  tenantId?: string;
  /** The calling user; lets a user see their own memberships across tenants (login, tenant switcher). */
  userId?: string;
}

/**
 * Runs `work` in one transaction as `halooid_app` with the tenant set
 * transaction-locally (`set_config(..., true)`), so nothing leaks to the next
 * user of a pooled connection and RDS Proxy never pins.
 *
 * The start costs one round trip: `begin`, the role and both settings go as
 * one simple-query string. That string carries the ids as literals, which is
 * safe only because each is first checked against the strict UUID pattern
 * (hex digits and dashes: nothing that can close a quote). An id that is not
 * a UUID takes the slower path with bind parameters, so no caller input is
 * ever spliced unchecked. See docs/decisions.md.
 *
 * A connection found dead at the start (after a Lambda thaw or a failover) is
 * discarded and the transaction retried once on a fresh one; nothing has run
 * yet, so the retry is safe. Failures later are not retried: a COMMIT whose
 * outcome is unknown must not run twice.
 */
export async function withTenantTransaction<T>(scope: TenantScope, work: (tx: Tx) => Promise<T>): Promise<T> {
  const tenantId = scope.tenantId ?? '';
  // app.user_id is a uuid setting read by the policies that let a user see their
  // own memberships: an API key's principal id (`apikey:…`) is no user, and
  // setting it would make every such policy fail its cast, so it is left empty.
  const userId = scope.userId && isUuid(scope.userId) ? scope.userId : '';
  if (isSafeLiteral(tenantId)) {
    return runTransaction(work, tenantBegin(tenantId, userId), async () => {});
  }
  return runTransaction(
    work,
    `begin; ${assumeLogin(REQUEST_LOGIN)}set local role ${APP_ROLE}`,
    async (client) => {
      await client.query(
        `select set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`,
        [tenantId, userId],
      );
    },
  );
}

/** Empty (no tenant / no user) or a canonical UUID: the only values ever written into SQL text. */
function isSafeLiteral(value: string): boolean {
  return value === '' || isUuid(value);
}

/** The one-round-trip start of a tenant transaction; callers have checked both ids with isSafeLiteral. */
export function tenantBegin(tenantId: string, userId: string): string {
  return (
    `begin; ${assumeLogin(REQUEST_LOGIN)}set local role ${APP_ROLE}; ` +
    `select set_config('app.tenant_id', '${tenantId}', true), set_config('app.user_id', '${userId}', true)`
  );
}

/**
 * One transaction as `halooid_worker`, for platform jobs that by design span
 * tenants (outbox relay, webhook worker, due-soon). Only the worker login may
 * become that role: from a request function's login the SET ROLE is refused.
 */
export function withWorkerTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return runTransaction(
    work,
    `begin; ${assumeLogin(WORKER_LOGIN)}set local role ${WORKER_ROLE}`,
    async () => {},
  );
}

/**
 * One transaction as `halooid_operator` (platform/0011), with no tenant set:
 * the operator console's reads across tenants. shared/src/operator.ts points
 * it at one tenant (app.tenant_id) before writing that tenant's rows. Only the
 * operator login may become that role.
 */
export function withOperatorTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return runTransaction(
    work,
    `begin; ${assumeLogin(OPERATOR_LOGIN)}set local role ${OPERATOR_ROLE}`,
    async () => {},
  );
}

/**
 * In `assume` mode (DB_LOGIN_MODE, the local runtime) the connection is the
 * database owner, so the transaction first becomes the login the function
 * would sign in as in AWS; SET ROLE then checks that login's memberships.
 * Transaction-local, like everything else the transaction sets. In `connect`
 * mode (AWS) the connection already is that login: nothing to add.
 */
function assumeLogin(login: typeof REQUEST_LOGIN | typeof WORKER_LOGIN | typeof OPERATOR_LOGIN): string {
  return getConfig().DB_LOGIN_MODE === 'assume' ? `set local session authorization ${login}; ` : '';
}

/**
 * A transaction as the connecting (migration-owning) user, with no tenant.
 * For the migration runner, the demo seed and platform jobs that by design
 * span tenants; request handlers never use it.
 */
export async function withSystemTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return runTransaction(work, 'begin', async () => {});
}

async function runTransaction<T>(
  work: (tx: Tx) => Promise<T>,
  begin: string,
  setup: (client: pg.PoolClient) => Promise<void>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let client: pg.PoolClient | undefined;
    let started = false;
    try {
      client = await getPool().connect();
      await client.query(begin);
      await setup(client);
      started = true;
      const result = await work(client);
      await client.query('commit');
      client.release();
      return result;
    } catch (error) {
      const broken = isConnectionError(error);
      if (client) {
        const clean =
          !broken &&
          (await client.query('rollback').then(
            () => true,
            () => false,
          ));
        // Passing an error destroys the connection instead of returning a dirty one to the pool.
        client.release(clean ? undefined : new Error('discarded after a failed transaction'));
      }
      if (broken && !started && attempt === 1) continue;
      if (broken) throw new ServiceUnavailableError('The database is unavailable; try again shortly.', error);
      throw error;
    }
  }
}
