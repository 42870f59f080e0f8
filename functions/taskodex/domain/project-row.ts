import type { Project } from './project';

/**
 * A taskodex.projects row as the API shows it: the one mapping the projects
 * capability (with the caller's role added) and deal-projects (for the
 * `project.created` it records) share.
 */
export interface ProjectRow {
  id: string;
  key: string;
  name: string;
  description: string;
  lead_id: string | null;
  status: Project['status'];
  is_private: boolean;
  start_date: string | null;
  target_date: string | null;
  client_name: string | null;
  billable: boolean;
  hourly_rate: string | null;
  archived_at: Date | null;
  origin_product: string | null;
  origin_type: string | null;
  origin_id: string | null;
  version: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

/** The row's columns, each qualified with `alias.` (dates come back as text: shared/src/db/pool.ts). */
export function projectColumns(alias: string): string {
  return [
    'id',
    'key',
    'name',
    'description',
    'lead_id',
    'status',
    'is_private',
    'start_date',
    'target_date',
    'client_name',
    'billable',
    'hourly_rate',
    'archived_at',
    'origin_product',
    'origin_type',
    'origin_id',
    'version',
    'created_by',
    'created_at',
    'updated_at',
  ]
    .map((column) => `${alias}.${column}`)
    .join(', ');
}

export function projectFromRow(row: ProjectRow): Omit<Project, 'myRole'> {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    leadId: row.lead_id,
    status: row.status,
    isPrivate: row.is_private,
    startDate: row.start_date,
    targetDate: row.target_date,
    clientName: row.client_name,
    billable: row.billable,
    hourlyRate: row.hourly_rate === null ? null : Number(row.hourly_rate),
    archivedAt: row.archived_at ? row.archived_at.toISOString() : null,
    origin:
      row.origin_product && row.origin_type && row.origin_id
        ? { product: row.origin_product, type: row.origin_type, id: row.origin_id }
        : null,
    version: row.version,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
