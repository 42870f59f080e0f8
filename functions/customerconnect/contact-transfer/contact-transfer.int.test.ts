import { type Session, startTestPlatform, type TestPlatform } from '@halooid/local/testing/test-platform';
import { parseCsv } from '@halooid/shared/http/csv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let platform: TestPlatform;
let member: Session;
let admin: Session;
let viewer: Session;
let acme = '';

const run = Math.random().toString(36).slice(2, 8);
const email = (name: string) => `${name}.${run}@example.com`;

beforeAll(async () => {
  platform = await startTestPlatform();
  [member, admin, viewer] = await Promise.all([
    platform.login('member@acme.example'),
    platform.login('admin@acme.example'),
    platform.login('viewer@acme.example'),
  ]);
  acme = admin.tenants.find((tenant) => tenant.slug === 'acme')?.id ?? '';
});

afterAll(async () => {
  await platform?.stop();
});

const importCsv = (as: Session, body: unknown, query = '') =>
  platform.request('POST', `/v1/customerconnect/contacts/import${query}`, {
    headers: as.headers('acme'),
    body,
  });
const csvLine = (cells: string[]) => cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',');

describe('contact import and export', () => {
  it('imports 5,000 contacts in one request: duplicates skipped with their match, bad rows reported by number, an update pass changes only the matches', async () => {
    const existing = await platform.request('POST', '/v1/customerconnect/contacts', {
      headers: member.headers('acme'),
      body: { lastName: 'Already Here', emails: [{ email: email('existing') }] },
    });
    const tag = `imp${run}`;
    // HubSpot-like headers; "Correo" is mapped explicitly, the others by their usual names.
    const lines = [
      csvLine(['First Name', 'Last Name', 'Correo', 'Phone Number', 'Lifecycle Stage', 'Tags', 'Record ID']),
    ];
    const expected = { skipped: new Map<number, string>(), failed: new Map<number, string>() };
    for (let i = 0; i < 5_000; i++) {
      const row = i + 2;
      if (i === 10) {
        lines.push(csvLine(['Dup', 'Of Existing', email('EXISTING'), '', '', tag, String(i)]));
        expected.skipped.set(row, 'existing');
      } else if (i > 0 && i % 1000 === 0) {
        // The same person as row 2 of the file.
        lines.push(csvLine(['Again', 'Person0', email('person0'), '', '', tag, String(i)]));
        expected.skipped.set(row, 'row2');
      } else if (i === 20) {
        lines.push(csvLine(['No', '', email(`person${i}`), '', '', tag, String(i)]));
        expected.failed.set(row, 'Last Name');
      } else if (i === 30) {
        lines.push(csvLine(['Bad', 'Email', 'not-an-email', '', '', tag, String(i)]));
        expected.failed.set(row, 'Correo');
      } else if (i === 40) {
        lines.push(csvLine(['Bad', 'Stage', email(`person${i}`), '', 'Friend', tag, String(i)]));
        expected.failed.set(row, 'Lifecycle Stage');
      } else {
        lines.push(
          csvLine([
            `Given${i}`,
            `Person${i}`,
            email(`person${i}`),
            `+1 555 01${String(i).padStart(4, '0')}`,
            i % 2 ? 'Marketing Qualified Lead' : 'customer',
            tag,
            String(i),
          ]),
        );
      }
    }
    const csv = `${lines.join('\r\n')}\r\n`;
    const body = { csv, mapping: { Correo: 'email' } };
    // 5,000 rows fit the 1 MB body limit as JSON (the wizard's format).
    expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThan(1024 * 1024);

    const started = Date.now();
    const first = await importCsv(member, body);
    const seconds = (Date.now() - started) / 1000;

    expect(first.status, JSON.stringify(first.body).slice(0, 500)).toBe(200);
    console.info(`import of 5,000 contacts: ${seconds.toFixed(1)} s, ${Buffer.byteLength(csv)} bytes of CSV`);
    expect(first.body.imported).toBe(5_000 - expected.skipped.size - expected.failed.size);
    expect(first.body.updated).toBe(0);
    expect(first.body.ignoredColumns).toEqual(['Record ID']);
    const { rows: row2 } = await platform.db.query(
      `select contact_id from customerconnect.contact_emails where tenant_id = $1 and email = $2`,
      [acme, email('person0')],
    );
    expect(first.body.skipped).toEqual(
      [...expected.skipped].map(([row, match]) => ({
        row,
        matchedId: match === 'existing' ? existing.body.id : row2[0].contact_id,
      })),
    );
    expect(
      first.body.failed.map((failure: { row: number; errors: { column: string }[] }) => [
        failure.row,
        failure.errors[0]?.column,
      ]),
    ).toEqual([...expected.failed]);
    const { rows: counts } = await platform.db.query(
      `select count(*)::int as contacts, count(*) filter (where lifecycle_stage = 'marketing_qualified')::int as mql
         from customerconnect.contacts where tenant_id = $1 and $2 = any(tags)`,
      [acme, tag],
    );
    expect(counts[0].contacts).toBe(first.body.imported);
    expect(counts[0].mql).toBeGreaterThan(2_000);
    const { rows: owned } = await platform.db.query(
      `select distinct owner_id from customerconnect.contacts where tenant_id = $1 and $2 = any(tags)`,
      [acme, tag],
    );
    expect(owned).toEqual([{ owner_id: member.userId }]);

    // Second pass, as text/csv with the query form: three matches change, one new row, nothing else moves.
    const update = [
      csvLine(['Last Name', 'Email', 'Title']),
      csvLine(['Person1', email('PERSON1'), 'CEO']),
      csvLine(['Person2', email('person2'), 'CEO']),
      csvLine(['', email('existing'), 'CEO']),
      csvLine(['Newcomer', email('newcomer'), 'CEO']),
    ].join('\r\n');
    const second = await platform.request('POST', '/v1/customerconnect/contacts/import?dedupe=update', {
      headers: { ...member.headers('acme'), 'content-type': 'text/csv' },
      rawBody: update,
    });

    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body).toMatchObject({ imported: 1, updated: 3, skipped: [], failed: [] });
    const { rows: ceos } = await platform.db.query(
      `select c.last_name from customerconnect.contacts c where c.tenant_id = $1 and c.title = 'CEO'
          and exists (select 1 from customerconnect.contact_emails e where e.contact_id = c.id and e.email like $2)
        order by c.last_name`,
      [acme, `%.${run}@example.com`],
    );
    expect(ceos.map((row) => row.last_name)).toEqual(['Already Here', 'Newcomer', 'Person1', 'Person2']);
    const { rows: person3 } = await platform.db.query(
      `select title, version from customerconnect.contacts c where c.tenant_id = $1 and c.last_name = 'Person3'
          and $2 = any(c.tags)`,
      [acme, tag],
    );
    expect(person3).toEqual([{ title: null, version: 1 }]);
    const updates = await platform.db.query(
      `select count(*)::int as n from platform.outbox where type = 'contact.updated'
         and envelope->'data'->'contact'->>'id' = $1`,
      [existing.body.id],
    );
    expect(updates.rows[0].n).toBe(1);
  }, 240_000);

  it('answers 400 for a file without a last-name column, a mapping to an unknown field or to a missing column', async () => {
    const noLastName = await importCsv(member, { csv: 'First Name,Email\r\nAda,a@example.com\r\n' });
    const unknownField = await importCsv(member, { csv: 'Name\r\nAda\r\n', mapping: { Name: 'shoeSize' } });
    const missingColumn = await importCsv(member, {
      csv: 'Last Name\r\nAda\r\n',
      mapping: { Nope: 'email' },
    });
    const twice = await importCsv(member, { csv: 'Last Name\r\nAda\r\n', dedupe: 'skip' }, '?dedupe=update');
    const byViewer = await importCsv(viewer, { csv: 'Last Name\r\nAda\r\n' });

    expect(noLastName.status).toBe(400);
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors[0].field).toBe('body.mapping.Name');
    expect(missingColumn.status).toBe(400);
    expect(twice.status).toBe(400);
    expect(byViewer.status).toBe(403);
  });

  it('exports the filtered list formula-safe with company and owner, and the file imports back as skips', async () => {
    const tag = `exp${run}`;
    const { rows: company } = await platform.db.query(
      `insert into customerconnect.companies (tenant_id, id, name, domain) values ($1, gen_random_uuid(), $2, $3)
       returning id`,
      [acme, `Export Co ${run}`, `export-${run}.example`],
    );
    await platform.request('POST', '/v1/customerconnect/contacts', {
      headers: member.headers('acme'),
      body: {
        firstName: '=HYPERLINK("x")',
        lastName: 'Formula',
        companyId: company[0].id,
        emails: [{ email: email('formula') }, { email: email('formula.2') }],
        tags: [tag, 'b'],
      },
    });

    const exported = await platform.request('GET', `/v1/customerconnect/contacts/export?tag=${tag}`, {
      headers: { ...member.headers('acme'), accept: 'text/csv' },
    });

    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/csv');
    const text = exported.text.replace(/^\uFEFF/, '');
    const [header, ...records] = parseCsv(text);
    expect(records).toHaveLength(1);
    const record = Object.fromEntries((header ?? []).map((name, index) => [name, records[0]?.[index]]));
    expect(record).toMatchObject({
      'first name': `'=HYPERLINK("x")`,
      'last name': 'Formula',
      email: email('formula'),
      'other emails': email('formula.2'),
      company: `Export Co ${run}`,
      'company domain': `export-${run}.example`,
      owner: 'member@acme.example',
      tags: `${tag};b`,
    });
    const back = await importCsv(member, { csv: text });
    expect(back.body).toMatchObject({ imported: 0, skipped: [{ row: 2 }] });
    const created = await importCsv(member, { csv: text.replaceAll(run, `${run}x`), dedupe: 'create' });
    expect(created.body.failed).toEqual([
      {
        row: 2,
        errors: [{ column: 'company', message: `No company you can see is named "Export Co ${run}x".` }],
      },
    ]);
  });
});
