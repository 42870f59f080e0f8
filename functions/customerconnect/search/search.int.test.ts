import { randomUUID } from 'node:crypto';
import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { withTenantTransaction } from '@halooid/shared/db/transaction';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let member: Session;
let sofia: Session;
let ravi: Session;
let admin: Session;
let globexOwner: Session;
let acme: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  [member, sofia, ravi, admin, globexOwner] = await Promise.all([
    platform.login('member@acme.example'),
    platform.login('sales@acme.example'),
    platform.login('rep@acme.example'),
    platform.login('admin@acme.example'),
    platform.login('owner@globex.example'),
  ]);
  acme = member.tenants.find((tenant) => tenant.slug === 'acme')?.id as string;
});

afterAll(async () => {
  await platform?.stop();
});

/* Records are arranged in SQL: this suite is about search, not the record APIs. */
async function insert(table: string, columns: Record<string, unknown>): Promise<string> {
  const id = randomUUID();
  const names = ['tenant_id', 'id', ...Object.keys(columns)];
  const values = [acme, id, ...Object.values(columns)];
  await platform.db.query(
    `insert into customerconnect.${table} (${names.join(', ')}) values (${names.map((_, i) => `$${i + 1}`).join(', ')})`,
    values,
  );
  return id;
}

async function opportunity(name: string, ownerId: string | null = null): Promise<string> {
  const pipeline = await insert('pipelines', { name: `Search pipeline ${randomUUID().slice(0, 8)}` });
  const stage = await insert('stages', {
    pipeline_id: pipeline,
    name: 'Qualify',
    position: 0,
    probability: 10,
  });
  return insert('opportunities', {
    name,
    pipeline_id: pipeline,
    stage_id: stage,
    owner_id: ownerId,
    amount: '1200.50',
    currency: 'EUR',
  });
}

const search = (as: Session, query: string, tenant = 'acme') =>
  platform.request('GET', `/v1/customerconnect/search?${query}`, { headers: as.headers(tenant) });

type Hit = { type: string; id: string; title: string; subtitle: string | null; score: number };
const ids = (body: { items: Hit[] }) => body.items.map((hit) => hit.id);

describe('search', () => {
  it('finds all four objects by name, email, domain or word prefix, best first', async () => {
    const company = await insert('companies', {
      name: 'Quillfeather Industries',
      domain: 'quillfeather.example',
    });
    const contact = await insert('contacts', {
      first_name: 'Ada',
      last_name: 'Quillfeather',
      primary_email: 'ada@quillfeather.example',
      title: 'CTO',
    });
    const lead = await insert('leads', {
      first_name: 'Bo',
      last_name: 'Lamb',
      company_name: 'Quillfeather Labs',
    });
    const deal = await opportunity('Quillfeather renewal');

    const all = await search(member, 'q=quillfeather');
    const byEmail = await search(member, 'q=ada@quillfeather.example');
    const byPrefix = await search(member, 'q=quillfea');
    const onlyDeals = await search(member, 'q=quillfeather&types=opportunity');

    expect(all.status, all.text).toBe(200);
    expect(new Set(ids(all.body))).toEqual(new Set([company, contact, lead, deal]));
    expect(all.body.items.find((hit: Hit) => hit.id === contact)).toMatchObject({
      type: 'contact',
      title: 'Ada Quillfeather',
      subtitle: 'ada@quillfeather.example',
    });
    expect(all.body.items.find((hit: Hit) => hit.id === deal)).toMatchObject({
      type: 'opportunity',
      subtitle: '1200.50 EUR · open',
    });
    expect(ids(byEmail.body)[0]).toBe(contact);
    expect(new Set(ids(byPrefix.body))).toEqual(new Set([company, contact, lead, deal]));
    expect(ids(onlyDeals.body)).toEqual([deal]);
  });

  it('ranks an exact name above a fuzzy one, and forgives a typo', async () => {
    const fuzzy = await insert('companies', { name: 'Zentravox Holdings' });
    const exact = await insert('companies', { name: 'Zentravo' });

    const result = await search(member, 'q=Zentravo');
    const typo = await search(member, 'q=zentravax');

    expect(result.status).toBe(200);
    expect(ids(result.body).slice(0, 2)).toEqual([exact, fuzzy]);
    expect(result.body.items[0].score).toBeGreaterThan(result.body.items[1].score);
    expect(ids(typo.body)).toContain(fuzzy);
  });

  it('matches every word as a prefix in any order, and forgives a typo only when nothing matches precisely', async () => {
    const precise = await insert('contacts', { first_name: 'Orla', last_name: 'Quorvane' });
    const lookalike = await insert('contacts', { first_name: 'Orla', last_name: 'Quorvale' });

    const reversed = await search(member, 'q=quorv%20orl');
    const exact = await search(member, 'q=orla%20quorvane');
    const typo = await search(member, 'q=orla%20quorvano');

    expect(new Set(ids(reversed.body))).toEqual(new Set([precise, lookalike]));
    // A precise match exists: look-alikes (Quorvale) are not mixed in.
    expect(ids(exact.body)).toEqual([precise]);
    // Nothing matches "quorvano" precisely: the trigram phase finds both, the closer first.
    expect(ids(typo.body)).toEqual([precise, lookalike]);
  });

  it('finds an email by any start of it, past the @ too', async () => {
    const contact = await insert('contacts', {
      first_name: 'Tamsin',
      last_name: 'Reed',
      primary_email: 'tamsin.reed+crm@glimmerquay.example',
    });

    for (const text of ['tamsin.reed', 'tamsin.reed+crm', 'tamsin.reed+crm@glimmerq']) {
      const found = await search(member, `q=${encodeURIComponent(text)}`);
      expect(ids(found.body), text).toEqual([contact]);
    }
  });

  it('skips merged-away records and other tenants', async () => {
    const survivor = await insert('companies', { name: 'Marrowby Survivor' });
    await insert('companies', { name: 'Marrowby Loser', merged_into: survivor });

    const mine = await search(member, 'q=marrowby');
    const globex = await search(globexOwner, 'q=marrowby', 'globex');

    expect(ids(mine.body)).toEqual([survivor]);
    expect(globex.status).toBe(200);
    expect(globex.body.items).toEqual([]);
  });

  it('shows a rep with visibility `own` only their records; an admin sees all', async () => {
    const sofias = await insert('contacts', { last_name: 'Brightwater', owner_id: sofia.userId });
    const ravis = await insert('contacts', { last_name: 'Brightwaters', owner_id: ravi.userId });
    const ravisLead = await insert('leads', { last_name: 'Brightwater', owner_id: ravi.userId });
    await platform.db.query(
      `insert into customerconnect.settings (tenant_id, contact_visibility, lead_visibility) values ($1, 'own', 'own')
       on conflict (tenant_id) do update set contact_visibility = 'own', lead_visibility = 'own'`,
      [acme],
    );
    try {
      const asRavi = await search(ravi, 'q=brightwater');
      const asSofia = await search(sofia, 'q=brightwater');
      const asAdmin = await search(admin, 'q=brightwater');

      expect(asRavi.status).toBe(200);
      expect(new Set(ids(asRavi.body))).toEqual(new Set([ravis, ravisLead]));
      expect(ids(asSofia.body)).toEqual([sofias]);
      expect(new Set(ids(asAdmin.body))).toEqual(new Set([sofias, ravis, ravisLead]));
    } finally {
      await platform.db.query(
        `update customerconnect.settings set contact_visibility = 'all', lead_visibility = 'all' where tenant_id = $1`,
        [acme],
      );
    }
  });

  it('runs the index phase only inside the current tenant (the security-definer function takes no tenant)', async () => {
    const id = await insert('companies', { name: 'Vantablack Widgets' });
    const globex = globexOwner.tenants.find((tenant) => tenant.slug === 'globex')?.id as string;
    const candidates = (tenantId?: string) =>
      withTenantTransaction(tenantId ? { tenantId } : {}, async (tx) => {
        const { rows } = await tx.query<{ record_id: string }>(
          `select record_id from customerconnect.search_candidates('vantablack', 'vantablack%', null, array['company'], 10)`,
        );
        return rows.map((row) => row.record_id);
      });

    expect(await candidates(acme)).toEqual([id]);
    expect(await candidates(globex)).toEqual([]);
    expect(await candidates()).toEqual([]);
  });

  it('treats wildcards and tsquery syntax as text, and answers 400 for bad input', async () => {
    const odd = await search(member, `q=${encodeURIComponent("%_' & | !(x):*")}`);
    const short = await search(member, 'q=a');
    const missing = await search(member, '');
    const badType = await search(member, 'q=acme&types=invoice');
    const bigLimit = await search(member, 'q=acme&limit=51');
    const unknown = await search(member, 'q=acme&page=2');

    expect(odd.status).toBe(200);
    expect(short.status).toBe(400);
    expect(short.body.errors[0].field).toBe('query.q');
    expect(missing.status).toBe(400);
    expect(badType.status).toBe(400);
    expect(bigLimit.status).toBe(400);
    expect(unknown.status).toBe(400);
  });
});
