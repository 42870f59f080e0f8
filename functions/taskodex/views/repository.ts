import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { CreateViewInput, ListViewsQuery, SavedView, UpdateViewInput } from './schemas';

/** SQL for saved views; every statement filters by tenant_id (RLS is the backstop). */
interface ViewRow {
  id: string;
  owner_id: string;
  name: string;
  project_id: string | null;
  shared: boolean;
  filters: SavedView['filters'];
  sort: string | null;
  layout: SavedView['layout'];
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS =
  'id, owner_id, name, project_id, shared, filters, sort, layout, version, created_at, updated_at';
const VIEW_SORTS: Record<string, SortColumn> = { name: { sql: 'lower(name)', type: 'text' } };

function toView(row: ViewRow): SavedView {
  return {
    id: row.id,
    ownerId: row.owner_id,
    name: row.name,
    projectId: row.project_id,
    shared: row.shared,
    filters: row.filters,
    sort: row.sort,
    layout: row.layout,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function insertView(
  tx: Tx,
  view: CreateViewInput & { tenantId: string; id: string; ownerId: string },
): Promise<SavedView> {
  const { rows } = await tx.query<ViewRow>(
    `insert into taskodex.saved_views (tenant_id, id, owner_id, name, project_id, shared, filters, sort, layout)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     returning ${COLUMNS}`,
    [
      view.tenantId,
      view.id,
      view.ownerId,
      view.name,
      view.projectId,
      view.shared,
      JSON.stringify(view.filters),
      view.sort,
      view.layout,
    ],
  );
  return toView(rows[0] as ViewRow);
}

export async function findView(
  tx: Tx,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<SavedView | undefined> {
  const { rows } = await tx.query<ViewRow>(
    `select ${COLUMNS} from taskodex.saved_views where tenant_id = $1 and id = $2${options.forUpdate ? ' for update' : ''}`,
    [tenantId, id],
  );
  return rows[0] ? toView(rows[0]) : undefined;
}

/**
 * Mine, plus views shared in the tenant or in a project the caller can see
 * (`hiddenProjectIds`: the private projects they are not part of).
 */
export async function listViews(
  tx: Tx,
  tenantId: string,
  userId: string,
  hiddenProjectIds: string[],
  query: ListViewsQuery,
) {
  const terms = parseSort(undefined, VIEW_SORTS, 'name');
  const filter = filterOf(
    [tenantId, userId, hiddenProjectIds],
    [
      'tenant_id = $1',
      '(owner_id = $2 or (shared and (project_id is null or not (project_id = any($3::uuid[])))))',
    ],
  );
  if (query.projectId) filter.where.push(`project_id = ${filter.bind(query.projectId)}`);
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} from taskodex.saved_views`,
    terms,
    cursor: query.cursor,
    limit: query.limit,
    map: (row: ViewRow & Record<string, unknown>) => toView(row),
  });
}

const UPDATABLE = {
  name: 'name',
  projectId: 'project_id',
  shared: 'shared',
  filters: 'filters',
  sort: 'sort',
  layout: 'layout',
} as const;

/** Applies the change if the row is still at `version`; undefined when stale. */
export async function updateView(
  tx: Tx,
  tenantId: string,
  id: string,
  changes: UpdateViewInput,
): Promise<SavedView | undefined> {
  const params: unknown[] = [tenantId, id, changes.version];
  const sets: string[] = [];
  for (const [field, column] of Object.entries(UPDATABLE)) {
    const value = changes[field as keyof typeof UPDATABLE];
    if (value === undefined) continue;
    params.push(field === 'filters' ? JSON.stringify(value) : value);
    sets.push(`${column} = $${params.length}`);
  }
  const { rows } = await tx.query<ViewRow>(
    `update taskodex.saved_views set ${sets.join(', ')}, version = version + 1, updated_at = now()
      where tenant_id = $1 and id = $2 and version = $3
      returning ${COLUMNS}`,
    params,
  );
  return rows[0] ? toView(rows[0]) : undefined;
}

export async function deleteView(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.query('delete from taskodex.saved_views where tenant_id = $1 and id = $2', [tenantId, id]);
}
