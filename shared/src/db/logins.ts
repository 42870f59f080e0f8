/**
 * The two database logins. Request functions (API capabilities, the
 * authorizer, event subscribers) sign in as REQUEST_LOGIN, which can become
 * only `halooid_app`; the cross-tenant jobs (outbox relay, webhook worker,
 * due-soon) sign in as WORKER_LOGIN, which can become `halooid_worker` and
 * `halooid_app`. An SQL injection in request code therefore cannot switch to
 * the worker role and its cross-tenant policies: Postgres refuses the SET
 * ROLE. Created by functions/platform/migrations/0007 and 0008 (0008 says why requests do not use 0002's halooid_app_login).
 */
export const REQUEST_LOGIN = 'halooid_request_login';
export const WORKER_LOGIN = 'halooid_worker_login';
/** The operator console's login (platform/0011): it can become `halooid_operator` only. */
export const OPERATOR_LOGIN = 'halooid_operator_login';

/** The role every request runs as: no BYPASSRLS, owns nothing, so every tenant policy applies to it. */
export const APP_ROLE = 'halooid_app';

/** The role of platform jobs that by design span tenants: no BYPASSRLS; policies open only the rows they need. */
export const WORKER_ROLE = 'halooid_worker';

/**
 * The operator console's role: lists every tenant (the columns the console
 * shows), reads usage across tenants, and writes only to the tenant its
 * transaction is pointed at (shared/src/operator.ts).
 */
export const OPERATOR_ROLE = 'halooid_operator';
