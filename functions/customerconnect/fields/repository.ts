import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { FieldType } from '../domain/custom-fields';
import { RECORD_TABLES, type RecordObject } from '../domain/records';
import type { CreateFieldInput, FieldDefinition, ListFieldsQuery, UpdateFieldInput } from './schemas';

/** SQL for customerconnect.field_definitions; every statement filters by tenant_id (RLS is the backstop). */
interface FieldRow {
  id: string;
  object: RecordObject;
  key: string;
  label: string;
  type: FieldType;
  options: string[];
  required: boolean;
  position: number;
  archived: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS =
  'id, object, key, label, type, options, required, position, archived, version, created_at, updated_at';
const SORTS: Record<string, SortColumn> = {
  object: { sql: 'object', type: 'text' },
  position: { sql: 'position', type: 'int' },
};

function toField(row: FieldRow): FieldDefinition {
  return {
    id: row.id,
    object: row.object,
    key: row.key,
    label: row.label,
    type: row.type,
    options: row.options,
    required: row.required,
    position: row.position,
    archived: row.archived,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function insertField(
  tx: Tx,
  field: CreateFieldInput & { tenantId: string; id: string; position: number },
): Promise<FieldDefinition> {
  const { rows } = await tx.query<FieldRow>(
    `insert into customerconnect.field_definitions
       (tenant_id, id, object, key, label, type, options, required, position)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     returning ${COLUMNS}`,
    [
      field.tenantId,
      field.id,
      field.object,
      field.key,
      field.label,
      field.type,
      JSON.stringify(field.options ?? []),
      field.required,
      field.position,
    ],
  );
  return toField(rows[0] as FieldRow);
}

export async function selectField(
  tx: Tx,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<FieldDefinition | undefined> {
  const { rows } = await tx.query<FieldRow>(
    `select ${COLUMNS} from customerconnect.field_definitions where tenant_id = $1 and id = $2${options.forUpdate ? ' for update' : ''}`,
    [tenantId, id],
  );
  return rows[0] ? toField(rows[0]) : undefined;
}

/** The key's definition, archived or not (keys stay reserved once used). */
export async function keyTaken(
  tx: Tx,
  tenantId: string,
  object: RecordObject,
  key: string,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    'select 1 from customerconnect.field_definitions where tenant_id = $1 and object = $2 and key = $3',
    [tenantId, object, key],
  );
  return (rowCount ?? 0) > 0;
}

/** Active definitions of the object and the next free position, the object's definitions locked (limit checks race otherwise). */
export async function objectCounts(
  tx: Tx,
  tenantId: string,
  object: RecordObject,
): Promise<{ active: number; nextPosition: number }> {
  // Serialises definition writes per tenant: the settings row is the lock.
  await tx.query(
    `insert into customerconnect.settings (tenant_id) values ($1)
     on conflict (tenant_id) do update set tenant_id = excluded.tenant_id`,
    [tenantId],
  );
  const { rows } = await tx.query<{ active: number; next_position: number }>(
    `select count(*) filter (where not archived)::int as active,
            coalesce(max(position) + 1, 0)::int as next_position
       from customerconnect.field_definitions where tenant_id = $1 and object = $2`,
    [tenantId, object],
  );
  return { active: rows[0]?.active ?? 0, nextPosition: rows[0]?.next_position ?? 0 };
}

/** By object, then position; keyset-paged. */
export function selectFields(tx: Tx, tenantId: string, query: ListFieldsQuery) {
  const terms = parseSort(undefined, SORTS, 'object,position');
  const filter = filterOf([tenantId], ['tenant_id = $1']);
  if (query.object) filter.where.push(`object = ${filter.bind(query.object)}`);
  if (!query.archived) filter.where.push('not archived');
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} from customerconnect.field_definitions`,
    terms,
    cursor: query.cursor,
    limit: query.limit,
    map: (row: FieldRow & Record<string, unknown>) => toField(row),
  });
}

const UPDATABLE = {
  label: 'label',
  options: 'options',
  required: 'required',
  position: 'position',
  archived: 'archived',
} as const;

/** Applies the change if the row is still at `version`; undefined when stale. */
export async function updateField(
  tx: Tx,
  tenantId: string,
  id: string,
  changes: Omit<UpdateFieldInput, 'version'> & { version: number },
): Promise<FieldDefinition | undefined> {
  const params: unknown[] = [tenantId, id, changes.version];
  const sets: string[] = [];
  for (const [field, column] of Object.entries(UPDATABLE)) {
    const value = changes[field as keyof typeof UPDATABLE];
    if (value === undefined) continue;
    params.push(field === 'options' ? JSON.stringify(value) : value);
    sets.push(`${column} = $${params.length}`);
  }
  const { rows } = await tx.query<FieldRow>(
    `update customerconnect.field_definitions
        set ${sets.join(', ')}, version = version + 1, updated_at = now()
      where tenant_id = $1 and id = $2 and version = $3
      returning ${COLUMNS}`,
    params,
  );
  return rows[0] ? toField(rows[0]) : undefined;
}

/**
 * How many records of the object hold each of `options` in the field `key`
 * (select: the value; multi_select: among the values). Merged tombstones count
 * too: their values are still stored.
 */
export async function optionUsage(
  tx: Tx,
  tenantId: string,
  field: Pick<FieldDefinition, 'object' | 'key' | 'type'>,
  options: readonly string[],
): Promise<Map<string, number>> {
  if (options.length === 0) return new Map();
  const match =
    field.type === 'multi_select'
      ? `jsonb_typeof(r.custom -> $2) = 'array' and r.custom -> $2 @> jsonb_build_array(o.option)`
      : 'r.custom ->> $2 = o.option';
  const { rows } = await tx.query<{ option: string; records: number }>(
    `select o.option, count(r.*)::int as records
       from unnest($3::text[]) as o(option)
       left join ${RECORD_TABLES[field.object]} r on r.tenant_id = $1 and ${match}
      group by o.option`,
    [tenantId, field.key, options],
  );
  return new Map(rows.map((row) => [row.option, row.records]));
}

export async function markArchived(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.query(
    `update customerconnect.field_definitions
        set archived = true, version = version + 1, updated_at = now()
      where tenant_id = $1 and id = $2`,
    [tenantId, id],
  );
}
