import { filterOf, parseSort, type SortColumn, selectPage } from '@halooid/shared/db/pagination';
import type { Tx } from '@halooid/shared/db/transaction';
import type { Detection } from './detectors/detection';
import type { Alert, AlertStatus, ListAlertsQuery } from './schemas';

/** SQL for adminhub.alerts; every statement filters by tenant_id (RLS is the backstop). */
interface AlertRow {
  id: string;
  detector: string;
  severity: Alert['severity'];
  status: AlertStatus;
  title: string;
  evidence: Record<string, unknown>;
  subject_type: NonNullable<Alert['subject']>['type'] | null;
  subject_id: string | null;
  first_seen: Date;
  last_seen: Date;
  occurrences: number;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  resolution_note: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, detector, severity, status, title, evidence, subject_type, subject_id, first_seen, last_seen,
  occurrences, acknowledged_by, acknowledged_at, resolved_by, resolved_at, resolution_note, created_at, updated_at`;
const SORTS: Record<string, SortColumn> = { createdAt: { sql: 'created_at', type: 'timestamptz' } };

const iso = (value: Date | null) => (value ? value.toISOString() : null);

function toAlert(row: AlertRow): Alert {
  return {
    id: row.id,
    detector: row.detector,
    severity: row.severity,
    status: row.status,
    title: row.title,
    subject: row.subject_type && row.subject_id ? { type: row.subject_type, id: row.subject_id } : null,
    evidence: row.evidence,
    firstSeen: row.first_seen.toISOString(),
    lastSeen: row.last_seen.toISOString(),
    occurrences: row.occurrences,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: iso(row.acknowledged_at),
    resolvedBy: row.resolved_by,
    resolvedAt: iso(row.resolved_at),
    resolutionNote: row.resolution_note,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * Raises a detection in the current tenant: a new alert, or, when one for
 * the same incident is still unresolved, that alert with more occurrences,
 * the latest evidence, a later last-seen and the higher severity. The
 * partial unique index makes this one statement safe under concurrent runs:
 * whichever insert comes second becomes the update. `raised` tells a new
 * alert (xmax = 0: this statement inserted the row) from a repeat.
 */
export async function upsertAlert(
  tx: Tx,
  tenantId: string,
  id: string,
  detection: Detection,
  evidence: Record<string, unknown>,
): Promise<{ alert: Alert; raised: boolean }> {
  const { rows } = await tx.query<AlertRow & { raised: boolean }>(
    `insert into adminhub.alerts as a
       (tenant_id, id, detector, severity, title, evidence, dedup_key, subject_type, subject_id,
        first_seen, last_seen, occurrences)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     on conflict (tenant_id, dedup_key) where status <> 'resolved' do update set
       occurrences = a.occurrences + $13,
       last_seen = greatest(a.last_seen, excluded.last_seen),
       evidence = excluded.evidence,
       severity = case
         when array_position(array['low', 'medium', 'high', 'critical'], excluded.severity)
            > array_position(array['low', 'medium', 'high', 'critical'], a.severity)
         then excluded.severity else a.severity end,
       updated_at = now()
     returning ${COLUMNS}, (xmax = 0) as raised`,
    [
      tenantId,
      id,
      detection.detector,
      detection.severity,
      detection.title.slice(0, 300),
      evidence,
      detection.dedupKey.slice(0, 300),
      detection.subject?.type ?? null,
      detection.subject?.id.slice(0, 200) ?? null,
      detection.firstSeen,
      detection.lastSeen,
      Math.max(1, detection.occurrences),
      detection.addOccurrences,
    ],
  );
  const row = rows[0] as AlertRow & { raised: boolean };
  return { alert: toAlert(row), raised: row.raised };
}

export async function selectAlert(
  tx: Tx,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Alert | undefined> {
  const { rows } = await tx.query<AlertRow>(
    `select ${COLUMNS} from adminhub.alerts where tenant_id = $1 and id = $2${options.forUpdate ? ' for update' : ''}`,
    [tenantId, id],
  );
  return rows[0] ? toAlert(rows[0]) : undefined;
}

/** Newest first; keyset-paged, so page 500 costs what page 1 costs. */
export async function selectAlerts(tx: Tx, tenantId: string, query: ListAlertsQuery) {
  const filter = filterOf([tenantId], ['tenant_id = $1']);
  if (query.status) filter.where.push(`status = ${filter.bind(query.status)}`);
  if (query.severity) filter.where.push(`severity = ${filter.bind(query.severity)}`);
  if (query.detector) filter.where.push(`detector = ${filter.bind(query.detector)}`);
  return selectPage(tx, filter, {
    select: (sortValues) => `select ${COLUMNS}, ${sortValues} from adminhub.alerts`,
    terms: parseSort(undefined, SORTS, '-createdAt'),
    cursor: query.cursor,
    limit: query.limit,
    map: (row: AlertRow & Record<string, unknown>) => toAlert(row),
  });
}

export async function markAcknowledged(
  tx: Tx,
  tenantId: string,
  id: string,
  by: string | null,
): Promise<Alert> {
  const { rows } = await tx.query<AlertRow>(
    `update adminhub.alerts set status = 'acknowledged', acknowledged_by = $3, acknowledged_at = now(), updated_at = now()
      where tenant_id = $1 and id = $2 returning ${COLUMNS}`,
    [tenantId, id, by],
  );
  return toAlert(rows[0] as AlertRow);
}

export async function markResolved(
  tx: Tx,
  tenantId: string,
  id: string,
  by: string | null,
  note: string,
): Promise<Alert> {
  const { rows } = await tx.query<AlertRow>(
    `update adminhub.alerts set status = 'resolved', resolved_by = $3, resolved_at = now(), resolution_note = $4,
            updated_at = now()
      where tenant_id = $1 and id = $2 returning ${COLUMNS}`,
    [tenantId, id, by, note],
  );
  return toAlert(rows[0] as AlertRow);
}
