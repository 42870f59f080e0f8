import type { Tx } from '@halooid/shared/db/transaction';
import { NotFoundError } from '@halooid/shared/errors';
import { loadFields } from '../domain/custom-fields';
import {
  type CreateLeadDeps,
  createLeadRecord,
  LEAD_SOURCES,
  LEAD_STATUSES,
  selectVisibleLead,
} from '../domain/leads';
import { activeMembersByEmail } from '../domain/members';
import {
  cellList,
  checkedRowInput,
  type ImportMatch,
  type ImportRequest,
  type RecordImportResult,
  runImport,
} from '../domain/record-import';
import { binderFor, type Visibility, visibilityOf, visibleCondition } from '../domain/visibility';
import { changeLead } from './change-lead';
import { CreateLeadBody, type CreateLeadInput, type UpdateLeadInput } from './schemas';

type Field =
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'phone'
  | 'companyName'
  | 'title'
  | 'website'
  | 'source'
  | 'status'
  | 'territory'
  | 'owner'
  | 'tags'
  | 'message';

const FIELDS: readonly Field[] = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'companyName',
  'title',
  'website',
  'source',
  'status',
  'territory',
  'owner',
  'tags',
  'message',
];

/** Header → field after lower-casing and dropping everything but letters, with HubSpot's and this API's export names. */
const ALIASES: Record<string, Field> = {
  firstname: 'firstName',
  lastname: 'lastName',
  surname: 'lastName',
  email: 'email',
  emailaddress: 'email',
  phone: 'phone',
  phonenumber: 'phone',
  companyname: 'companyName',
  company: 'companyName',
  title: 'title',
  jobtitle: 'title',
  website: 'website',
  websiteurl: 'website',
  source: 'source',
  leadsource: 'source',
  status: 'status',
  leadstatus: 'status',
  territory: 'territory',
  owner: 'owner',
  leadowner: 'owner',
  contactowner: 'owner',
  owneremail: 'owner',
  tags: 'tags',
  message: 'message',
  notes: 'message',
};

function fieldOfPath(path: readonly (string | number | symbol)[]): Field | `custom.${string}` | undefined {
  const [first, second] = path.map(String);
  if (first === 'ownerId') return 'owner';
  if (first === 'custom') return second ? `custom.${second}` : undefined;
  return FIELDS.includes(first as Field) && first !== 'owner' ? (first as Field) : undefined;
}

/** Existing leads by lower-case email (the oldest per email), with whether the caller may see them. */
async function leadsByEmails(
  tx: Tx,
  tenantId: string,
  emails: readonly string[],
  visibility: Visibility,
): Promise<Map<string, ImportMatch>> {
  if (emails.length === 0) return new Map();
  const values: unknown[] = [tenantId, [...new Set(emails)]];
  const visible = visibleCondition(visibility, tenantId, 'owner_id', binderFor(values));
  const { rows } = await tx.query<{ id: string; email: string; visible: boolean }>(
    `select distinct on (lower(email)) id, lower(email) as email, ${visible} as visible
       from customerconnect.leads
      where tenant_id = $1 and lower(email) = any($2::text[])
      order by lower(email), created_at, id`,
    values,
  );
  return new Map(rows.map((row) => [row.email, { id: row.id, visible: row.visible }]));
}

/**
 * Imports leads from CSV (domain/record-import.ts: mapping, dedupe on the
 * lower-case email, a per-row report). Rows are created through the same
 * path as POST /leads (a row without an owner goes through the assignment
 * rules; source `import` unless given) and updated through PATCH's use case,
 * each behind a savepoint, in the caller's one transaction.
 */
export async function importLeads(request: ImportRequest, deps: CreateLeadDeps): Promise<RecordImportResult> {
  const { tx, principal } = deps;
  const visibility = await visibilityOf(tx, principal, 'lead');
  const customFields = await loadFields(tx, principal.tenantId, 'lead');
  let owners = new Map<string, string>();

  return runImport<Field, CreateLeadInput>(tx, request, {
    aliases: ALIASES,
    fields: FIELDS,
    required: ['lastName'],
    customFields,
    async prepare(cells) {
      owners = await activeMembersByEmail(tx, cells('owner'));
    },
    toInput(cell, custom, report) {
      const candidate: Record<string, unknown> = {
        lastName: cell('lastName'),
        source: 'import',
        ownerId: null,
      };
      for (const field of [
        'firstName',
        'email',
        'phone',
        'companyName',
        'title',
        'website',
        'territory',
        'message',
      ] as const)
        if (cell(field)) candidate[field] = cell(field);
      if (cell('source')) {
        const source = cell('source')
          .toLowerCase()
          .replace(/[\s-]+/g, '_');
        if ((LEAD_SOURCES as readonly string[]).includes(source)) candidate.source = source;
        else report('source', `"${cell('source')}" is not one of: ${LEAD_SOURCES.join(', ')}.`);
      }
      if (cell('status')) {
        const status = cell('status').toLowerCase();
        if ((LEAD_STATUSES as readonly string[]).includes(status) && status !== 'converted')
          candidate.status = status;
        else report('status', `"${cell('status')}" is not one of: new, contacted, qualified, unqualified.`);
      }
      if (cell('owner')) {
        const owner = owners.get(cell('owner').toLowerCase());
        if (owner) candidate.ownerId = owner;
        else report('owner', `No active user has the email "${cell('owner')}".`);
      }
      if (cell('tags'))
        candidate.tags = [...new Map(cellList(cell('tags')).map((tag) => [tag.toLowerCase(), tag])).values()];
      return checkedRowInput(
        candidate,
        custom,
        { customFields, schema: CreateLeadBody, fieldOfPath },
        report,
      );
    },
    matchKeys: (input) => (input.email ? [input.email.toLowerCase()] : []),
    findMatches: (keys) => leadsByEmails(tx, principal.tenantId, keys, visibility),
    newId: deps.newId,
    create: (input, _force, id) =>
      createLeadRecord(input, deps, { via: 'import', customPrefix: 'custom', ownerField: 'ownerId', id }),
    async update(id, input, present) {
      const current = await selectVisibleLead(tx, principal.tenantId, id, visibility);
      if (!current) throw new NotFoundError('Lead');
      const changes: Omit<UpdateLeadInput, 'version'> = {};
      for (const field of [
        'firstName',
        'phone',
        'companyName',
        'title',
        'website',
        'territory',
        'message',
      ] as const)
        if (present.has(field)) changes[field] = input[field] ?? null;
      if (present.has('lastName')) changes.lastName = input.lastName;
      if (present.has('source') && input.source) changes.source = input.source;
      if (present.has('status') && input.status && current.status !== 'converted')
        changes.status = input.status;
      if (present.has('owner')) changes.ownerId = input.ownerId ?? null;
      if (input.tags) {
        const known = new Set(current.tags.map((tag) => tag.toLowerCase()));
        changes.tags = [...current.tags, ...input.tags.filter((tag) => !known.has(tag.toLowerCase()))];
      }
      if (input.custom) changes.custom = input.custom;
      return changeLead(id, { sent: current.version, ifMatch: undefined }, changes, deps);
    },
    fieldOfPath,
  });
}
