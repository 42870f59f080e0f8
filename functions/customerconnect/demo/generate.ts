import { seededRandom } from '@halooid/shared/demo-rows';
import {
  ACTIVITY_SUBJECTS,
  CITIES,
  COMPANY_PREFIXES,
  COMPANY_SIZES,
  COMPANY_SUFFIXES,
  CURRENCIES,
  DEAL_PRODUCTS,
  DEMO_PIPELINES,
  FIRST_NAMES,
  INDUSTRY_OF_SUFFIX,
  LAST_NAMES,
  LEAD_SOURCES,
  LEAD_STATUSES,
  LIFECYCLE_STAGES,
  LOST_REASONS,
  TITLES,
  WON_REASONS,
} from './data';

/**
 * Builds Acme's CRM as plain rows (no I/O), so the seed writes each table in
 * one statement and the shape can be checked without a database. Random but
 * repeatable: a seeded generator, and dates relative to `today` so the demo
 * always shows a current quarter with a quarter of history behind it.
 */
export interface DemoIds {
  newId: () => string;
  /** Sales people who own records, in the order records are dealt out. */
  owners: readonly string[];
}

const DAY = 86_400_000;
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

export const DEMO_COUNTS = {
  companies: 300,
  contacts: 420,
  leads: 125,
  opportunities: 160,
  activities: 360,
} as const;

export function generateCrm(today: Date, ids: DemoIds) {
  const random = seededRandom(20261206);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const owner = (index: number) => ids.owners[index % ids.owners.length] as string;
  const daysAgo = (days: number) => new Date(today.getTime() - days * DAY - Math.floor(random() * DAY));
  const day = (date: Date) => date.toISOString().slice(0, 10);

  const companies = [];
  for (let index = 0; index < DEMO_COUNTS.companies; index += 1) {
    const prefix = COMPANY_PREFIXES[index % COMPANY_PREFIXES.length] as string;
    const suffix = COMPANY_SUFFIXES[
      Math.floor(index / COMPANY_PREFIXES.length) % COMPANY_SUFFIXES.length
    ] as (typeof COMPANY_SUFFIXES)[number];
    const place = pick(CITIES);
    const created = daysAgo(20 + Math.floor(random() * 300));
    companies.push({
      id: ids.newId(),
      name: `${prefix} ${suffix}`,
      domain: `${slug(prefix)}${slug(suffix)}.example`,
      industry: INDUSTRY_OF_SUFFIX[suffix],
      size: pick(COMPANY_SIZES),
      address: { city: place.city, region: place.region, country: place.country },
      territory: place.territory,
      owner_id: owner(index),
      tags: random() < 0.3 ? ['partner-referred'] : random() < 0.2 ? ['enterprise'] : [],
      custom: { tier: random() < 0.15 ? 'Strategic' : random() < 0.4 ? 'Key' : 'Standard' },
      created_at: created.toISOString(),
    });
  }

  const usedEmails = new Set<string>();
  const contacts = [];
  const emails = [];
  for (let index = 0; index < DEMO_COUNTS.contacts; index += 1) {
    const company = companies[index % companies.length] as (typeof companies)[number];
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    let email = `${slug(first)}.${slug(last)}@${company.domain}`;
    for (let n = 2; usedEmails.has(email); n += 1)
      email = `${slug(first)}.${slug(last)}${n}@${company.domain}`;
    usedEmails.add(email);
    const id = ids.newId();
    contacts.push({
      id,
      first_name: first,
      last_name: last,
      title: pick(TITLES),
      company_id: company.id,
      primary_email: email,
      phones: [
        { number: `+1 555 01${String(index).padStart(2, '0').slice(-2)}`, label: 'work', primary: true },
      ],
      lifecycle_stage: pick(LIFECYCLE_STAGES),
      do_not_contact: random() < 0.04,
      owner_id: company.owner_id,
      tags: [],
      custom: { preferredChannel: pick(['email', 'phone', 'linkedin'] as const) },
      created_at: new Date(Date.parse(company.created_at) + Math.floor(random() * 10) * DAY).toISOString(),
    });
    emails.push({ contact_id: id, email, label: 'work', is_primary: true, position: 0 });
  }

  const leads = [];
  for (let index = 0; index < DEMO_COUNTS.leads; index += 1) {
    const status = LEAD_STATUSES[index % LEAD_STATUSES.length] as (typeof LEAD_STATUSES)[number];
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const place = pick(CITIES);
    const converted = status === 'converted' ? (contacts[index] as (typeof contacts)[number]) : undefined;
    const companyName = converted
      ? (companies.find((company) => company.id === converted.company_id)?.name ?? null)
      : `${pick(COMPANY_PREFIXES)} ${pick(['Group', 'Partners', 'Holdings', 'Works'])}`;
    const created = daysAgo(Math.floor(random() * 90));
    leads.push({
      id: ids.newId(),
      first_name: converted?.first_name ?? first,
      last_name: converted?.last_name ?? last,
      email:
        converted?.primary_email ??
        `${slug(first)}.${slug(last)}${index}@${slug(companyName ?? 'mail')}.example`,
      company_name: companyName,
      title: pick(TITLES),
      source: pick(LEAD_SOURCES),
      status,
      territory: place.territory,
      owner_id: index % 9 === 0 && status === 'new' ? null : owner(index),
      custom:
        random() < 0.5
          ? { budget: { amount: `${(5 + Math.floor(random() * 95)) * 1000}.00`, currency: 'USD' } }
          : {},
      converted_at: converted ? new Date(created.getTime() + 3 * DAY).toISOString() : null,
      converted_contact_id: converted?.id ?? null,
      converted_company_id: converted?.company_id ?? null,
      created_at: created.toISOString(),
    });
  }

  const pipelines = DEMO_PIPELINES.map((pipeline) => ({
    id: ids.newId(),
    name: pipeline.name,
    is_default: pipeline.isDefault,
    stages: pipeline.stages.map((stage, position) => ({ id: ids.newId(), position, ...stage })),
  }));

  const opportunities = [];
  const dealsIn = new Map<string, number>();
  const opportunityContacts = [];
  const stageHistory: {
    id: string;
    opportunity_index: number;
    from_stage_id: string | null;
    to_stage_id: string;
    changed_by: string;
    changed_at: string;
    seconds_in_from_stage: number | null;
  }[] = [];
  for (let index = 0; index < DEMO_COUNTS.opportunities; index += 1) {
    const pipeline = (index % 4 === 3 ? pipelines[1] : pipelines[0]) as (typeof pipelines)[number];
    // Walk the stages in order so that every stage holds deals.
    const nth = (dealsIn.get(pipeline.id) ?? 0) + 1;
    dealsIn.set(pipeline.id, nth);
    const stage = pipeline.stages[nth % pipeline.stages.length] as (typeof pipeline.stages)[number];
    const contact = contacts[(index * 7) % contacts.length] as (typeof contacts)[number];
    const created = daysAgo(5 + Math.floor(random() * 85));
    const openStages = pipeline.stages.filter((candidate) => candidate.kind === 'open');
    // The path it took: open stages up to its own (or a random one before losing), then a closing stage.
    const path =
      stage.kind === 'open'
        ? openStages.slice(0, stage.position + 1)
        : [
            ...openStages.slice(
              0,
              stage.kind === 'won' ? openStages.length : 1 + Math.floor(random() * openStages.length),
            ),
            stage,
          ];
    const span = today.getTime() - created.getTime();
    let entered = created;
    path.forEach((step, position) => {
      const at =
        position === 0 ? created : new Date(created.getTime() + (span * position) / (path.length + 0.5));
      const previous = path[position - 1];
      stageHistory.push({
        id: ids.newId(),
        opportunity_index: index,
        from_stage_id: previous?.id ?? null,
        to_stage_id: step.id,
        changed_by: contact.owner_id,
        changed_at: at.toISOString(),
        seconds_in_from_stage: previous ? Math.floor((at.getTime() - entered.getTime()) / 1000) : null,
      });
      entered = at;
    });
    const closed = stage.kind === 'open' ? null : entered;
    const closeDate = closed ?? new Date(today.getTime() + (Math.floor(random() * 120) - 20) * DAY);
    opportunities.push({
      id: ids.newId(),
      name: `${companies.find((company) => company.id === contact.company_id)?.name ?? 'Deal'} — ${pick(DEAL_PRODUCTS)}`,
      pipeline_id: pipeline.id,
      stage_id: stage.id,
      status: stage.kind,
      amount: `${(3 + Math.floor(random() * 140)) * 500}.${random() < 0.3 ? '50' : '00'}`,
      currency: pick(CURRENCIES),
      expected_close_date: day(closeDate),
      owner_id: contact.owner_id,
      company_id: contact.company_id,
      rank: index,
      stage_entered_at: entered.toISOString(),
      closed_at: closed?.toISOString() ?? null,
      close_reason:
        stage.kind === 'won' ? pick(WON_REASONS) : stage.kind === 'lost' ? pick(LOST_REASONS) : null,
      custom: { contractMonths: pick([12, 24, 36]) },
      created_at: created.toISOString(),
    });
    opportunityContacts.push({
      opportunity_index: index,
      contact_id: contact.id,
      role: pick(['decision_maker', 'champion', 'economic_buyer'] as const),
    });
  }

  const activities = [];
  const links = [];
  const types = Object.keys(ACTIVITY_SUBJECTS) as (keyof typeof ACTIVITY_SUBJECTS)[];
  for (let index = 0; index < DEMO_COUNTS.activities; index += 1) {
    const type = types[index % types.length] as keyof typeof ACTIVITY_SUBJECTS;
    const id = ids.newId();
    const contact = contacts[(index * 13) % contacts.length] as (typeof contacts)[number];
    const future = type === 'task' && index % 2 === 0;
    const at = future
      ? new Date(today.getTime() + (1 + (index % 14)) * DAY)
      : daysAgo(Math.floor(random() * 90));
    activities.push({
      id,
      type,
      subject: pick(ACTIVITY_SUBJECTS[type]),
      body: type === 'note' ? 'Notes from the last conversation.' : null,
      occurred_at: at.toISOString(),
      duration_minutes: type === 'call' ? 15 + (index % 4) * 15 : type === 'meeting' ? 60 : null,
      outcome:
        type === 'call'
          ? pick(['connected', 'no_answer', 'left_voicemail'])
          : type === 'email'
            ? 'sent'
            : null,
      done: type === 'task' ? !future : false,
      assignee_id: type === 'task' ? contact.owner_id : null,
      created_by: contact.owner_id,
      created_at: at.toISOString(),
    });
    links.push({ activity_id: id, record_type: 'contact', record_id: contact.id });
    if (contact.company_id)
      links.push({ activity_id: id, record_type: 'company', record_id: contact.company_id });
    const deal = opportunities[index % opportunities.length];
    if (index % 3 === 0 && deal)
      links.push({ activity_id: id, record_type: 'opportunity', record_id: deal.id });
    const lead = leads[index % leads.length];
    if (index % 5 === 0 && lead && lead.status !== 'converted')
      links.push({ activity_id: id, record_type: 'lead', record_id: lead.id });
  }

  return {
    companies,
    contacts,
    emails,
    leads,
    pipelines,
    opportunities,
    opportunityContacts,
    stageHistory,
    activities,
    links,
  };
}
