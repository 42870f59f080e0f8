import { type AppError, ValidationError } from '@halooid/shared/errors';
import { normalizeDomain } from '../domain/company';
import {
  type ContactChanges,
  CreateContactBody,
  type CreateContactInput,
  LIFECYCLE_STAGES,
} from '../domain/contact';
import { findEmailOwners, selectVisibleContact } from '../domain/contact-repository';
import {
  type ContactWriteDeps,
  changeContact,
  contactWriteContext,
  createContact,
  createContacts,
} from '../domain/contact-writes';
import { activeMembersByEmail } from '../domain/members';
import { unionTags } from '../domain/merge';
import {
  cellList,
  type ImportMatch,
  type ImportRequest,
  type RecordImportResult,
  runImport,
} from '../domain/record-import';
import { companyIdsByNameOrDomain } from './repository';

type Field =
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'otherEmails'
  | 'phone'
  | 'title'
  | 'company'
  | 'companyDomain'
  | 'lifecycleStage'
  | 'doNotContact'
  | 'tags'
  | 'owner'
  | 'city'
  | 'country';

const FIELDS: readonly Field[] = [
  'firstName',
  'lastName',
  'email',
  'otherEmails',
  'phone',
  'title',
  'company',
  'companyDomain',
  'lifecycleStage',
  'doNotContact',
  'tags',
  'owner',
  'city',
  'country',
];

/**
 * Header → field after lower-casing and dropping everything but letters
 * ("E-mail" → "email"), including the names HubSpot and Twenty export under.
 */
const ALIASES: Record<string, Field> = {
  firstname: 'firstName',
  givenname: 'firstName',
  namefirstname: 'firstName',
  lastname: 'lastName',
  surname: 'lastName',
  familyname: 'lastName',
  namelastname: 'lastName',
  email: 'email',
  emailaddress: 'email',
  primaryemail: 'email',
  emailsprimaryemail: 'email',
  workemail: 'email',
  otheremails: 'otherEmails',
  additionalemails: 'otherEmails',
  additionalemailaddresses: 'otherEmails',
  emailsadditionalemails: 'otherEmails',
  phone: 'phone',
  phonenumber: 'phone',
  mobile: 'phone',
  mobilephonenumber: 'phone',
  phonesprimaryphonenumber: 'phone',
  title: 'title',
  jobtitle: 'title',
  company: 'company',
  companyname: 'company',
  associatedcompany: 'company',
  companydomain: 'companyDomain',
  companydomainname: 'companyDomain',
  lifecyclestage: 'lifecycleStage',
  donotcontact: 'doNotContact',
  tags: 'tags',
  owner: 'owner',
  contactowner: 'owner',
  owneremail: 'owner',
  city: 'city',
  country: 'country',
  countrycode: 'country',
};

/** Lifecycle stages by their letters, including HubSpot's spelled-out names. */
const STAGES: Record<string, (typeof LIFECYCLE_STAGES)[number]> = {
  ...Object.fromEntries(LIFECYCLE_STAGES.map((stage) => [stage.replaceAll('_', ''), stage])),
  marketingqualifiedlead: 'marketing_qualified',
  mql: 'marketing_qualified',
  salesqualifiedlead: 'sales_qualified',
  sql: 'sales_qualified',
};

/** Where a schema issue or a use-case error's path (`emails.1.email`) lands in the file. */
function fieldOfPath(path: readonly (string | number | symbol)[]): Field | `custom.${string}` | undefined {
  const [first, second] = path.map(String);
  switch (first) {
    case 'emails':
      return second === '0' || second === undefined ? 'email' : 'otherEmails';
    case 'phones':
      return 'phone';
    case 'companyId':
      return 'company';
    case 'ownerId':
      return 'owner';
    case 'address':
      return second === 'country' ? 'country' : 'city';
    case 'custom':
      return second ? `custom.${second}` : undefined;
    case 'firstName':
    case 'lastName':
    case 'title':
    case 'lifecycleStage':
    case 'doNotContact':
    case 'tags':
      return first;
    default:
      return undefined;
  }
}

/**
 * A row: a create's fields, but the last name may be missing, because a row
 * that updates a match (dedupe=update) needs only the cells it changes. A
 * row that creates without one is refused (createInput).
 */
const RowBody = CreateContactBody.extend({ lastName: CreateContactBody.shape.lastName.optional() });
type RowInput = Omit<CreateContactInput, 'lastName'> & { lastName?: string | undefined };

function createInput(input: RowInput): CreateContactInput {
  if (!input.lastName)
    throw new ValidationError('Give the last name.', [
      { field: 'body.lastName', message: 'Give the last name.', code: 'required' },
    ]);
  return { ...input, lastName: input.lastName };
}

const letters = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');

/**
 * Imports contacts from CSV (domain/record-import.ts: mapping, dedupe by any
 * email, per-row report). Rows are created and updated through the same use
 * cases as POST and PATCH /contacts, each behind a savepoint, all in the
 * caller's transaction. Companies are found by domain or name among the
 * companies the caller can see, owners by their email, all looked up once.
 */
export async function importContacts(
  request: ImportRequest,
  deps: ContactWriteDeps,
): Promise<RecordImportResult> {
  const { tx, principal } = deps;
  const context = await contactWriteContext(deps);
  // Lookups of the whole file at once, filled before the rows are read (see `prepare`).
  let companies = new Map<string, string>();
  let owners = new Map<string, string>();

  const spec = {
    aliases: ALIASES,
    fields: FIELDS,
    required: ['lastName'] as const,
    customFields: context.fields,
    toInput(
      cell: (field: Field) => string,
      custom: Record<string, unknown>,
      report: (field: Field | `custom.${string}` | null, message: string) => void,
    ): RowInput | undefined {
      const candidate: Record<string, unknown> = {};
      if (cell('lastName')) candidate.lastName = cell('lastName');
      if (cell('firstName')) candidate.firstName = cell('firstName');
      if (cell('title')) candidate.title = cell('title');
      const emails = [cell('email'), ...cellList(cell('otherEmails'))].filter(Boolean);
      if (emails.length > 0)
        candidate.emails = [...new Set(emails.map((email) => email.toLowerCase()))].map((email, index) => ({
          email,
          primary: index === 0,
        }));
      if (cell('phone')) candidate.phones = [{ number: cell('phone') }];
      const domainText = cell('companyDomain');
      const companyName = cell('company');
      if (domainText || companyName) {
        const domain = domainText ? normalizeDomain(domainText) : null;
        const id =
          (domain ? companies.get(`domain:${domain}`) : undefined) ??
          (companyName ? companies.get(`name:${companyName.toLowerCase()}`) : undefined);
        if (id) candidate.companyId = id;
        else if (companyName) report('company', `No company you can see is named "${companyName}".`);
        else report('companyDomain', `No company you can see has the domain "${domainText}".`);
      }
      if (cell('lifecycleStage')) {
        const stage = STAGES[letters(cell('lifecycleStage'))];
        if (stage) candidate.lifecycleStage = stage;
        else
          report(
            'lifecycleStage',
            `"${cell('lifecycleStage')}" is not one of: ${LIFECYCLE_STAGES.join(', ')}.`,
          );
      }
      if (cell('doNotContact')) {
        const value = cell('doNotContact').toLowerCase();
        if (['true', 'yes', '1'].includes(value)) candidate.doNotContact = true;
        else if (['false', 'no', '0'].includes(value)) candidate.doNotContact = false;
        else report('doNotContact', 'true or false.');
      }
      if (cell('tags')) candidate.tags = cellList(cell('tags'));
      if (cell('owner')) {
        const owner = owners.get(cell('owner').toLowerCase());
        if (owner) candidate.ownerId = owner;
        else report('owner', `No active user has the email "${cell('owner')}".`);
      }
      if (cell('city') || cell('country'))
        candidate.address = {
          ...(cell('city') ? { city: cell('city') } : {}),
          ...(cell('country') ? { country: cell('country') } : {}),
        };
      if (Object.keys(custom).length > 0) candidate.custom = custom;
      const parsed = RowBody.safeParse(candidate);
      if (!parsed.success)
        for (const issue of parsed.error.issues) {
          const field = fieldOfPath(issue.path);
          report(field ?? null, field ? issue.message : `${issue.path.join('.')}: ${issue.message}`);
        }
      return parsed.success ? parsed.data : undefined;
    },
    matchKeys: (input: RowInput) => (input.emails ?? []).map((email) => email.email),
    async findMatches(keys: readonly string[]) {
      const found = await findEmailOwners(tx, principal.tenantId, keys, context.contactVisibility);
      const matches = new Map<string, ImportMatch>();
      for (const owner of found)
        if (!matches.has(owner.email))
          matches.set(owner.email, { id: owner.contactId, visible: owner.visible });
      return matches;
    },
    // Matches were looked up for the whole file (and rows register what they create), so no second check.
    newId: deps.newId,
    create: (input: RowInput, _force: boolean, id: string) =>
      createContact({ ...createInput(input), force: true }, deps, context, { id }),
    async createMany(items: readonly { input: RowInput; id: string }[]) {
      // Rows without a last name are refused here; the rest are created together.
      const refusals = items.map(({ input }) => {
        try {
          createInput(input);
          return undefined;
        } catch (error) {
          return error as AppError;
        }
      });
      const valid = items.flatMap(({ input, id }, index) =>
        refusals[index] ? [] : [{ input: { ...createInput(input), force: true }, id }],
      );
      const results = await createContacts(valid, deps, context);
      return refusals.map((refusal) => refusal ?? results.shift());
    },
    async update(id: string, input: RowInput, present: ReadonlySet<string>) {
      const current = await selectVisibleContact(tx, principal.tenantId, id, context.contactVisibility);
      const changes: ContactChanges = { force: true };
      if (present.has('firstName')) changes.firstName = input.firstName ?? null;
      if (present.has('lastName') && input.lastName) changes.lastName = input.lastName;
      if (present.has('title')) changes.title = input.title ?? null;
      if (present.has('company') || present.has('companyDomain')) changes.companyId = input.companyId ?? null;
      if (present.has('lifecycleStage')) changes.lifecycleStage = input.lifecycleStage;
      if (present.has('doNotContact')) changes.doNotContact = input.doNotContact;
      if (present.has('owner')) changes.ownerId = input.ownerId ?? null;
      if (input.custom) changes.custom = input.custom;
      if (current) {
        const known = new Set(current.emails.map((email) => email.email));
        const added = (input.emails ?? []).filter((email) => !known.has(email.email));
        if (added.length > 0)
          changes.emails = [...current.emails, ...added.map((email) => ({ ...email, primary: false }))];
        const phones = new Set(current.phones.map((phone) => phone.number));
        const newPhones = (input.phones ?? []).filter((phone) => !phones.has(phone.number));
        if (newPhones.length > 0)
          changes.phones = [...current.phones, ...newPhones.map((phone) => ({ ...phone, primary: false }))];
        if (input.tags) changes.tags = unionTags(current.tags, input.tags);
        if (input.address) changes.address = { ...(current.address ?? {}), ...input.address };
      }
      return changeContact(id, null, changes, deps, context);
    },
    fieldOfPath,
  };

  return runImport(tx, request, {
    ...spec,
    // The lookups need the file's company and owner cells: read them first, then the rows.
    fields: FIELDS,
    async prepare(cells: (field: Field) => string[]) {
      const domains = cells('companyDomain')
        .map((text) => normalizeDomain(text))
        .filter((domain): domain is string => domain !== null);
      const names = cells('company').map((name) => name.toLowerCase());
      companies = await companyIdsByNameOrDomain(
        tx,
        principal.tenantId,
        names,
        domains,
        context.companyVisibility,
      );
      owners = await activeMembersByEmail(tx, cells('owner'));
    },
  });
}
