import type { PostalAddress } from '@halooid/shared/address';
import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import { ConflictError } from '@halooid/shared/errors';
import type { ListSuppliersQuery, Supplier, SupplierContact } from './schemas';

/** SQL for invantray.suppliers; every statement filters by tenant_id (RLS is the backstop). */
interface SupplierRow {
  id: string;
  code: string;
  name: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  address: PostalAddress | null;
  contacts: SupplierContact[];
  currency: string;
  payment_terms_days: number;
  lead_time_days: number;
  notes: string | null;
  active: boolean;
  created_by: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, code, name, email, phone, website, address, contacts, currency, payment_terms_days,
  lead_time_days, notes, active, created_by, version, created_at, updated_at`;

const SORTS: Record<string, SortColumn> = {
  name: { sql: 'lower(name)', type: 'text' },
  code: { sql: 'lower(code)', type: 'text' },
  createdAt: { sql: 'created_at', type: 'timestamptz' },
};

function toSupplier(row: SupplierRow): Supplier {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    email: row.email,
    phone: row.phone,
    website: row.website,
    address: row.address,
    contacts: row.contacts,
    currency: row.currency,
    paymentTermsDays: row.payment_terms_days,
    leadTimeDays: row.lead_time_days,
    notes: row.notes,
    active: row.active,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Every stored field of a supplier (API names), as a create or an update writes them. */
export interface SupplierFields {
  code: string;
  name: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  address: PostalAddress | null;
  contacts: SupplierContact[];
  currency: string;
  paymentTermsDays: number;
  leadTimeDays: number;
  notes: string | null;
  active: boolean;
}

const fieldValues = (fields: SupplierFields) => [
  fields.code,
  fields.name,
  fields.email,
  fields.phone,
  fields.website,
  fields.address ? JSON.stringify(fields.address) : null,
  JSON.stringify(fields.contacts),
  fields.currency,
  fields.paymentTermsDays,
  fields.leadTimeDays,
  fields.notes,
  fields.active,
];

/**
 * The code is unique whatever its case: a second ACME-tools is a 409 naming
 * the supplier that has it. Checked before writing for the message, and the
 * unique index decides a race (duplicateOnViolation).
 */
export async function checkCodeFree(
  tx: Tx,
  tenantId: string,
  code: string,
  exceptId?: string,
): Promise<void> {
  const { rows } = await tx.query<{ id: string }>(
    'select id from invantray.suppliers where tenant_id = $1 and lower(code) = lower($2) and id is distinct from $3',
    [tenantId, code, exceptId ?? null],
  );
  if (rows[0]) throw duplicateSupplier(code, rows[0].id);
}

function duplicateSupplier(code: string, existingId: string | null): ConflictError {
  return new ConflictError(`A supplier with code ${code} exists already.`, 'duplicate_supplier', {
    existingId,
  });
}

/** A concurrent insert of the same code lost the race at the unique index: the same 409 as the check. */
async function duplicateOnViolation<T>(code: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string; constraint?: string }).constraint !== 'suppliers_code_idx') throw error;
    throw duplicateSupplier(code, null);
  }
}

export function insertSupplier(
  tx: Tx,
  supplier: SupplierFields & { tenantId: string; id: string; createdBy: string | null },
): Promise<Supplier> {
  return duplicateOnViolation(supplier.code, async () => {
    const { rows } = await tx.query<SupplierRow>(
      `insert into invantray.suppliers
         (tenant_id, id, created_by, code, name, email, phone, website, address, contacts, currency,
          payment_terms_days, lead_time_days, notes, active)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12, $13, $14, $15)
       returning ${COLUMNS}`,
      [supplier.tenantId, supplier.id, supplier.createdBy, ...fieldValues(supplier)],
    );
    return toSupplier(rows[0] as SupplierRow);
  });
}

/** Writes every field and bumps the version, only if `version` is still current; undefined when it is not. */
export function updateSupplierRow(
  tx: Tx,
  tenantId: string,
  id: string,
  version: number,
  fields: SupplierFields,
): Promise<Supplier | undefined> {
  return duplicateOnViolation(fields.code, async () => {
    const { rows } = await tx.query<SupplierRow>(
      `update invantray.suppliers
          set code = $4, name = $5, email = $6, phone = $7, website = $8, address = $9::jsonb, contacts = $10::jsonb,
              currency = $11, payment_terms_days = $12, lead_time_days = $13, notes = $14, active = $15,
              version = version + 1, updated_at = now()
        where tenant_id = $1 and id = $2 and version = $3
        returning ${COLUMNS}`,
      [tenantId, id, version, ...fieldValues(fields)],
    );
    return rows[0] ? toSupplier(rows[0]) : undefined;
  });
}

export async function selectSupplier(
  tx: Tx,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Supplier | undefined> {
  const { rows } = await tx.query<SupplierRow>(
    `select ${COLUMNS} from invantray.suppliers where tenant_id = $1 and id = $2${options.forUpdate ? ' for update' : ''}`,
    [tenantId, id],
  );
  return rows[0] ? toSupplier(rows[0]) : undefined;
}

/** Keyset-paged, by name unless `sort` says otherwise. */
export function selectSuppliers(tx: Tx, tenantId: string, query: ListSuppliersQuery) {
  const filter = filterOf([tenantId], ['tenant_id = $1']);
  // Bound, never spliced: a search term is data, even its % and _.
  if (query.q) {
    const term = filter.bind(query.q);
    filter.where.push(`(strpos(lower(code), lower(${term})) > 0 or strpos(lower(name), lower(${term})) > 0)`);
  }
  if (query.active !== 'all') filter.where.push(`active = ${filter.bind(query.active === 'true')}`);
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} from invantray.suppliers`,
    terms: parseSort(query.sort, SORTS, 'name'),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: SupplierRow & Record<string, unknown>) => toSupplier(row),
  });
}
