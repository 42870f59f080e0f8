import type { Contact, Supplier } from './types';

/**
 * The supplier form's fields as text, and the request they become: blank
 * optional fields are left out of a new supplier and cleared (`null`) on an
 * edit; whole numbers for days.
 */
export interface SupplierDraft {
  code: string;
  name: string;
  email: string;
  phone: string;
  website: string;
  currency: string;
  paymentTermsDays: string;
  leadTimeDays: string;
  line1: string;
  city: string;
  postalCode: string;
  country: string;
  notes: string;
  contacts: Required<{ [K in keyof Contact]: string }>[];
}

export function draftOf(supplier?: Supplier): SupplierDraft {
  return {
    code: supplier?.code ?? '',
    name: supplier?.name ?? '',
    email: supplier?.email ?? '',
    phone: supplier?.phone ?? '',
    website: supplier?.website ?? '',
    currency: supplier?.currency ?? '',
    paymentTermsDays: supplier ? String(supplier.paymentTermsDays) : '',
    leadTimeDays: supplier ? String(supplier.leadTimeDays) : '',
    line1: supplier?.address?.line1 ?? '',
    city: supplier?.address?.city ?? '',
    postalCode: supplier?.address?.postalCode ?? '',
    country: supplier?.address?.country ?? '',
    notes: supplier?.notes ?? '',
    contacts: (supplier?.contacts ?? []).map((contact) => ({
      name: contact.name,
      email: contact.email ?? '',
      phone: contact.phone ?? '',
      role: contact.role ?? '',
    })),
  };
}

const DAYS = /^\d{1,3}$/;

export function supplierRequest(
  draft: SupplierDraft,
  editing: boolean,
): { body: Record<string, unknown>; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const body: Record<string, unknown> = {};
  const text = (key: string, value: string) => {
    const trimmed = value.trim();
    if (trimmed) body[key] = trimmed;
    else if (editing) body[key] = null;
  };
  body.code = draft.code.trim();
  body.name = draft.name.trim();
  if (!body.code) problems.code = 'Give the supplier a code.';
  if (!body.name) problems.name = 'Name the supplier.';
  text('email', draft.email);
  text('phone', draft.phone);
  text('website', draft.website);
  text('notes', draft.notes);
  if (draft.currency.trim()) body.currency = draft.currency.trim().toUpperCase();
  for (const key of ['paymentTermsDays', 'leadTimeDays'] as const) {
    const value = draft[key].trim();
    if (!value) continue;
    if (DAYS.test(value) && Number(value) <= 365) body[key] = Number(value);
    else problems[key] = 'Whole days, 0 to 365.';
  }
  const address = {
    line1: draft.line1,
    city: draft.city,
    postalCode: draft.postalCode,
    country: draft.country,
  };
  if (Object.values(address).some((value) => value.trim()))
    body.address = Object.fromEntries(
      Object.entries(address).map(([key, value]) => [key, value.trim() || null]),
    );
  else if (editing) body.address = null;
  body.contacts = draft.contacts
    .filter((contact) => Object.values(contact).some((value) => value.trim()))
    .map((contact, index) => {
      if (!contact.name.trim()) problems[`contacts.${index}.name`] = 'Name the contact.';
      return {
        name: contact.name.trim(),
        email: contact.email.trim() || null,
        phone: contact.phone.trim() || null,
        role: contact.role.trim() || null,
      };
    });
  return { body, problems };
}
