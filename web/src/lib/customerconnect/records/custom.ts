/**
 * Custom fields on screen: the definitions the API serves
 * (GET /v1/customerconnect/fields?object=), their values as form strings and
 * back, and how a value reads in a table. Values follow
 * functions/customerconnect/domain/custom-fields.ts: text → string, number →
 * JSON number, date → YYYY-MM-DD, select → an option, multi_select → options,
 * boolean, currency → { amount: "12.50", currency: "EUR" }, user → a user id.
 */
import type { JsonOf, paths } from '$lib/api';

type Field = JsonOf<paths['/v1/customerconnect/fields/{fieldId}']['get']['responses']['200']>;
export type FieldType = Field['type'];
/** A definition as the record screens read it (the generated type's fields they use). */
export type FieldDefinition = Pick<
  Field,
  'id' | 'object' | 'key' | 'label' | 'type' | 'options' | 'required' | 'position' | 'archived'
>;

/** A value as the form holds it: multi_select as a list, currency as two strings, the rest as one string. */
export type FormValue = string | string[] | { amount: string; currency: string };

export function toFormValue(definition: FieldDefinition, value: unknown): FormValue {
  switch (definition.type) {
    case 'multi_select':
      return Array.isArray(value) ? value.map(String) : [];
    case 'currency': {
      const money = (value ?? {}) as { amount?: unknown; currency?: unknown };
      return {
        amount: money.amount ? String(money.amount) : '',
        currency: money.currency ? String(money.currency) : '',
      };
    }
    case 'boolean':
      return value === true ? 'true' : value === false ? 'false' : '';
    default:
      return value === undefined || value === null ? '' : String(value);
  }
}

/**
 * The API value of a form value; null clears it (undefined: leave it out).
 * A number that does not parse is sent as the string so the API answers with
 * its field error rather than the form inventing one.
 */
export function fromFormValue(definition: FieldDefinition, value: FormValue | undefined): unknown {
  if (value === undefined) return undefined;
  switch (definition.type) {
    case 'multi_select':
      return Array.isArray(value) && value.length ? value : null;
    case 'currency': {
      if (typeof value !== 'object' || Array.isArray(value)) return null;
      const amount = value.amount.trim();
      const currency = value.currency.trim().toUpperCase();
      return amount || currency ? { amount, currency } : null;
    }
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : null;
    case 'number': {
      const text = String(value).trim();
      if (!text) return null;
      const number = Number(text);
      return Number.isFinite(number) ? number : text;
    }
    default: {
      const text = String(value).trim();
      return text ? text : null;
    }
  }
}

/** The `custom` object of a body: every definition's value (null clears, so an edit can empty a field). */
export function customBody(
  definitions: readonly FieldDefinition[],
  values: Record<string, FormValue>,
  options: { omitEmpty?: boolean } = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const definition of definitions) {
    const value = fromFormValue(definition, values[definition.key]);
    if (value === undefined) continue;
    if (value === null && options.omitEmpty) continue;
    body[definition.key] = value;
  }
  return body;
}

/** How a stored value reads in a table or a record's field list. */
export function formatCustom(
  definition: Pick<FieldDefinition, 'type'>,
  value: unknown,
  userName: (id: string) => string = (id) => id,
): string {
  if (value === undefined || value === null || value === '') return '';
  switch (definition.type) {
    case 'multi_select':
      return Array.isArray(value) ? value.join(', ') : String(value);
    case 'boolean':
      return value === true ? 'Yes' : value === false ? 'No' : String(value);
    case 'currency': {
      const money = value as { amount?: string; currency?: string };
      return [money.amount, money.currency].filter(Boolean).join(' ');
    }
    case 'user':
      return userName(String(value));
    default:
      return String(value);
  }
}

/** `?custom=key:value` filter strings of the list's custom filters (empty ones dropped). */
export function customFilterParams(filters: Record<string, string>): string[] {
  return Object.entries(filters)
    .filter(([, value]) => value.trim() !== '')
    .map(([key, value]) => `${key}:${value.trim()}`);
}

/** Which custom fields can be a list filter: those with a short, exact value. */
export function filterable(definition: FieldDefinition): boolean {
  return ['select', 'multi_select', 'boolean', 'text'].includes(definition.type);
}
