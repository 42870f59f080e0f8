import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { Address } from './company';
import type { Contact, ContactEmail, ContactFilters, ContactPhone, LifecycleStage } from './contact';
import { type CompiledFields, customFilterConditions, customSortColumns } from './custom-fields';
import { binderFor, type Visibility, visibleCondition } from './visibility';

/**
 * SQL for customerconnect.contacts and contact_emails, shared by the contacts
 * capability, its import and lead conversion (which creates or matches a
 * contact in its own transaction). Every statement filters by tenant_id (RLS
 * is the backstop); every read of rows a caller asked for ANDs the visibility
 * rule (domain/visibility.ts) into its WHERE.
 */
interface ContactRow {
  id: string;
  first_name: string | null;
  last_name: string;
  title: string | null;
  company_id: string | null;
  primary_email: string | null;
  emails: ContactEmail[];
  phones: ContactPhone[];
  lifecycle_stage: LifecycleStage;
  do_not_contact: boolean;
  address: Address | null;
  owner_id: string | null;
  tags: string[];
  custom: Record<string, unknown>;
  merged_into: string | null;
  merged_at: Date | null;
  created_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The contact's columns (alias `c`) with its emails, primary first. */
const COLUMNS = `c.id, c.first_name, c.last_name, c.title, c.company_id, c.primary_email, c.phones,
  c.lifecycle_stage, c.do_not_contact, c.address, c.owner_id, c.tags, c.custom, c.merged_into, c.merged_at,
  c.created_by, c.version, c.created_at, c.updated_at,
  (select coalesce(jsonb_agg(jsonb_build_object('email', e.email, 'label', e.label, 'primary', e.is_primary)
                             order by e.is_primary desc, e.position, e.email), '[]'::jsonb)
     from customerconnect.contact_emails e
    where e.tenant_id = c.tenant_id and e.contact_id = c.id) as emails`;

const SORTS: Record<string, SortColumn> = {
  createdAt: { sql: 'c.created_at', type: 'timestamptz' },
  updatedAt: { sql: 'c.updated_at', type: 'timestamptz' },
  lastName: { sql: 'lower(c.last_name)', type: 'text' },
  firstName: { sql: "lower(coalesce(c.first_name, ''))", type: 'text' },
  email: { sql: "coalesce(c.primary_email, '')", type: 'text' },
  lifecycleStage: { sql: 'c.lifecycle_stage', type: 'text' },
};
const ID: SortColumn = { sql: 'c.id', type: 'uuid' };

export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    title: row.title,
    companyId: row.company_id,
    primaryEmail: row.primary_email,
    emails: row.emails,
    phones: row.phones,
    lifecycleStage: row.lifecycle_stage,
    doNotContact: row.do_not_contact,
    address: row.address,
    ownerId: row.owner_id,
    tags: row.tags,
    custom: row.custom,
    mergedInto: row.merged_into,
    mergedAt: row.merged_at?.toISOString() ?? null,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A contact's stored fields: emails and phones already have exactly one primary (withOnePrimary). */
export interface ContactRecord {
  firstName: string | null;
  lastName: string;
  title: string | null;
  companyId: string | null;
  emails: readonly ContactEmail[];
  phones: readonly ContactPhone[];
  lifecycleStage: LifecycleStage;
  doNotContact: boolean;
  address: Address | null;
  ownerId: string | null;
  tags: readonly string[];
  custom: Record<string, unknown>;
}

/**
 * Inserts a contact and its emails. It checks nothing: validate, check the
 * company and the owner, and run the duplicate lookup (findEmailOwners)
 * before calling it.
 */
export async function insertContact(
  tx: Tx,
  contact: ContactRecord & { tenantId: string; id: string; createdBy: string | null },
): Promise<Contact> {
  await tx.query(
    `insert into customerconnect.contacts
       (tenant_id, id, first_name, last_name, title, company_id, primary_email, phones, lifecycle_stage,
        do_not_contact, address, owner_id, tags, custom, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11::jsonb, $12, $13, $14::jsonb, $15)`,
    [
      contact.tenantId,
      contact.id,
      contact.firstName,
      contact.lastName,
      contact.title,
      contact.companyId,
      contact.emails.find((email) => email.primary)?.email ?? null,
      JSON.stringify(contact.phones),
      contact.lifecycleStage,
      contact.doNotContact,
      contact.address === null ? null : JSON.stringify(contact.address),
      contact.ownerId,
      contact.tags,
      JSON.stringify(contact.custom),
      contact.createdBy,
    ],
  );
  await insertEmails(tx, contact.tenantId, contact.id, contact.emails);
  return (await selectContactById(tx, contact.tenantId, contact.id)) as Contact;
}

/**
 * Inserts many contacts and their emails in two statements (an import's
 * chunk); the same unchecked write as insertContact, many times over.
 */
export async function insertContacts(
  tx: Tx,
  tenantId: string,
  createdBy: string | null,
  contacts: readonly (ContactRecord & { id: string })[],
): Promise<void> {
  if (contacts.length === 0) return;
  await tx.query(
    `insert into customerconnect.contacts
       (tenant_id, id, first_name, last_name, title, company_id, primary_email, phones, lifecycle_stage,
        do_not_contact, address, owner_id, tags, custom, created_by)
     select $1, r.id, r.first_name, r.last_name, r.title, r.company_id, r.primary_email, r.phones,
            r.lifecycle_stage, r.do_not_contact, r.address, r.owner_id,
            array(select jsonb_array_elements_text(r.tags)), r.custom, $2
       from jsonb_to_recordset($3::jsonb) as r(id uuid, first_name text, last_name text, title text,
            company_id uuid, primary_email text, phones jsonb, lifecycle_stage text, do_not_contact boolean,
            address jsonb, owner_id uuid, tags jsonb, custom jsonb)`,
    [
      tenantId,
      createdBy,
      JSON.stringify(
        contacts.map((contact) => ({
          id: contact.id,
          first_name: contact.firstName,
          last_name: contact.lastName,
          title: contact.title,
          company_id: contact.companyId,
          primary_email: contact.emails.find((email) => email.primary)?.email ?? null,
          phones: contact.phones,
          lifecycle_stage: contact.lifecycleStage,
          do_not_contact: contact.doNotContact,
          address: contact.address,
          owner_id: contact.ownerId,
          tags: contact.tags,
          custom: contact.custom,
        })),
      ),
    ],
  );
  const emails = contacts.flatMap((contact) =>
    contact.emails.map((email, position) => ({
      contact_id: contact.id,
      email: email.email,
      label: email.label,
      is_primary: email.primary,
      position,
    })),
  );
  if (emails.length === 0) return;
  await tx.query(
    `insert into customerconnect.contact_emails (tenant_id, contact_id, email, label, is_primary, position)
     select $1, r.contact_id, r.email, r.label, r.is_primary, r.position
       from jsonb_to_recordset($2::jsonb) as r(contact_id uuid, email text, label text, is_primary boolean, position int)`,
    [tenantId, JSON.stringify(emails)],
  );
}

/** The `created` timeline rows of many new contacts, in one statement. */
export async function insertCreatedChanges(
  tx: Tx,
  tenantId: string,
  changedBy: string | null,
  rows: readonly { id: string; contactId: string }[],
): Promise<void> {
  await tx.query(
    `insert into customerconnect.record_changes (tenant_id, id, record_type, record_id, kind, changes, changed_by)
     select $1, r.id, 'contact', r.contact_id, 'created', '[]'::jsonb, $2
       from unnest($3::uuid[], $4::uuid[]) as r(id, contact_id)`,
    [tenantId, changedBy, rows.map((row) => row.id), rows.map((row) => row.contactId)],
  );
}

async function insertEmails(tx: Tx, tenantId: string, contactId: string, emails: readonly ContactEmail[]) {
  if (emails.length === 0) return;
  await tx.query(
    `insert into customerconnect.contact_emails (tenant_id, contact_id, email, label, is_primary, position)
     select $1, $2, e.email, e.label, e.is_primary, e.position
       from unnest($3::text[], $4::text[], $5::boolean[], $6::int[]) as e(email, label, is_primary, position)`,
    [
      tenantId,
      contactId,
      emails.map((email) => email.email),
      emails.map((email) => email.label),
      emails.map((email) => email.primary),
      emails.map((_, index) => index),
    ],
  );
}

/** Replaces a contact's emails (and its `primary_email` mirror). */
export async function replaceEmails(
  tx: Tx,
  tenantId: string,
  contactId: string,
  emails: readonly ContactEmail[],
): Promise<void> {
  await tx.query('delete from customerconnect.contact_emails where tenant_id = $1 and contact_id = $2', [
    tenantId,
    contactId,
  ]);
  await insertEmails(tx, tenantId, contactId, emails);
  await tx.query('update customerconnect.contacts set primary_email = $3 where tenant_id = $1 and id = $2', [
    tenantId,
    contactId,
    emails.find((email) => email.primary)?.email ?? null,
  ]);
}

export interface EmailOwner {
  contactId: string;
  email: string;
  /** Whether the caller may see that contact (a 409 names it only then). */
  visible: boolean;
}

/**
 * The dedupe lookup: live (non-tombstone) contacts holding any of `emails`
 * (lower-case), other than `exceptId`, oldest first. Tenant-wide on purpose:
 * a duplicate is a duplicate even when the caller cannot see it; `visible`
 * says whether they may be told which one.
 */
export async function findEmailOwners(
  tx: Tx,
  tenantId: string,
  emails: readonly string[],
  visibility: Visibility,
  exceptId?: string,
): Promise<EmailOwner[]> {
  if (emails.length === 0) return [];
  const values: unknown[] = [tenantId, emails, exceptId ?? null];
  const visible = visibleCondition(visibility, tenantId, 'c.owner_id', binderFor(values));
  const { rows } = await tx.query<{ contact_id: string; email: string; visible: boolean }>(
    `select e.contact_id, e.email, ${visible} as visible
       from customerconnect.contact_emails e
       join customerconnect.contacts c on c.tenant_id = e.tenant_id and c.id = e.contact_id
      where e.tenant_id = $1 and e.email = any($2::text[]) and c.merged_into is null
        and ($3::uuid is null or c.id <> $3::uuid)
      order by c.created_at, c.id`,
    values,
  );
  return rows.map((row) => ({ contactId: row.contact_id, email: row.email, visible: row.visible }));
}

/** One contact by id, tombstone or not, ignoring visibility: for re-reading a row just written. */
async function selectContactById(tx: Tx, tenantId: string, id: string): Promise<Contact | undefined> {
  const { rows } = await tx.query<ContactRow>(
    `select ${COLUMNS} from customerconnect.contacts c where c.tenant_id = $1 and c.id = $2`,
    [tenantId, id],
  );
  return rows[0] ? toContact(rows[0]) : undefined;
}

/** One contact (a tombstone too: check `mergedInto`) inside the caller's visibility, optionally locked. */
export async function selectVisibleContact(
  tx: Tx,
  tenantId: string,
  id: string,
  visibility: Visibility,
  options: { forUpdate?: boolean } = {},
): Promise<Contact | undefined> {
  const values: unknown[] = [tenantId, id];
  const visible = visibleCondition(visibility, tenantId, 'c.owner_id', binderFor(values));
  const { rows } = await tx.query<ContactRow>(
    `select ${COLUMNS} from customerconnect.contacts c
      where c.tenant_id = $1 and c.id = $2 and ${visible}${options.forUpdate ? ' for update of c' : ''}`,
    values,
  );
  return rows[0] ? toContact(rows[0]) : undefined;
}

/** The WHERE of the contact list (and its export): live contacts inside visibility, with the filters. */
function listFilter(
  tenantId: string,
  callerId: string | null,
  visibility: Visibility,
  fields: CompiledFields,
  query: ContactFilters,
) {
  const filter = filterOf([tenantId], ['c.tenant_id = $1', 'c.merged_into is null']);
  filter.where.push(visibleCondition(visibility, tenantId, 'c.owner_id', filter.bind));
  if (query.q) {
    // Bound, never spliced; LIKE's own characters escaped, so `%` searches for a percent sign.
    const pattern = filter.bind(`%${query.q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`);
    filter.where.push(
      `(lower(coalesce(c.first_name, '') || ' ' || c.last_name) like ${pattern}
        or lower(coalesce(c.primary_email, '')) like ${pattern})`,
    );
  }
  if (query.companyId) filter.where.push(`c.company_id = ${filter.bind(query.companyId)}`);
  if (query.ownerId) {
    const owner = query.ownerId === 'me' ? callerId : query.ownerId;
    filter.where.push(owner === null ? 'false' : `c.owner_id = ${filter.bind(owner)}`);
  }
  if (query.lifecycleStage) filter.where.push(`c.lifecycle_stage = ${filter.bind(query.lifecycleStage)}`);
  if (query.tag) filter.where.push(`c.tags @> array[${filter.bind(query.tag)}]::text[]`);
  filter.where.push(...customFilterConditions(fields, query.custom, 'c.custom', filter.bind));
  return filter;
}

/** One keyset page of the contact list, newest first unless `sort` says otherwise. */
export async function selectContacts(
  tx: Tx,
  tenantId: string,
  callerId: string | null,
  visibility: Visibility,
  fields: CompiledFields,
  query: ContactFilters & { limit: number; cursor?: string | undefined },
) {
  const filter = listFilter(tenantId, callerId, visibility, fields, query);
  const terms = parseSort(
    query.sort,
    { ...SORTS, ...customSortColumns(fields, 'c.custom') },
    '-createdAt',
    ID,
  );
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} from customerconnect.contacts c`,
    terms,
    cursor: query.cursor,
    limit: query.limit,
    map: (row: ContactRow & Record<string, unknown>) => toContact(row),
  });
}

/** Writes a contact's plain columns (not emails: replaceEmails) and bumps its version. */
export async function updateContactRow(
  tx: Tx,
  tenantId: string,
  id: string,
  contact: Omit<ContactRecord, 'emails'>,
): Promise<Contact> {
  await tx.query(
    `update customerconnect.contacts
        set first_name = $3, last_name = $4, title = $5, company_id = $6, phones = $7::jsonb,
            lifecycle_stage = $8, do_not_contact = $9, address = $10::jsonb, owner_id = $11, tags = $12,
            custom = $13::jsonb, version = version + 1, updated_at = now()
      where tenant_id = $1 and id = $2`,
    [
      tenantId,
      id,
      contact.firstName,
      contact.lastName,
      contact.title,
      contact.companyId,
      JSON.stringify(contact.phones),
      contact.lifecycleStage,
      contact.doNotContact,
      contact.address === null ? null : JSON.stringify(contact.address),
      contact.ownerId,
      contact.tags,
      JSON.stringify(contact.custom),
    ],
  );
  return (await selectContactById(tx, tenantId, id)) as Contact;
}

/** Whether `companyId` is a live company the caller can see (the company visibility rule). */
export async function isVisibleCompany(
  tx: Tx,
  tenantId: string,
  companyId: string,
  visibility: Visibility,
): Promise<boolean> {
  const values: unknown[] = [tenantId, companyId];
  const visible = visibleCondition(visibility, tenantId, 'owner_id', binderFor(values));
  const { rows } = await tx.query(
    `select 1 from customerconnect.companies
      where tenant_id = $1 and id = $2 and merged_into is null and ${visible}`,
    values,
  );
  return rows.length > 0;
}
