import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import * as z from 'zod';
import { KEY_ID_PATTERN } from '../domain/api-key-format';

export const API_KEY_STATUSES = ['active', 'revoked', 'expired'] as const;
export const ApiKeyStatus = z.enum(API_KEY_STATUSES);

/** The longest a key may live, and how long one lives when the creator does not say. */
export const MAX_KEY_LIFETIME_DAYS = 365;
export const DEFAULT_KEY_LIFETIME_DAYS = 90;
export const MAX_GRACE_PERIOD_SECONDS = 86_400;

const KeyId = z
  .string()
  .max(16, 'Not an API key id.')
  .regex(KEY_ID_PATTERN, 'Not an API key id.')
  .meta({ description: 'The id inside the key (`hk_<env>_<id>_<secret>`), 16 characters.' });
const Scope = z
  .string()
  .max(200)
  .regex(
    /^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/,
    'A scope is a permission: product:resource:action.',
  );
const Timestamp = z.iso.datetime();

/** A key as listings show it: never the secret nor its hash. */
export const ApiKey = z.object({
  id: KeyId,
  name: z.string(),
  prefix: z.string().meta({ description: 'The start of the key, `hk_<env>_<id>`, to recognise it.' }),
  scopes: z.array(z.string()),
  status: ApiKeyStatus,
  createdBy: z.string(),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** The answer to create: the only time the full key is shown. */
export const CreatedApiKey = z.object({
  id: KeyId,
  key: z.string().meta({ description: 'The full key. Shown once; store it now, it cannot be read again.' }),
  prefix: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  expiresAt: Timestamp,
  createdAt: Timestamp,
});
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

export const RotatedApiKey = CreatedApiKey.extend({
  rotatedAt: Timestamp,
  previousKeyExpiresAt: Timestamp.nullable().meta({
    description: 'Until when the previous secret keeps working; null when it stopped at once.',
  }),
});
export type RotatedApiKey = z.infer<typeof RotatedApiKey>;

export const ApiKeyParams = z.strictObject({ keyId: KeyId });

export const CreateApiKeyBody = z.strictObject({
  name: displayText().min(1, 'Name cannot be empty.').max(100),
  scopes: z
    .array(Scope)
    .min(1, 'Give the key at least one scope.')
    .max(100)
    .transform((scopes) => [...new Set(scopes)])
    .meta({
      description: 'Permissions from the catalog, each one you hold yourself. Patterns are not accepted.',
    }),
  expiresAt: z.iso
    .datetime({ offset: true })
    .max(40)
    .optional()
    .meta({
      description: `When the key stops working; in the future, at most ${MAX_KEY_LIFETIME_DAYS} days ahead. Default ${DEFAULT_KEY_LIFETIME_DAYS} days.`,
    }),
});
export type CreateApiKeyInput = z.output<typeof CreateApiKeyBody>;

export const RotateApiKeyBody = z.strictObject({
  gracePeriodSeconds: z
    .number()
    .int()
    .min(0)
    .max(MAX_GRACE_PERIOD_SECONDS)
    .meta({ description: 'How long the previous secret keeps working, 0 to 86400 seconds.' }),
});
export type RotateApiKeyInput = z.output<typeof RotateApiKeyBody>;

export const ListApiKeysQuery = z.strictObject({ ...paginationQuery });
export type ListApiKeysQuery = z.output<typeof ListApiKeysQuery>;
