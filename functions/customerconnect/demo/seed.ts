import type { Tx } from '@halooid/shared/db/transaction';
import { rowsInserter } from '@halooid/shared/demo-rows';
import { uuidv7 } from '@halooid/shared/ids';
import type { DemoSeeder, DemoTenantContext } from '@halooid/shared/product';
import { generateCrm } from './generate';

/**
 * CustomerConnect's demo seeder (product.ts `demoSeed`): Acme's CRM. Two
 * sales teams (Sofia Sales manages West with Ravi Rep; Maya Member runs
 * East), custom fields on every object, scoring and assignment rules, 300
 * companies and 420 contacts, leads in every status, two pipelines with deals
 * in every stage and a quarter of stage history, and activities on them.
 * Each table is written in one statement from JSON rows (jsonb_to_recordset):
 * a few hundred rows cost a few round trips, not a few thousand.
 */
export const seedDemo: DemoSeeder = async (tx, tenant) => {
  if (tenant.slug !== 'acme') return;
  await seedCrm(tx, tenant, new Date());
};

const userOf = (tenant: DemoTenantContext, email: string) =>
  tenant.users.find((user) => user.email === email)?.id;

export async function seedCrm(tx: Tx, tenant: DemoTenantContext, today: Date): Promise<void> {
  const insertRows = rowsInserter(tx, 'customerconnect', tenant.tenantId);
  const sofia = userOf(tenant, 'sales@acme.example');
  const ravi = userOf(tenant, 'rep@acme.example');
  const maya = userOf(tenant, 'member@acme.example');
  const owners = [sofia, ravi, maya].filter((id): id is string => id !== undefined);
  if (owners.length === 0) return;

  await tx.query(
    `insert into customerconnect.settings (tenant_id, fields_version) values ($1, 1)
     on conflict (tenant_id) do update set fields_version = customerconnect.settings.fields_version + 1`,
    [tenant.tenantId],
  );
  const west = uuidv7();
  const east = uuidv7();
  await insertRows('teams', 'id uuid, name text, territories text[]', [
    { id: west, name: 'West', territories: ['US-West', 'Canada'] },
    { id: east, name: 'East', territories: ['US-East', 'Europe'] },
  ]);
  await insertRows(
    'team_members',
    'team_id uuid, user_id uuid, role text',
    [
      sofia && { team_id: west, user_id: sofia, role: 'manager' },
      ravi && { team_id: west, user_id: ravi, role: 'rep' },
      maya && { team_id: east, user_id: maya, role: 'manager' },
    ].filter(Boolean) as object[],
  );
  await insertRows(
    'field_definitions',
    'id uuid, object text, key text, label text, type text, options jsonb, position int',
    [
      {
        id: uuidv7(),
        object: 'company',
        key: 'tier',
        label: 'Account tier',
        type: 'select',
        options: ['Strategic', 'Key', 'Standard'],
        position: 0,
      },
      {
        id: uuidv7(),
        object: 'contact',
        key: 'preferredChannel',
        label: 'Preferred channel',
        type: 'select',
        options: ['email', 'phone', 'linkedin'],
        position: 0,
      },
      {
        id: uuidv7(),
        object: 'lead',
        key: 'budget',
        label: 'Budget',
        type: 'currency',
        options: [],
        position: 0,
      },
      {
        id: uuidv7(),
        object: 'opportunity',
        key: 'contractMonths',
        label: 'Contract length (months)',
        type: 'number',
        options: [],
        position: 0,
      },
    ],
  );
  await insertRows(
    'lead_scoring_rules',
    'id uuid, kind text, field text, value text, activity_type text, points int',
    [
      { id: uuidv7(), kind: 'field', field: 'source', value: 'referral', points: 20 },
      { id: uuidv7(), kind: 'field', field: 'source', value: 'event', points: 10 },
      { id: uuidv7(), kind: 'field', field: 'title', value: null, points: 5 },
      { id: uuidv7(), kind: 'activity', activity_type: 'call', points: 10 },
      { id: uuidv7(), kind: 'activity', activity_type: 'meeting', points: 15 },
    ],
  );
  await insertRows('assignment_rules', 'id uuid, name text, kind text, team_id uuid, position int', [
    { id: uuidv7(), name: 'West territories', kind: 'territory', team_id: west, position: 0 },
    {
      id: uuidv7(),
      name: 'Everyone else: East round-robin',
      kind: 'round_robin',
      team_id: east,
      position: 1,
    },
  ]);

  const crm = generateCrm(today, { newId: uuidv7, owners });
  await insertRows(
    'companies',
    'id uuid, name text, domain text, industry text, size text, address jsonb, owner_id uuid, tags text[], custom jsonb, created_at timestamptz',
    crm.companies.map(({ territory: _territory, ...company }) => ({
      ...company,
      created_by: company.owner_id,
    })),
  );
  await insertRows(
    'contacts',
    'id uuid, first_name text, last_name text, title text, company_id uuid, primary_email text, phones jsonb, lifecycle_stage text, do_not_contact boolean, owner_id uuid, tags text[], custom jsonb, created_at timestamptz',
    crm.contacts,
  );
  await insertRows(
    'contact_emails',
    'contact_id uuid, email text, label text, is_primary boolean, position int',
    crm.emails,
  );
  await insertRows(
    'leads',
    'id uuid, first_name text, last_name text, email text, company_name text, title text, source text, status text, territory text, owner_id uuid, custom jsonb, converted_at timestamptz, converted_contact_id uuid, converted_company_id uuid, created_at timestamptz',
    crm.leads,
  );
  for (const pipeline of crm.pipelines) {
    await insertRows('pipelines', 'id uuid, name text, is_default boolean', [pipeline]);
    await insertRows(
      'stages',
      'id uuid, pipeline_id uuid, name text, position int, probability numeric, kind text',
      pipeline.stages.map((stage) => ({ ...stage, pipeline_id: pipeline.id })),
    );
  }
  await insertRows(
    'opportunities',
    'id uuid, name text, pipeline_id uuid, stage_id uuid, status text, amount numeric, currency text, expected_close_date date, owner_id uuid, company_id uuid, rank numeric, stage_entered_at timestamptz, closed_at timestamptz, close_reason text, custom jsonb, created_at timestamptz',
    crm.opportunities,
  );
  const dealId = (index: number) => crm.opportunities[index]?.id;
  await insertRows(
    'opportunity_contacts',
    'opportunity_id uuid, contact_id uuid, role text',
    crm.opportunityContacts.map(({ opportunity_index, ...row }) => ({
      ...row,
      opportunity_id: dealId(opportunity_index),
    })),
  );
  await insertRows(
    'stage_history',
    'id uuid, opportunity_id uuid, from_stage_id uuid, to_stage_id uuid, changed_by uuid, changed_at timestamptz, seconds_in_from_stage bigint',
    crm.stageHistory.map(({ opportunity_index, ...row }) => ({
      ...row,
      opportunity_id: dealId(opportunity_index),
    })),
  );
  await insertRows(
    'activities',
    'id uuid, type text, subject text, body text, occurred_at timestamptz, duration_minutes int, outcome text, done boolean, assignee_id uuid, created_by uuid, created_at timestamptz',
    crm.activities,
  );
  await insertRows('activity_links', 'activity_id uuid, record_type text, record_id uuid', crm.links);
  await scoreLeads(tx, tenant.tenantId);
}

/**
 * The seeded leads' scores under the seeded rules: field rules on plain
 * columns and activity rules counting linked activities, in one statement.
 */
async function scoreLeads(tx: Tx, tenantId: string): Promise<void> {
  await tx.query(
    `update customerconnect.leads l set score = coalesce((
       select sum(r.points) from customerconnect.lead_scoring_rules r
        where r.tenant_id = l.tenant_id and r.kind = 'field'
          and ((r.field = 'source' and r.value = l.source) or (r.field = 'title' and r.value is null and l.title is not null))
     ), 0) + coalesce((
       select sum(r.points) from customerconnect.lead_scoring_rules r
         join customerconnect.activity_links al on al.tenant_id = r.tenant_id and al.record_type = 'lead' and al.record_id = l.id
         join customerconnect.activities a on a.tenant_id = al.tenant_id and a.id = al.activity_id and a.type = r.activity_type
        where r.tenant_id = l.tenant_id and r.kind = 'activity'
     ), 0)
     where l.tenant_id = $1`,
    [tenantId],
  );
}
