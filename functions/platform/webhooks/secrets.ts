import type { Keyring } from '@halooid/shared/crypto/keyring';
import { needsReseal, open, seal } from '@halooid/shared/crypto/secret-box';
import { withWorkerTransaction } from '@halooid/shared/events/worker-transaction';
import { createLogger } from '@halooid/shared/observability';

const logger = createLogger('platform-webhooks');

/**
 * The authenticated context of a webhook's signing secret: a sealed secret
 * opens only in its own row (same tenant, same webhook, this column).
 */
const contextOf = (webhook: { tenantId: string; id: string }) => [
  'platform.webhooks.secret',
  webhook.tenantId,
  webhook.id,
];

export function sealWebhookSecret(
  keyring: Keyring,
  webhook: { tenantId: string; id: string },
  secret: string,
) {
  return seal(keyring, secret, contextOf(webhook));
}

/** Plain text of the stored value; rows from before encryption pass through as they are. */
export function openWebhookSecret(
  keyring: Keyring,
  webhook: { tenantId: string; id: string },
  stored: string,
) {
  return open(keyring, stored, contextOf(webhook));
}

const RESEAL_BATCH = 200;

/**
 * Re-encrypts stored secrets that are still plain text (written before
 * encryption) or sealed with a retired key, under the current key. Runs as
 * `halooid_worker` across tenants, a batch per transaction with `skip locked`,
 * each row changed only if it still holds the value read. A row that does not
 * open is logged and left alone. Returns how many rows were re-encrypted.
 */
export async function resealStaleSecrets(keyring: Keyring): Promise<number> {
  const prefix = `v1:${keyring.current.id}:`;
  let total = 0;
  // Keyset cursor: a row that does not open is passed over, not met again in every batch.
  let after = {
    tenantId: '00000000-0000-0000-0000-000000000000',
    id: '00000000-0000-0000-0000-000000000000',
  };
  for (;;) {
    const { resealed, seen } = await withWorkerTransaction(async (tx) => {
      const { rows } = await tx.query<{ tenant_id: string; id: string; secret: string }>(
        `select tenant_id, id, secret from platform.webhooks
          where left(secret, char_length($1)) <> $1 and (tenant_id, id) > ($3::uuid, $4::uuid)
          order by tenant_id, id limit $2 for update skip locked`,
        [prefix, RESEAL_BATCH, after.tenantId, after.id],
      );
      const last = rows.at(-1);
      if (last) after = { tenantId: last.tenant_id, id: last.id };
      let count = 0;
      for (const row of rows) {
        const webhook = { tenantId: row.tenant_id, id: row.id };
        if (!needsReseal(keyring, row.secret)) continue;
        let plain: string;
        try {
          plain = openWebhookSecret(keyring, webhook, row.secret);
        } catch (error) {
          logger.error('A webhook secret does not open; left as it is', { ...webhook, error });
          continue;
        }
        await tx.query(
          'update platform.webhooks set secret = $3 where tenant_id = $1 and id = $2 and secret = $4',
          [row.tenant_id, row.id, sealWebhookSecret(keyring, webhook, plain), row.secret],
        );
        count += 1;
      }
      return { resealed: count, seen: rows.length };
    });
    total += resealed;
    if (seen < RESEAL_BATCH) return total;
  }
}
