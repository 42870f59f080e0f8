import type { Tier } from '../tenancy';
import { API_KEY_RATE_LIMIT, TIER_LIMITS } from '../tiers';

/**
 * The IETF rate-limit fields (draft-ietf-httpapi-ratelimit-headers):
 * `RateLimit-Policy` names each quota that applies to the caller, and
 * `RateLimit` tells what is left of one of them. A tenant's tier is counted by
 * API Gateway's usage plan, which reports nothing back, so for the tier only
 * the policy is said; an API key's own window is counted here in the kernel,
 * so its remaining requests and reset are said too (see docs/decisions.md).
 */

/** Policy names, stable for clients: a tier's per-second rate, its daily quota, an API key's window. */
export const RATE_LIMIT_POLICY = {
  tenant: 'tenant',
  tenantDaily: 'tenant-daily',
  apiKey: 'api-key',
} as const;
export type RateLimitPolicyName = (typeof RATE_LIMIT_POLICY)[keyof typeof RATE_LIMIT_POLICY];

/** What is left of one policy's quota. */
export interface RateLimitState {
  policy: RateLimitPolicyName;
  remaining: number;
  resetSeconds: number;
}

/** The tier the authorizer put in its context; undefined for calls without a tenant. */
export function tierFromAuthorizer(authorizer: unknown): Tier | undefined {
  const tier = (authorizer as { tier?: unknown } | null | undefined)?.tier;
  return typeof tier === 'string' && Object.hasOwn(TIER_LIMITS, tier) ? (tier as Tier) : undefined;
}

/**
 * The fields for a response: the tier's policies when the call acts in a
 * tenant, the key's window for an API key, and `RateLimit` when a state is
 * known. Empty for anonymous calls.
 */
export function rateLimitHeaders(options: {
  tier?: Tier;
  apiKey?: boolean;
  state?: RateLimitState;
}): Record<string, string> {
  const policies: string[] = [];
  if (options.tier) {
    const limits = TIER_LIMITS[options.tier];
    // A token bucket refilled at rateLimit per second: its sustained quota, per second.
    policies.push(`"${RATE_LIMIT_POLICY.tenant}";q=${limits.rateLimit};w=1`);
    policies.push(`"${RATE_LIMIT_POLICY.tenantDaily}";q=${limits.quotaPerDay};w=86400`);
  }
  if (options.apiKey) {
    policies.push(
      `"${RATE_LIMIT_POLICY.apiKey}";q=${API_KEY_RATE_LIMIT.limit};w=${API_KEY_RATE_LIMIT.windowSeconds}`,
    );
  }
  const headers: Record<string, string> = {};
  if (policies.length) headers['RateLimit-Policy'] = policies.join(', ');
  if (options.state) {
    const { policy, remaining, resetSeconds } = options.state;
    headers.RateLimit = `"${policy}";r=${Math.max(0, Math.floor(remaining))};t=${Math.max(0, Math.ceil(resetSeconds))}`;
  }
  return headers;
}

/** How OpenAPI documents the two fields (components.headers); every response refers to them. */
export const RATE_LIMIT_HEADER_DOCS = {
  RateLimit: {
    description:
      'What is left of a quota, e.g. `"api-key";r=287;t=42` (287 requests in the next 42 s). Sent to API-key callers for the key\'s own window, and with 429s from a tenant\'s tier.',
    schema: { type: 'string', maxLength: 256 },
  },
  'RateLimit-Policy': {
    description:
      'The quotas that apply to this caller, e.g. `"tenant";q=10;w=1, "tenant-daily";q=10000;w=86400, "api-key";q=300;w=60`: the tenant tier\'s rate and daily quota, and an API key\'s own window. Absent on calls without credentials.',
    schema: { type: 'string', maxLength: 256 },
  },
} as const;
