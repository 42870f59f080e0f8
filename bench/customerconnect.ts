import { randomUUID } from 'node:crypto';
import { encodeGrants } from '@halooid/shared/auth/principal';
import type pg from 'pg';
import { bulkLoad } from './bulk-load';
import {
  fixedId,
  fixedIdSql,
  type GetArgs,
  type Handler,
  handlerOf,
  inProcessGet,
  versusLookup,
} from './in-process';
import type { BenchPlatform } from './platform';
import { type Section, table } from './report';
import { measureInterleaved } from './stats';

export interface CustomerConnectSizes {
  contacts: number;
  opportunities: number;
}

const FIRST = [
  'Amelia',
  'Benjamin',
  'Chloe',
  'Daniel',
  'Elena',
  'Felix',
  'Grace',
  'Henry',
  'Isla',
  'Jack',
  'Keira',
  'Liam',
  'Mia',
  'Noah',
  'Olivia',
  'Priya',
  'Rosa',
  'Samuel',
  'Tara',
  'Umar',
];
/** Surnames built from syllables: 16 × 10 × 3 = 480 of them, so 9,600 distinct names repeat about 100 times in 1M. */
const SURNAME_HEADS = [
  'Bar',
  'Cal',
  'Den',
  'Fol',
  'Gar',
  'Hen',
  'Kin',
  'Lor',
  'Mar',
  'Nor',
  'Pel',
  'Ros',
  'Sal',
  'Tor',
  'Val',
  'Wes',
];
const SURNAME_MIDS = ['by', 'dale', 'ford', 'ham', 'ley', 'man', 'ton', 'well', 'wood', 'worth'];
const SURNAME_TAILS = ['', 's', 'er'];
const DISTINCT_NAMES = FIRST.length * SURNAME_HEADS.length * SURNAME_MIDS.length * SURNAME_TAILS.length;
const firstSql = (g: string) => `($2::text[])[1 + ${g} % 20]`;
const lastSql = (g: string) =>
  `($3::text[])[1 + (${g} / 20) % 16] || ($6::text[])[1 + (${g} / 320) % 10] || ($7::text[])[1 + (${g} / 3200) % 3]`;
/** Contact g (1-based) has a fixed id, so the lookup can name one without reading it back. */
const contactIdSql = fixedIdSql;
const contactId = fixedId;
const OWNERS = 20;
const CURRENCIES = ['USD', 'EUR', 'GBP'];

/**
 * CustomerConnect at scale: search across the CRM (full text + trigram over
 * names and emails) in a tenant with 1M contacts, and the forecast (sums of
 * amount × probability per owner and currency) over 100k opportunities, each
 * beside a plain indexed lookup (GET one contact by id) through the same
 * stack: the real handlers in process, the kernel, the tenant transaction,
 * the SQL. A rep with visibility `own` is measured too: the row scope is in
 * the SQL, and it must not turn search into a scan.
 */
export async function benchCustomerConnect(options: {
  quick: boolean;
  bench: BenchPlatform;
  sizes: CustomerConnectSizes;
}): Promise<Section> {
  const started = performance.now();
  const { bench, sizes } = options;
  const iterations = options.quick ? 40 : 200;
  const warmup = options.quick ? 10 : 30;
  const tenantId = randomUUID();
  const owners = Array.from({ length: OWNERS }, () => randomUUID());
  const load = await loadTenant(bench.admin, tenantId, owners, sizes);

  const handlers = {
    contacts: await handlerOf('customerconnect', 'contacts'),
    search: await handlerOf('customerconnect', 'search'),
    forecast: await handlerOf('customerconnect', 'forecast'),
  };
  const context = (grants: string[], principalId: string) => ({
    tenantId,
    principalId,
    principalType: 'user',
    grants: encodeGrants(grants),
    tier: 'pro',
  });
  const admin = context(['customerconnect:*:*'], randomUUID());
  const rep = context(['customerconnect:*:read'], owners[0] as string);
  const call = (handler: Handler, authorizer: ReturnType<typeof context>, ...get: GetArgs) =>
    inProcessGet('customerconnect-bench', handler, authorizer, ...get);
  const someone = contactId(Math.floor(sizes.contacts / 2));
  const hits = (body: unknown) => {
    const items = (body as { items?: unknown[] }).items;
    return Array.isArray(items) && items.length > 0;
  };
  const period = quarterOf(new Date());
  // What people type: a full name and an email's local part of existing contacts (one the rep owns).
  const named = await nameOf(bench.admin, Math.floor(sizes.contacts / 2) + 3);
  const owned = await nameOf(bench.admin, 20 * Math.floor(sizes.contacts / 40));
  const search = (text: string) => `/v1/customerconnect/search?q=${encodeURIComponent(text)}&limit=20`;
  const grouped = (body: unknown) => JSON.stringify(body).includes('"weighted');
  const timings = await measureInterleaved(
    {
      lookup: call(
        handlers.contacts,
        admin,
        `/v1/customerconnect/contacts/${someone}`,
        '/v1/customerconnect/contacts/{contactId}',
        { contactId: someone },
        (body) => (body as { id?: string }).id === someone,
      ),
      searchName: call(handlers.search, admin, search(named.name), '/v1/customerconnect/search', null, hits),
      searchEmail: call(
        handlers.search,
        admin,
        search(named.local),
        '/v1/customerconnect/search',
        null,
        hits,
      ),
      searchOwn: call(handlers.search, rep, search(owned.name), '/v1/customerconnect/search', null, hits),
      forecast: call(
        handlers.forecast,
        admin,
        `/v1/customerconnect/forecast?period=${period}&groupBy=owner`,
        '/v1/customerconnect/forecast',
        null,
        grouped,
      ),
    },
    { iterations, warmup },
  );

  const { results, ratioTo, row } = versusLookup('customerconnect', timings.lookup);
  const contacts = sizes.contacts.toLocaleString('en');
  const deals = sizes.opportunities.toLocaleString('en');
  ratioTo('search.name', timings.searchName, {
    text: `search by name over ${contacts} contacts within 20× of one lookup`,
    max: 20,
  });
  ratioTo('search.email', timings.searchEmail, {
    text: `search by email over ${contacts} contacts within 20× of one lookup`,
    max: 20,
  });
  ratioTo('search.own', timings.searchOwn, {
    text: 'search as a rep with visibility `own` within 20× of one lookup',
    max: 20,
  });
  ratioTo('forecast.owner', timings.forecast, {
    text: `forecast of a quarter over ${deals} opportunities within 20× of one lookup`,
    max: 20,
  });

  return {
    key: 'customerconnect',
    title: 'CustomerConnect at scale',
    conditions: [
      `one tenant with ${contacts} contacts (${DISTINCT_NAMES.toLocaleString('en')} distinct names, unique emails, owned by ${OWNERS} reps) and ${deals} opportunities over ${load.quarters} quarters in 3 currencies`,
      `through the customerconnect-contacts, -search and -forecast handlers in process; the admin with customerconnect:*:* (no row scope) and a rep with customerconnect:*:read under visibility \`own\`; ${iterations} calls per figure after ${warmup} warm-up, interleaved`,
      `rows generated in SQL (insert … select generate_series) as the database owner: ${load.seconds.toFixed(1)} s`,
    ],
    body: [
      table(
        ['request', 'p50', 'p99', '÷ lookup p50'],
        [
          row('GET /contacts/{id} (the indexed lookup)', timings.lookup),
          row(`GET /search?q=${named.name} (name, all objects)`, timings.searchName),
          row(`GET /search?q=${named.local} (email)`, timings.searchEmail),
          row(`GET /search?q=${owned.name} as a rep, visibility own`, timings.searchOwn),
          row(`GET /forecast?period=${period}&groupBy=owner`, timings.forecast),
        ],
      ),
    ],
    results,
    seconds: (performance.now() - started) / 1000,
  };
}

async function nameOf(admin: pg.Pool, g: number): Promise<{ name: string; local: string }> {
  const { rows } = await admin.query<{ name: string; local: string }>(
    `select lower(first_name || ' ' || last_name) as name, split_part(primary_email, '@', 1) as local
       from customerconnect.contacts where id = $1`,
    [contactId(g)],
  );
  if (!rows[0]) throw new Error(`No bench contact ${g}`);
  return rows[0];
}

function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** The measured tenant's rows, generated in SQL in one transaction, then analyzed. */
async function loadTenant(
  admin: pg.Pool,
  tenantId: string,
  owners: readonly string[],
  sizes: CustomerConnectSizes,
): Promise<{ seconds: number; quarters: number }> {
  const quarters = 4;
  const seconds = await bulkLoad(
    admin,
    { schema: 'customerconnect', tables: ['contacts', 'contact_emails', 'opportunities'] },
    async (client) => {
      await client.query(
        `insert into customerconnect.settings (tenant_id, contact_visibility, company_visibility, lead_visibility, opportunity_visibility)
       values ($1, 'own', 'own', 'own', 'own')`,
        [tenantId],
      );
      await client.query(
        `insert into customerconnect.contacts (tenant_id, id, first_name, last_name, primary_email, owner_id, created_at)
       select $1, ${contactIdSql('g')}, ${firstSql('g')}, ${lastSql('g')},
              lower(${firstSql('g')} || '.' || ${lastSql('g')} || g || '@example.com'),
              ($4::uuid[])[1 + g % ${OWNERS}], now() - make_interval(secs => g)
         from generate_series(1, $5::int) g`,
        [tenantId, FIRST, SURNAME_HEADS, owners, sizes.contacts, SURNAME_MIDS, SURNAME_TAILS],
      );
      await client.query(
        `insert into customerconnect.contact_emails (tenant_id, contact_id, email, is_primary)
       select tenant_id, id, primary_email, true from customerconnect.contacts where tenant_id = $1`,
        [tenantId],
      );
      const pipelineId = randomUUID();
      await client.query(
        `insert into customerconnect.pipelines (tenant_id, id, name, is_default) values ($1, $2, 'Bench', true)`,
        [tenantId, pipelineId],
      );
      const stageIds = Array.from({ length: 6 }, () => randomUUID());
      await client.query(
        `insert into customerconnect.stages (tenant_id, id, pipeline_id, name, position, probability, kind)
       select $1, s.id, $2, 'Stage ' || s.n, s.n, (array[10, 25, 50, 75, 100, 0])[s.n],
              (array['open', 'open', 'open', 'open', 'won', 'lost'])[s.n]
         from unnest($3::uuid[]) with ordinality s(id, n)`,
        [tenantId, pipelineId, stageIds],
      );
      // Deals close across four quarters around today; one in six is won, one in six lost.
      await client.query(
        `insert into customerconnect.opportunities
         (tenant_id, id, name, pipeline_id, stage_id, status, amount, currency, expected_close_date, owner_id, rank, closed_at)
       select $1, gen_random_uuid(), 'Deal ' || g, $2, ($3::uuid[])[1 + g % 6],
              (array['open', 'open', 'open', 'open', 'won', 'lost'])[1 + g % 6],
              (1000 + (g * 37) % 99000) + ((g % 100) / 100.0), ($4::text[])[1 + g % 3],
              current_date - 180 + (g % 365), ($5::uuid[])[1 + g % ${OWNERS}], g,
              case when g % 6 >= 4 then now() end
         from generate_series(1, $6::int) g`,
        [tenantId, pipelineId, stageIds, CURRENCIES, owners, sizes.opportunities],
      );
    },
  );
  return { seconds, quarters };
}
