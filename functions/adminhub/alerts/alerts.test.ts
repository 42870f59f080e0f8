import { describe, expect, it } from 'vitest';
import type { Detection } from './detectors/detection';
import { evidenceFor } from './raise-alerts';
import { ListAlertsQuery, ResolveAlertBody } from './schemas';

describe('alerts schemas', () => {
  it('filters by known statuses, severities and detector names only', () => {
    expect(
      ListAlertsQuery.parse({ status: 'open', severity: 'high', detector: 'failed-sign-in-burst' }),
    ).toMatchObject({
      status: 'open',
      limit: 20,
    });
    expect(ListAlertsQuery.safeParse({ status: 'closed' }).success).toBe(false);
    expect(ListAlertsQuery.safeParse({ detector: "x' or 1=1" }).success).toBe(false);
    expect(ListAlertsQuery.safeParse({ tenantId: 'x' }).success).toBe(false);
  });

  it('needs a resolution note of display text within 2000 characters', () => {
    expect(ResolveAlertBody.parse({ note: '  Password reset, IP blocked  ' })).toEqual({
      note: 'Password reset, IP blocked',
    });
    expect(ResolveAlertBody.safeParse({ note: ' ' }).success).toBe(false);
    expect(ResolveAlertBody.safeParse({ note: 'x'.repeat(2001) }).success).toBe(false);
    expect(ResolveAlertBody.safeParse({ note: 'ok\u202E' }).success).toBe(false);
  });
});

describe('evidence per tenant', () => {
  it('names only the tenant’s own members among the accounts a burst went after', () => {
    const detection = {
      evidence: {
        failures: 30,
        users: [
          { userId: 'a', failures: 20 },
          { userId: 'b', failures: 10 },
        ],
      },
    } as unknown as Detection;

    expect(evidenceFor({ detection, members: ['b'] })).toEqual({
      failures: 30,
      users: [{ userId: 'b', failures: 10 }],
    });
  });
});
