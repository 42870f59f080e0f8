import { getConfig } from '@halooid/shared/config';
import { dataKeyring } from '@halooid/shared/crypto/data-keys';
import type { Keyring } from '@halooid/shared/crypto/keyring';
import { withTenantTransaction } from '@halooid/shared/db/transaction';
import { withWorkerTransaction } from '@halooid/shared/events/worker-transaction';
import { isUuid, uuidv7 } from '@halooid/shared/ids';
import { createLogger } from '@halooid/shared/observability';
import { notifyUser } from '../domain/notify';
import { createDeliveryPool, type DeliveryPool } from './delivery-pool';
import { openWebhookSecret, resealStaleSecrets } from './secrets';
import { sendWebhook } from './send';
import { SIGNATURE_HEADER, signPayload } from './signature';
import { type Resolver, type UrlPolicy, urlPolicyFor } from './url-guard';

const logger = createLogger('platform-webhooks');

const SECOND = 1_000;
const HOUR = 3_600 * SECOND;

/**
 * Pauses before each retry: about 1 s, 5 s, 30 s, 2 min, 10 min, then hourly
 * until 24 h after the first attempt. `scale` shrinks the whole schedule (the
 * local runtime's `webhookRetryScale`, so tests run in milliseconds).
 */
export function webhookRetryDelays(scale = 1): number[] {
  const delays = [1 * SECOND, 5 * SECOND, 30 * SECOND, 120 * SECOND, 600 * SECOND];
  let total = delays.reduce((sum, delay) => sum + delay, 0);
  while (total + HOUR <= 24 * HOUR) {
    delays.push(HOUR);
    total += HOUR;
  }
  return delays.map((delay) => Math.max(1, Math.round(delay * scale)));
}

export interface DeliveryWorkerOptions {
  retryDelaysMs?: readonly number[];
  /** A webhook failing this long (since its last success) is disabled; 3 days. */
  disableAfterMs?: number;
  /** One attempt, DNS lookup included; 10 s. */
  timeoutMs?: number;
  urlPolicy?: UrlPolicy;
  /** Deliveries in flight at once in one worker; 10. */
  concurrency?: number;
  /** Deliveries of one tenant in flight at once in one worker; 3. */
  perTenantConcurrency?: number;
  /** How the sender resolves host names (tests inject a rebinding resolver). */
  resolve?: Resolver;
  /** How long an idle worker waits before looking for due deliveries again; 1 s. */
  pollMs?: number;
}

interface DueDelivery {
  tenant_id: string;
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  payload: unknown;
  attempts: number;
  url: string;
  /** As stored: sealed, or plain text from before encryption. */
  secret: string;
  enabled: boolean;
  created_by: string;
}

interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * Claims up to `free` due deliveries across tenants (as `halooid_worker`),
 * fairly: each tenant's due rows are numbered oldest first and taken round by
 * round (every tenant's first, then every tenant's second...), and a tenant
 * never gets more than `perTenant` minus what it already has in flight. The
 * rows are locked `for update skip locked` and leased (next_attempt_at moved
 * past the attempt's timeout) so two workers never send the same attempt.
 */
async function claimDueDeliveries(
  free: number,
  running: ReadonlyMap<string, number>,
  perTenant: number,
  leaseMs: number,
): Promise<DueDelivery[]> {
  return withWorkerTransaction(async (tx) => {
    const { rows } = await tx.query<DueDelivery>(
      `with ranked as (
         select tenant_id, id, next_attempt_at,
                row_number() over (partition by tenant_id order by next_attempt_at, id) as turn
           from platform.webhook_deliveries
          where status = 'pending' and next_attempt_at <= now()),
       picked as (
         select r.tenant_id, r.id from ranked r
           left join unnest($3::uuid[], $4::int[]) as busy(tenant_id, running) on busy.tenant_id = r.tenant_id
          where r.turn + coalesce(busy.running, 0) <= $5
          order by r.turn, r.next_attempt_at, r.id
          limit $1),
       claimed as (
         select d.tenant_id, d.id from platform.webhook_deliveries d
           join picked p on p.tenant_id = d.tenant_id and p.id = d.id
          where d.status = 'pending' and d.next_attempt_at <= now()
          for update of d skip locked)
       update platform.webhook_deliveries d
          set next_attempt_at = now() + make_interval(secs => $2::float8 / 1000), updated_at = now()
         from claimed, platform.webhooks w
        where d.tenant_id = claimed.tenant_id and d.id = claimed.id and w.tenant_id = d.tenant_id and w.id = d.webhook_id
       returning d.tenant_id, d.id, d.webhook_id, d.event_id, d.event_type, d.payload, d.attempts,
                 w.url, w.secret, w.enabled, w.created_by`,
      [free, leaseMs, [...running.keys()], [...running.values()], perTenant],
    );
    return rows;
  });
}

/**
 * The worker's pool: claims fairly for its free slots, delivers each claimed
 * row on its own (a slow receiver holds one slot, nothing else), records the
 * outcome. `fill` it on a timer or in a loop; `drain` before stopping.
 */
export function createWebhookDeliveryPool(options: DeliveryWorkerOptions = {}): DeliveryPool {
  const timeoutMs = options.timeoutMs ?? 10 * SECOND;
  const perTenant = options.perTenantConcurrency ?? 3;
  let keyring: Keyring | undefined;
  return createDeliveryPool<DueDelivery>({
    concurrency: options.concurrency ?? 10,
    perTenant,
    async claim(free, running) {
      // Before claiming anything: without the keys no delivery could be signed.
      keyring = await dataKeyring();
      await resealOnce(keyring);
      return claimDueDeliveries(free, running, perTenant, timeoutMs + 30 * SECOND);
    },
    deliver: (delivery) => deliverOne(delivery, keyring as Keyring, options, timeoutMs),
    onError: (error, delivery) =>
      // The lease runs out and the attempt is claimed again: at-least-once, as for any crash.
      logger.error('A webhook delivery could not be recorded', {
        tenantId: delivery.tenant_id,
        deliveryId: delivery.id,
        error: error as Error,
      }),
  });
}

/** One pass: claims what is due (up to the pool's slots), delivers it and waits for the outcomes. */
export async function runDueDeliveries(options: DeliveryWorkerOptions = {}): Promise<number> {
  const pool = createWebhookDeliveryPool(options);
  const started = await pool.fill();
  await pool.drain();
  return started;
}

const resealed = new WeakSet<Keyring>();

/**
 * Once per worker instance and keyring: re-encrypts secrets still in plain
 * text (rows from before encryption) or under a retired key. Awaited, not left
 * in the background, so a Lambda frozen after the batch never holds row locks
 * until its next invocation; when nothing is stale it costs one query. A
 * failure is logged and tried again on the next pass.
 */
async function resealOnce(keyring: Keyring): Promise<void> {
  if (resealed.has(keyring)) return;
  resealed.add(keyring);
  try {
    const count = await resealStaleSecrets(keyring);
    if (count > 0) logger.info('Re-encrypted webhook secrets under the current key', { count });
  } catch (error) {
    resealed.delete(keyring);
    logger.warn('Could not re-encrypt stale webhook secrets', { error: error as Error });
  }
}

async function deliverOne(
  delivery: DueDelivery,
  keyring: Keyring,
  options: DeliveryWorkerOptions,
  timeoutMs: number,
) {
  const result: AttemptResult = delivery.enabled
    ? await attempt(delivery, keyring, options, timeoutMs)
    : { ok: false, statusCode: null, error: 'The webhook is disabled.', durationMs: 0 };
  const delays = options.retryDelaysMs ?? webhookRetryDelays();
  const attempts = delivery.attempts + 1;
  const retryIn = delivery.enabled && !result.ok ? delays[attempts - 1] : undefined;
  const status = result.ok ? 'succeeded' : retryIn === undefined ? 'failed' : 'pending';
  const disableAfterMs = options.disableAfterMs ?? 3 * 24 * HOUR;
  const disabled = await withWorkerTransaction(async (tx) => {
    await tx.query(
      `update platform.webhook_deliveries
          set status = $3, attempts = $4, last_status_code = $5, last_error = $6, last_duration_ms = $7,
              next_attempt_at = case when $3 = 'pending' then now() + make_interval(secs => $8::float8 / 1000) end,
              completed_at = case when $3 = 'pending' then null else now() end, updated_at = now()
        where tenant_id = $1 and id = $2`,
      [
        delivery.tenant_id,
        delivery.id,
        status,
        attempts,
        result.statusCode,
        result.error,
        result.durationMs,
        retryIn ?? 0,
      ],
    );
    if (!delivery.enabled) return false;
    if (result.ok) {
      await tx.query(
        'update platform.webhooks set failing_since = null where tenant_id = $1 and id = $2 and failing_since is not null',
        [delivery.tenant_id, delivery.webhook_id],
      );
      return false;
    }
    const { rows } = await tx.query<{ disabled: boolean }>(
      `update platform.webhooks
          set failing_since = coalesce(failing_since, now()),
              enabled = not (coalesce(failing_since, now()) <= now() - make_interval(secs => $3::float8 / 1000)),
              disabled_reason = case when coalesce(failing_since, now()) <= now() - make_interval(secs => $3::float8 / 1000)
                                     then 'Deliveries failed for 3 days.' end,
              updated_at = now()
        where tenant_id = $1 and id = $2 and enabled
        returning not enabled as disabled`,
      [delivery.tenant_id, delivery.webhook_id, disableAfterMs],
    );
    return rows[0]?.disabled === true;
  });
  if (disabled) await notifyOwnerOfDisable(delivery);
}

async function attempt(
  delivery: DueDelivery,
  keyring: Keyring,
  options: DeliveryWorkerOptions,
  timeoutMs: number,
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let secret: string;
  try {
    secret = openWebhookSecret(
      keyring,
      { tenantId: delivery.tenant_id, id: delivery.webhook_id },
      delivery.secret,
    );
  } catch (error) {
    // A retired key missing from the keyring, or a row tampered with: never send unsigned.
    logger.error('A webhook signing secret does not open', {
      tenantId: delivery.tenant_id,
      webhookId: delivery.webhook_id,
      error,
    });
    return {
      ok: false,
      statusCode: null,
      error: 'The signing secret could not be read.',
      durationMs: elapsed(),
    };
  }
  const body = JSON.stringify(delivery.payload);
  // The URL is checked again here, and each resolved address at connect time (send.ts).
  const sent = await sendWebhook({
    url: delivery.url,
    policy: options.urlPolicy ?? urlPolicyFor(getConfig().STAGE),
    timeoutMs,
    ...(options.resolve ? { resolve: options.resolve } : {}),
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': 'Halooid-Webhooks/1',
      [SIGNATURE_HEADER]: signPayload(secret, body, Math.floor(Date.now() / 1000)),
      'Halooid-Event-Id': delivery.event_id,
      'Halooid-Event-Type': delivery.event_type,
      'Halooid-Delivery-Id': delivery.id,
    },
    body,
  });
  return { ...sent, durationMs: elapsed() };
}

async function notifyOwnerOfDisable(delivery: DueDelivery): Promise<void> {
  logger.warn('Webhook disabled after failing for 3 days', {
    tenantId: delivery.tenant_id,
    webhookId: delivery.webhook_id,
  });
  if (!isUuid(delivery.created_by)) return; // created with an API key: nobody to notify in-app
  await withTenantTransaction({ tenantId: delivery.tenant_id }, (tx) =>
    notifyUser(tx, {
      tenantId: delivery.tenant_id,
      userId: delivery.created_by,
      eventId: uuidv7(),
      type: 'platform.webhook.disabled',
      title: 'A webhook was disabled',
      body: `Deliveries to ${delivery.url} failed for 3 days, so the webhook was disabled. Fix the receiver and enable it again.`,
      resource: { type: 'platform.webhook', id: delivery.webhook_id },
    }),
  ).catch((error: Error) => logger.error('Could not notify the webhook owner', { error }));
}

/**
 * The AWS entry (scheduled every minute): keeps the pool full until
 * `budgetMs` is nearly used, looking for due deliveries whenever a slot frees
 * and at least every `pollMs` (1 s, so a retry due in 1 s or 5 s is sent on
 * time), then waits for what is in flight (each bounded by its timeout).
 * `WEBHOOK_RETRY_SCALE` (default 1) scales the schedule.
 */
export async function runDeliveryWorker(
  budgetMs: number,
  options: DeliveryWorkerOptions = {},
): Promise<number> {
  const deadline = Date.now() + budgetMs;
  const pool = createWebhookDeliveryPool(options);
  let attempted = 0;
  try {
    while (Date.now() < deadline) {
      attempted += await pool.fill();
      await pool.settle(Math.min(options.pollMs ?? SECOND, deadline - Date.now()));
    }
  } finally {
    await pool.drain();
  }
  return attempted;
}
