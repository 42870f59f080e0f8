import { paginationQuery } from '@halooid/shared/db/pagination';
import { displayText } from '@halooid/shared/display-text';
import { VersionField } from '@halooid/shared/http/versioning';
import * as z from 'zod';
import { Address, AddressView, Tags } from './company';
import { CustomFilterQuery, CustomValues } from './custom-fields';
import type { ContactSnapshot } from './snapshots';
import { OwnerFilter } from './user-filter';

/**
 * The contact (a person) as the API shows it and what a write may send,
 * shared by the contacts capability, its CSV import and lead conversion. The
 * duplicate key is any of its emails (stored lower-case in
 * customerconnect.contact_emails, `primaryEmail` mirrors the primary one).
 */
export const LIFECYCLE_STAGES = [
  'subscriber',
  'lead',
  'marketing_qualified',
  'sales_qualified',
  'opportunity',
  'customer',
  'evangelist',
  'other',
] as const;
export const LifecycleStage = z.enum(LIFECYCLE_STAGES);
export type LifecycleStage = z.infer<typeof LifecycleStage>;

/** An email as stored: trimmed and lower-case (the duplicate check compares exactly). */
export const EmailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email('An email address such as ada@example.com.'));

const Label = z.string().trim().max(40).nullable().optional();

export const ContactEmailInput = z.strictObject({
  email: EmailAddress,
  label: Label,
  primary: z.boolean().optional(),
});
export type ContactEmailInput = z.output<typeof ContactEmailInput>;

export const PhoneInput = z.strictObject({
  number: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[0-9+()./\- ]+(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i, 'A phone number such as +44 20 7946 0958.'),
  label: Label,
  primary: z.boolean().optional(),
});

/**
 * Emails of a write: each address once; at most one `primary` (none flagged:
 * the first is primary). Stored with exactly one primary whenever there is
 * any email at all.
 */
export const ContactEmails = z
  .array(ContactEmailInput)
  .max(20)
  .superRefine((emails, ctx) => {
    const seen = new Set<string>();
    emails.forEach((entry, index) => {
      if (seen.has(entry.email))
        ctx.addIssue({ code: 'custom', path: [index, 'email'], message: 'This email is listed twice.' });
      seen.add(entry.email);
    });
    if (emails.filter((entry) => entry.primary).length > 1)
      ctx.addIssue({ code: 'custom', message: 'Mark at most one email as primary.' });
  })
  .meta({ description: 'Replaces all emails. At most one `primary` (none marked: the first is primary).' });

export const ContactPhones = z
  .array(PhoneInput)
  .max(20)
  .refine(
    (phones) => phones.filter((phone) => phone.primary).length <= 1,
    'Mark at most one phone as primary.',
  )
  .meta({ description: 'Replaces all phones. At most one `primary` (none marked: the first is primary).' });

export interface ContactEmail {
  email: string;
  label: string | null;
  primary: boolean;
}
export interface ContactPhone {
  number: string;
  label: string | null;
  primary: boolean;
}

/** Exactly one primary when there is any entry: the marked one, else the first. */
export function withOnePrimary<
  T extends { label?: string | null | undefined; primary?: boolean | undefined },
>(entries: readonly T[]): (Omit<T, 'label' | 'primary'> & { label: string | null; primary: boolean })[] {
  const marked = entries.findIndex((entry) => entry.primary);
  const primaryIndex = marked === -1 ? 0 : marked;
  return entries.map((entry, index) => ({
    ...entry,
    label: entry.label ?? null,
    primary: index === primaryIndex,
  }));
}

export const Contact = z.object({
  id: z.uuid(),
  firstName: z.string().nullable(),
  lastName: z.string(),
  title: z.string().nullable(),
  companyId: z.uuid().nullable(),
  primaryEmail: z.string().nullable(),
  emails: z.array(z.object({ email: z.string(), label: z.string().nullable(), primary: z.boolean() })),
  phones: z.array(z.object({ number: z.string(), label: z.string().nullable(), primary: z.boolean() })),
  lifecycleStage: LifecycleStage,
  doNotContact: z.boolean(),
  address: AddressView.nullable(),
  ownerId: z.uuid().nullable(),
  tags: z.array(z.string()),
  custom: CustomValues,
  mergedInto: z.uuid().nullable().meta({
    description:
      'Set on a tombstone (a contact merged into another); reads of its id answer with the survivor.',
  }),
  mergedAt: z.iso.datetime().nullable(),
  createdBy: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Contact = z.infer<typeof Contact>;

export const contactFields = {
  firstName: displayText().max(100).nullable().optional(),
  lastName: displayText().min(1, 'Give the last name.').max(100),
  title: displayText().max(150).nullable().optional(),
  companyId: z.uuid().nullable().optional().meta({ description: 'A company you can see.' }),
  emails: ContactEmails.optional(),
  phones: ContactPhones.optional(),
  lifecycleStage: LifecycleStage.optional(),
  doNotContact: z.boolean().optional(),
  address: Address.nullable().optional(),
  ownerId: z.uuid().nullable().optional().meta({ description: 'A user of the tenant; defaults to you.' }),
  tags: Tags.optional(),
  custom: CustomValues.optional(),
};

export const CreateContactBody = z.strictObject({
  ...contactFields,
  force: z.boolean().optional().meta({
    description: 'Create even when another contact has one of these emails (no 409 duplicate_contact).',
  }),
});
export type CreateContactInput = z.output<typeof CreateContactBody>;

export const UpdateContactBody = z.strictObject({
  ...contactFields,
  lastName: contactFields.lastName.optional(),
  force: z.boolean().optional().meta({
    description: 'Save even when another contact has one of the new emails (no 409 duplicate_contact).',
  }),
  version: VersionField,
});
export type UpdateContactInput = z.output<typeof UpdateContactBody>;
export type ContactChanges = Omit<UpdateContactInput, 'version'>;

export const ContactParams = z.strictObject({ contactId: z.uuid() });

export const MergeContactBody = z.strictObject({
  mergeId: z.uuid().meta({ description: 'The contact merged away (it becomes a tombstone of this one).' }),
});

export const CONTACT_SORTS = [
  'createdAt',
  'updatedAt',
  'lastName',
  'firstName',
  'email',
  'lifecycleStage',
] as const;

export const contactListFilters = {
  q: z.string().trim().min(1).max(200).optional().meta({
    description: 'Contacts whose name or primary email contains this (case-insensitive).',
  }),
  companyId: z.uuid().optional(),
  ownerId: OwnerFilter,
  lifecycleStage: LifecycleStage.optional(),
  tag: z.string().trim().min(1).max(50).optional(),
  custom: CustomFilterQuery,
  sort: z
    .string()
    .max(200)
    .optional()
    .meta({
      description: `Comma-separated, \`-\` for descending: ${CONTACT_SORTS.join(', ')}, or \`custom.<key>\`. Default \`-createdAt\`.`,
    }),
};

export const ListContactsQuery = z.strictObject({ ...paginationQuery, ...contactListFilters });
export type ListContactsQuery = z.output<typeof ListContactsQuery>;
export type ContactFilters = Omit<ListContactsQuery, 'limit' | 'cursor'>;

/** The plain (non-custom) fields a change or a merge compares, in API names. */
export const CONTACT_PLAIN_FIELDS = [
  'firstName',
  'lastName',
  'title',
  'companyId',
  'primaryEmail',
  'emails',
  'phones',
  'lifecycleStage',
  'doNotContact',
  'address',
  'ownerId',
  'tags',
] as const satisfies readonly (keyof Contact)[];

export function contactSnapshot(contact: Contact): ContactSnapshot {
  return {
    id: contact.id,
    firstName: contact.firstName,
    lastName: contact.lastName,
    primaryEmail: contact.primaryEmail,
    companyId: contact.companyId,
    lifecycleStage: contact.lifecycleStage,
    ownerId: contact.ownerId,
  };
}
