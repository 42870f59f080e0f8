import { getCache } from '@halooid/shared/cache/get-cache';
import { ValidationError } from '@halooid/shared/errors';
import { createHttpHandler } from '@halooid/shared/http/adapter';
import { enforceRateLimit, type RateLimitRule } from '@halooid/shared/rate-limit';
import { captureLead } from './capture-lead';
import { IDEMPOTENCY_KEY_PATTERN } from './schemas';
import { leadCaptureService } from './service';

/** Per key (a website's form): a burst of 5 a second, then 429 with Retry-After. */
export const CAPTURE_RATE_LIMIT: RateLimitRule = { limit: 5, windowSeconds: 1 };

/** Thin: rate limit and Idempotency-Key checked here, the submission handled in the key's tenant. */
export const handler = createHttpHandler(leadCaptureService, {
  captureLead: async ({ body, headers, principal, inTenant }) => {
    await enforceRateLimit(
      getCache(),
      `lead-capture:${principal.tenantId}:${principal.principalId}`,
      CAPTURE_RATE_LIMIT,
    );
    const key = headers['idempotency-key'];
    if (key !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw new ValidationError('Idempotency-Key must be 1 to 200 visible ASCII characters.', [
        {
          field: 'headers.idempotency-key',
          message: 'Invalid idempotency key.',
          code: 'invalid_idempotency_key',
        },
      ]);
    }
    const result = await inTenant((deps) => captureLead(body, key, deps));
    return {
      body: result.accepted,
      headers: result.replayed ? { 'Idempotent-Replayed': 'true' } : ({} as Record<string, string>),
    };
  },
});
