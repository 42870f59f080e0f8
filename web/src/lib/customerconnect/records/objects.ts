/**
 * The four CRM objects as the screens see them: where their API and pages
 * live, their built-in fields (forms and the record page), list columns,
 * filters and sorts. One list page, one record page and one import wizard
 * serve all four from these definitions.
 */
import type { SelectOption } from '$lib/ui';

export type RecordType = 'company' | 'contact' | 'lead' | 'opportunity';
// biome-ignore lint/suspicious/noExplicitAny: records are JSON from the API, read through each field's accessor.
export type CrmRecord = Record<string, any> & { id: string; version?: number };

export type InputKind =
  | 'text'
  | 'email'
  | 'url'
  | 'tel'
  | 'textarea'
  | 'select'
  | 'number'
  | 'date'
  | 'checkbox'
  | 'tags'
  | 'owner'
  | 'company'
  | 'emails'
  | 'phones';

export interface FieldSpec {
  /** The body property (and form key). */
  key: string;
  label: string;
  input: InputKind;
  options?: readonly SelectOption[];
  required?: boolean;
  /** Shown in the new-record dialog. */
  create?: boolean;
  /** Shown but not editable on the record page. */
  readonly?: boolean;
  hint?: string;
  placeholder?: string;
}

export interface ColumnSpec {
  key: string;
  label: string;
  /** The `sort` value of this column, when the API sorts by it. */
  sort?: string;
  align?: 'left' | 'right';
  hideOnMobile?: boolean;
}

export interface FilterSpec {
  /** The list route's query parameter. */
  key: string;
  label: string;
  kind: 'select' | 'text' | 'owner' | 'date';
  options?: readonly SelectOption[];
  /** Set by links (a company's contacts), not shown as a control. */
  hidden?: boolean;
}

export interface ObjectSpec {
  type: RecordType;
  /** The API collection under /v1/customerconnect. */
  path: string;
  /** The web folder under /t/<slug>/customerconnect. */
  segment: string;
  singular: string;
  plural: string;
  permission: { read: string; write: string };
  fields: readonly FieldSpec[];
  columns: readonly ColumnSpec[];
  filters: readonly FilterSpec[];
  defaultSort: string;
  /** Import column targets (the API's CSV field names), for the wizard's mapping; empty: no import route. */
  importFields: readonly { key: string; label: string; aliases?: string[] }[];
  /** Whether `<path>/export` answers the filtered list as CSV. */
  exportable: boolean;
  mergeable: boolean;
}

const options = (values: readonly string[], labels: Record<string, string> = {}): SelectOption[] =>
  values.map((value) => ({ value, label: labels[value] ?? humanize(value) }));

export function humanize(value: string): string {
  const text = value.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const COMPANY_SIZES = options(['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+']);
export const LIFECYCLE_STAGES = options([
  'subscriber',
  'lead',
  'marketing_qualified',
  'sales_qualified',
  'opportunity',
  'customer',
  'evangelist',
  'other',
]);
export const LEAD_SOURCES = options(
  ['web', 'referral', 'event', 'cold_call', 'email', 'social', 'partner', 'advertising', 'import', 'other'],
  { web: 'Website' },
);
export const LEAD_STATUSES = options(['new', 'contacted', 'qualified', 'unqualified', 'converted']);
export const DEAL_STATUSES = options(['open', 'won', 'lost']);

export const OBJECTS: Record<RecordType, ObjectSpec> = {
  company: {
    type: 'company',
    path: '/companies',
    segment: 'companies',
    singular: 'company',
    plural: 'companies',
    permission: { read: 'customerconnect:company:read', write: 'customerconnect:company:write' },
    fields: [
      { key: 'name', label: 'Name', input: 'text', required: true, create: true },
      {
        key: 'domain',
        label: 'Domain',
        input: 'text',
        create: true,
        placeholder: 'acme.com',
        hint: 'Companies are matched by domain.',
      },
      { key: 'website', label: 'Website', input: 'url', placeholder: 'https://…' },
      { key: 'industry', label: 'Industry', input: 'text', create: true },
      { key: 'size', label: 'Size', input: 'select', options: COMPANY_SIZES, create: true },
      { key: 'phone', label: 'Phone', input: 'tel' },
      { key: 'ownerId', label: 'Owner', input: 'owner', create: true },
      { key: 'tags', label: 'Tags', input: 'tags', hint: 'Separated by commas.' },
    ],
    columns: [
      { key: 'name', label: 'Name', sort: 'name' },
      { key: 'domain', label: 'Domain', hideOnMobile: true },
      { key: 'industry', label: 'Industry', hideOnMobile: true },
      { key: 'size', label: 'Size', hideOnMobile: true },
      { key: 'ownerId', label: 'Owner', hideOnMobile: true },
      { key: 'updatedAt', label: 'Updated', sort: 'updatedAt', hideOnMobile: true },
    ],
    filters: [
      { key: 'ownerId', label: 'Owner', kind: 'owner' },
      { key: 'size', label: 'Size', kind: 'select', options: COMPANY_SIZES },
      { key: 'industry', label: 'Industry', kind: 'text' },
      { key: 'tag', label: 'Tag', kind: 'text' },
    ],
    defaultSort: 'name',
    importFields: [
      { key: 'name', label: 'Name', aliases: ['company', 'company name', 'account name'] },
      { key: 'domain', label: 'Domain', aliases: ['company domain name', 'domain name'] },
      { key: 'website', label: 'Website', aliases: ['website url', 'url'] },
      { key: 'industry', label: 'Industry' },
      { key: 'size', label: 'Size', aliases: ['employees', 'number of employees', 'company size'] },
      { key: 'phone', label: 'Phone', aliases: ['phone number'] },
      { key: 'owner', label: 'Owner (email)', aliases: ['owner email', 'company owner'] },
      { key: 'tags', label: 'Tags' },
      { key: 'street', label: 'Street', aliases: ['address', 'street address'] },
      { key: 'streetExtra', label: 'Street (line 2)', aliases: ['street address 2', 'address 2'] },
      { key: 'city', label: 'City' },
      { key: 'region', label: 'Region', aliases: ['state', 'state/region'] },
      { key: 'postalCode', label: 'Postal code', aliases: ['zip', 'postcode', 'zip code'] },
      { key: 'country', label: 'Country', aliases: ['country/region'] },
    ],
    mergeable: true,
    exportable: true,
  },
  contact: {
    type: 'contact',
    path: '/contacts',
    segment: 'contacts',
    singular: 'contact',
    plural: 'contacts',
    permission: { read: 'customerconnect:contact:read', write: 'customerconnect:contact:write' },
    fields: [
      { key: 'firstName', label: 'First name', input: 'text', create: true },
      { key: 'lastName', label: 'Last name', input: 'text', required: true, create: true },
      {
        key: 'emails',
        label: 'Email',
        input: 'emails',
        create: true,
        hint: 'Several separated by commas; the first is primary.',
      },
      {
        key: 'phones',
        label: 'Phone',
        input: 'phones',
        create: true,
        hint: 'Several separated by commas; the first is primary.',
      },
      { key: 'title', label: 'Job title', input: 'text', create: true },
      { key: 'companyId', label: 'Company', input: 'company', create: true },
      { key: 'lifecycleStage', label: 'Lifecycle stage', input: 'select', options: LIFECYCLE_STAGES },
      { key: 'doNotContact', label: 'Do not contact', input: 'checkbox' },
      { key: 'ownerId', label: 'Owner', input: 'owner', create: true },
      { key: 'tags', label: 'Tags', input: 'tags', hint: 'Separated by commas.' },
    ],
    columns: [
      { key: 'name', label: 'Name', sort: 'lastName' },
      { key: 'email', label: 'Email', sort: 'email', hideOnMobile: true },
      { key: 'companyId', label: 'Company', hideOnMobile: true },
      { key: 'lifecycleStage', label: 'Stage', sort: 'lifecycleStage', hideOnMobile: true },
      { key: 'ownerId', label: 'Owner', hideOnMobile: true },
      { key: 'createdAt', label: 'Created', sort: 'createdAt', hideOnMobile: true },
    ],
    filters: [
      { key: 'ownerId', label: 'Owner', kind: 'owner' },
      { key: 'lifecycleStage', label: 'Lifecycle stage', kind: 'select', options: LIFECYCLE_STAGES },
      { key: 'tag', label: 'Tag', kind: 'text' },
      { key: 'companyId', label: 'Company', kind: 'text', hidden: true },
    ],
    defaultSort: 'name',
    importFields: [
      { key: 'firstName', label: 'First name', aliases: ['first', 'given name'] },
      { key: 'lastName', label: 'Last name', aliases: ['last', 'surname', 'family name'] },
      { key: 'email', label: 'Email', aliases: ['email address', 'e-mail', 'primary email', 'work email'] },
      {
        key: 'otherEmails',
        label: 'Other emails',
        aliases: ['additional emails', 'additional email addresses'],
      },
      { key: 'phone', label: 'Phone', aliases: ['phone number', 'mobile', 'mobile phone number'] },
      { key: 'title', label: 'Job title', aliases: ['job title', 'position'] },
      { key: 'company', label: 'Company name', aliases: ['company name', 'associated company'] },
      { key: 'companyDomain', label: 'Company domain', aliases: ['company domain name'] },
      { key: 'lifecycleStage', label: 'Lifecycle stage', aliases: ['stage'] },
      { key: 'doNotContact', label: 'Do not contact' },
      { key: 'tags', label: 'Tags' },
      { key: 'owner', label: 'Owner (email)', aliases: ['owner email', 'contact owner'] },
      { key: 'city', label: 'City' },
      { key: 'country', label: 'Country', aliases: ['country/region'] },
    ],
    mergeable: true,
    exportable: true,
  },
  lead: {
    type: 'lead',
    path: '/leads',
    segment: 'leads',
    singular: 'lead',
    plural: 'leads',
    permission: { read: 'customerconnect:lead:read', write: 'customerconnect:lead:write' },
    fields: [
      { key: 'firstName', label: 'First name', input: 'text', create: true },
      { key: 'lastName', label: 'Last name', input: 'text', required: true, create: true },
      { key: 'email', label: 'Email', input: 'email', create: true },
      { key: 'phone', label: 'Phone', input: 'tel' },
      { key: 'companyName', label: 'Company', input: 'text', create: true },
      { key: 'title', label: 'Job title', input: 'text' },
      { key: 'website', label: 'Website', input: 'url' },
      { key: 'source', label: 'Source', input: 'select', options: LEAD_SOURCES, create: true },
      {
        key: 'status',
        label: 'Status',
        input: 'select',
        options: LEAD_STATUSES.map((option) => ({ ...option, disabled: option.value === 'converted' })),
        hint: 'A lead becomes converted through Convert.',
      },
      { key: 'score', label: 'Score', input: 'number', readonly: true, hint: 'From the scoring rules.' },
      { key: 'territory', label: 'Territory', input: 'text' },
      {
        key: 'ownerId',
        label: 'Owner',
        input: 'owner',
        create: true,
        hint: 'Empty: the assignment rules choose.',
      },
      { key: 'message', label: 'Message', input: 'textarea' },
      { key: 'tags', label: 'Tags', input: 'tags', hint: 'Separated by commas.' },
    ],
    columns: [
      { key: 'name', label: 'Name', sort: 'name' },
      { key: 'companyName', label: 'Company', hideOnMobile: true },
      { key: 'status', label: 'Status' },
      { key: 'source', label: 'Source', hideOnMobile: true },
      { key: 'score', label: 'Score', sort: 'score', align: 'right' },
      { key: 'ownerId', label: 'Owner', hideOnMobile: true },
      { key: 'createdAt', label: 'Created', sort: 'createdAt', hideOnMobile: true },
    ],
    filters: [
      { key: 'status', label: 'Status', kind: 'select', options: LEAD_STATUSES },
      { key: 'source', label: 'Source', kind: 'select', options: LEAD_SOURCES },
      { key: 'ownerId', label: 'Owner', kind: 'owner' },
      { key: 'tag', label: 'Tag', kind: 'text' },
    ],
    defaultSort: '-createdAt',
    // The leads API has no import or export route (yet).
    importFields: [],
    mergeable: false,
    exportable: false,
  },
  opportunity: {
    type: 'opportunity',
    path: '/opportunities',
    segment: 'opportunities',
    singular: 'deal',
    plural: 'deals',
    permission: { read: 'customerconnect:opportunity:read', write: 'customerconnect:opportunity:write' },
    fields: [
      { key: 'name', label: 'Name', input: 'text', required: true, create: true },
      {
        key: 'amount',
        label: 'Amount',
        input: 'text',
        create: true,
        placeholder: '12500.00',
        hint: 'With a currency, or neither.',
      },
      { key: 'currency', label: 'Currency', input: 'text', create: true, placeholder: 'EUR' },
      { key: 'expectedCloseDate', label: 'Expected close', input: 'date', create: true },
      { key: 'companyId', label: 'Company', input: 'company', create: true },
      { key: 'ownerId', label: 'Owner', input: 'owner', create: true },
      { key: 'tags', label: 'Tags', input: 'tags', hint: 'Separated by commas.' },
    ],
    columns: [
      { key: 'name', label: 'Name', sort: 'name' },
      { key: 'companyId', label: 'Company', hideOnMobile: true },
      { key: 'stage', label: 'Stage', hideOnMobile: true },
      { key: 'amount', label: 'Amount', sort: 'amount', align: 'right' },
      { key: 'expectedCloseDate', label: 'Close', sort: 'expectedCloseDate', hideOnMobile: true },
      { key: 'status', label: 'Status', hideOnMobile: true },
      { key: 'ownerId', label: 'Owner', hideOnMobile: true },
    ],
    filters: [
      { key: 'status', label: 'Status', kind: 'select', options: DEAL_STATUSES },
      { key: 'ownerId', label: 'Owner', kind: 'owner' },
      { key: 'closeFrom', label: 'Closing from', kind: 'date' },
      { key: 'closeTo', label: 'Closing to', kind: 'date' },
      { key: 'companyId', label: 'Company', kind: 'text', hidden: true },
      { key: 'contactId', label: 'Contact', kind: 'text', hidden: true },
      { key: 'pipelineId', label: 'Pipeline', kind: 'text', hidden: true },
    ],
    defaultSort: 'expectedCloseDate',
    // Deals export; their import route does not exist (yet).
    importFields: [],
    mergeable: false,
    exportable: true,
  },
};

export function objectOf(type: RecordType): ObjectSpec {
  return OBJECTS[type];
}

/** A record's display name. */
export function titleOf(type: RecordType, record: CrmRecord): string {
  if (type === 'company' || type === 'opportunity') return String(record.name ?? 'Untitled');
  const name = [record.firstName, record.lastName].filter(Boolean).join(' ');
  return name || 'Unnamed';
}

/** The primary email of a contact (the API's primaryEmail, else the primary of `emails`). */
export function primaryEmail(record: CrmRecord): string {
  if (typeof record.primaryEmail === 'string' && record.primaryEmail) return record.primaryEmail;
  const emails = Array.isArray(record.emails)
    ? (record.emails as { email: string; primary?: boolean }[])
    : [];
  return (
    (emails.find((email) => email.primary) ?? emails[0])?.email ??
    (typeof record.email === 'string' ? record.email : '')
  );
}

/** A field's value as the form edits it (always a string). */
export function formValue(field: FieldSpec, record: CrmRecord | undefined): string {
  const value = record?.[field.key];
  if (value === undefined || value === null) return '';
  switch (field.input) {
    case 'tags':
      return Array.isArray(value) ? value.join(', ') : String(value);
    case 'emails':
      return Array.isArray(value)
        ? [...(value as { email: string; primary?: boolean }[])]
            .sort((a, b) => Number(Boolean(b.primary)) - Number(Boolean(a.primary)))
            .map((item) => item.email)
            .join(', ')
        : '';
    case 'phones':
      return Array.isArray(value)
        ? [...(value as { number: string; primary?: boolean }[])]
            .sort((a, b) => Number(Boolean(b.primary)) - Number(Boolean(a.primary)))
            .map((item) => item.number)
            .join(', ')
        : '';
    case 'checkbox':
      return value ? 'true' : 'false';
    default:
      return String(value);
  }
}

const list = (text: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/**
 * A form value as the body sends it. Empty means null on an edit (clears it)
 * and absent on create (the API's default applies).
 */
export function bodyValue(field: FieldSpec, text: string, mode: 'create' | 'edit'): unknown {
  const trimmed = text.trim();
  switch (field.input) {
    case 'tags':
      return list(text);
    case 'emails':
      return list(text).map((email, index) => ({ email, primary: index === 0 }));
    case 'phones':
      return list(text).map((number, index) => ({ number, primary: index === 0 }));
    case 'checkbox':
      return text === 'true';
    case 'number':
      return trimmed === '' ? (mode === 'edit' ? null : undefined) : Number(trimmed);
    default:
      if (trimmed === '') return mode === 'edit' ? null : undefined;
      return field.key === 'currency' ? trimmed.toUpperCase() : trimmed;
  }
}

/**
 * The body of a create (every non-empty field) or of an edit (only what
 * changed since `before`).
 */
export function recordBody(
  fields: readonly FieldSpec[],
  values: Record<string, string>,
  mode: 'create' | 'edit',
  before?: CrmRecord,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    if (field.readonly) continue;
    const text = values[field.key];
    if (text === undefined) continue;
    if (mode === 'edit' && before && formValue(field, before) === text) continue;
    const value = bodyValue(field, text, mode);
    if (value === undefined) continue;
    if (mode === 'create' && Array.isArray(value) && value.length === 0) continue;
    body[field.key] = value;
  }
  return body;
}
