import { describe, expect, it } from 'vitest';
import { RATE_LIMIT_POLICY, rateLimitHeaders, tierFromAuthorizer } from './rate-limit-headers';

describe('rateLimitHeaders', () => {
  it('says nothing for a call without a tenant or key', () => {
    expect(rateLimitHeaders({})).toEqual({});
  });

  it("lists the tier's rate and daily quota as IETF quota policies", () => {
    expect(rateLimitHeaders({ tier: 'enterprise' })).toEqual({
      'RateLimit-Policy': '"tenant";q=200;w=1, "tenant-daily";q=5000000;w=86400',
    });
  });

  it('adds the key window and what is left of a policy, never below zero', () => {
    expect(
      rateLimitHeaders({
        tier: 'free',
        apiKey: true,
        state: { policy: RATE_LIMIT_POLICY.apiKey, remaining: -4, resetSeconds: 12.2 },
      }),
    ).toEqual({
      'RateLimit-Policy': '"tenant";q=10;w=1, "tenant-daily";q=10000;w=86400, "api-key";q=300;w=60',
      RateLimit: '"api-key";r=0;t=13',
    });
  });
});

describe('tierFromAuthorizer', () => {
  it('reads a known tier and nothing else', () => {
    expect(tierFromAuthorizer({ tier: 'pro' })).toBe('pro');
    expect(tierFromAuthorizer({ tier: '' })).toBeUndefined();
    expect(tierFromAuthorizer({ tier: 'constructor' })).toBeUndefined();
    expect(tierFromAuthorizer(null)).toBeUndefined();
  });
});
