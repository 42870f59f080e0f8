import { PRODUCTS } from '@halooid/functions/registry';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The CustomerConnect demo as `npm run dev` seeds it (the other suites start
 * without it): Acme's CRM, readable through the API by the demo users.
 */
let platform: TestPlatform;
let admin: Session;
let sofia: Session;
let acme = '';

beforeAll(async () => {
  platform = await startTestPlatform({ demoProducts: PRODUCTS.map((product) => product.key) });
  [admin, sofia] = await Promise.all([
    platform.login('admin@acme.example'),
    platform.login('sales@acme.example'),
  ]);
  acme = admin.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
});

afterAll(async () => {
  await platform?.stop();
});

const count = async (table: string, where = 'true') => {
  const { rows } = await platform.db.query(
    `select count(*)::int as n from customerconnect.${table} where tenant_id = $1 and ${where}`,
    [acme],
  );
  return rows[0].n as number;
};

describe('the CustomerConnect demo of Acme', () => {
  it('has a few hundred companies and contacts, every email unique', async () => {
    expect(await count('companies')).toBe(300);
    expect(await count('contacts')).toBe(420);
    expect(await count('contact_emails')).toBe(420);
  });

  it('has leads in every status, the converted ones linked to what they became', async () => {
    const { rows } = await platform.db.query(
      `select status, count(*)::int as n, count(converted_contact_id)::int as linked
         from customerconnect.leads where tenant_id = $1 group by status order by status`,
      [acme],
    );
    expect(rows.map((row) => row.status)).toEqual([
      'contacted',
      'converted',
      'new',
      'qualified',
      'unqualified',
    ]);
    const converted = rows.find((row) => row.status === 'converted');
    expect(converted.linked).toBe(converted.n);
  });

  it('has two pipelines with deals in every stage and a quarter of stage history', async () => {
    const { rows: empty } = await platform.db.query(
      `select s.name from customerconnect.stages s
        where s.tenant_id = $1
          and not exists (select 1 from customerconnect.opportunities o where o.tenant_id = s.tenant_id and o.stage_id = s.id)`,
      [acme],
    );
    const { rows: span } = await platform.db.query(
      `select extract(day from now() - min(changed_at))::int as days from customerconnect.stage_history where tenant_id = $1`,
      [acme],
    );

    expect(await count('pipelines')).toBe(2);
    expect(empty).toEqual([]);
    expect(span[0].days).toBeGreaterThanOrEqual(60);
  });

  it('gives Sofia a team she manages and scores leads by the seeded rules', async () => {
    const { rows } = await platform.db.query(
      `select t.name, m.role from customerconnect.team_members m
         join customerconnect.teams t on t.tenant_id = m.tenant_id and t.id = m.team_id
        where m.tenant_id = $1 and m.user_id = $2`,
      [acme, sofia.userId],
    );

    expect(rows).toEqual([{ name: 'West', role: 'manager' }]);
    expect(await count('leads', `source = 'referral' and score < 20`)).toBe(0);
  });
});
