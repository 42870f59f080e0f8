import { describe, expect, it } from 'vitest';
import { ForbiddenError } from './errors';
import { asOperatorFor } from './operator';

const origin = { sourceIp: '203.0.113.9', correlationId: 'c-1' };

describe('asOperatorFor', () => {
  it.each([
    ['no principal', undefined],
    [
      'a tenant Owner',
      { tenantId: 't', principalId: 'u', principalType: 'user' as const, grants: ['*:*:*'] },
    ],
    [
      'an API key',
      { tenantId: 't', principalId: 'apikey:k', principalType: 'apiKey' as const, grants: ['*:*:*'] },
    ],
  ])('refuses %s before touching the database', async (_, principal) => {
    let ran = false;

    const attempt = asOperatorFor(
      principal,
      origin,
    )(async () => {
      ran = true;
    });

    await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
    expect(ran).toBe(false);
  });
});
