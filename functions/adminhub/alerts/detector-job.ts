import type { Tx } from '@halooid/shared/db/transaction';
import { withWorkerTransaction } from '@halooid/shared/events/worker-transaction';
import { createLogger } from '@halooid/shared/observability';
import {
  apiKeyHours,
  apiKeyNetworks,
  auditRecords,
  MAX_ROWS,
  signInEvents,
  successHistory,
  tenantsOfUsers,
} from './detector-sources';
import {
  detectNewNetworks,
  detectRateSpikes,
  NETWORK_MEMORY_DAYS,
  RATE_RULES,
} from './detectors/api-key-usage';
import { detectAuditChanges } from './detectors/audit-changes';
import { type Detection, MINUTE_MS } from './detectors/detection';
import { BURST_RULES, detectFailedSignIns } from './detectors/failed-sign-ins';
import { detectNewSignInLocations } from './detectors/new-sign-in-location';
import { raiseInTenant, type TenantDetection } from './raise-alerts';

const logger = createLogger('adminhub-alert-detectors');

/**
 * How long a stream's rows may take to become visible: rows are stamped
 * inside their transaction (or, for API key networks, in a request's memory)
 * and become visible at commit (or flush), so each stream reads only up to
 * that long ago, never leaving a gap a late commit would fall into. Sign-in
 * events commit at once; an audit record commits with its request (API
 * Gateway's 29 s at most); key networks are flushed within about a minute.
 */
export const SETTLE_MS = 5_000;
const REQUEST_SETTLE_MS = 30_000;
const USAGE_FLUSH_SETTLE_MS = 120_000;

/** A stream's first run looks back this far (a new deployment does not alert on last year). */
const FIRST_LOOK_BACK_MS = 15 * MINUTE_MS;

interface StreamRun {
  /** The rows read stop at this instant: the next watermark. */
  until: Date;
  detections: Detection[];
}

/** One detector stream: it reads (since, until] as halooid_worker and says what it found. */
interface Stream {
  name: string;
  /** How far behind now this stream reads (see SETTLE_MS). */
  settleMs: number;
  detect(tx: Tx, since: Date, until: Date): Promise<StreamRun>;
}

/** Where the rows read stop: `until`, or the last row read when the run hit its cap (the rest is next run's). */
const stopAt = <T extends { occurredAt: Date }>(rows: readonly T[], until: Date) =>
  rows.length >= MAX_ROWS ? (rows.at(-1)?.occurredAt ?? until) : until;

export const STREAMS: readonly Stream[] = [
  {
    name: 'sign-ins',
    settleMs: SETTLE_MS,
    async detect(tx, since, until) {
      const lookBack = new Date(since.getTime() - BURST_RULES.windowMinutes * MINUTE_MS);
      const events = await signInEvents(tx, lookBack, until);
      const end = stopAt(events, until);
      const fresh = events.filter((event) => event.occurredAt > since && event.occurredAt <= end);
      const signedIn = [
        ...new Set(
          fresh.flatMap((event) => (event.outcome === 'success' && event.userId ? [event.userId] : [])),
        ),
      ];
      const history = await successHistory(tx, signedIn, since);
      return {
        until: end,
        detections: [
          ...detectFailedSignIns(
            events.filter((event) => event.occurredAt <= end),
            since,
          ),
          ...detectNewSignInLocations(fresh, history),
        ],
      };
    },
  },
  {
    name: 'audit',
    settleMs: REQUEST_SETTLE_MS,
    async detect(tx, since, until) {
      const records = await auditRecords(tx, since, until);
      return { until: stopAt(records, until), detections: detectAuditChanges(records) };
    },
  },
  {
    name: 'api-key-networks',
    settleMs: USAGE_FLUSH_SETTLE_MS,
    async detect(tx, since, until) {
      const { fresh, known } = await apiKeyNetworks(tx, since, until, NETWORK_MEMORY_DAYS);
      return { until, detections: detectNewNetworks(fresh, known) };
    },
  },
  {
    name: 'api-key-rates',
    // The current hour's count so far, re-read every run: nothing to settle.
    settleMs: 0,
    async detect(tx, _since, until) {
      return {
        until,
        detections: detectRateSpikes(await apiKeyHours(tx, until, RATE_RULES.baselineDays), until),
      };
    },
  },
];

async function readWatermark(tx: Tx, stream: string): Promise<Date | undefined> {
  const { rows } = await tx.query<{ position: Date }>(
    'select position from adminhub.detector_watermarks where detector = $1',
    [stream],
  );
  return rows[0]?.position;
}

async function writeWatermark(tx: Tx, stream: string, position: Date): Promise<void> {
  await tx.query(
    `insert into adminhub.detector_watermarks (detector, position) values ($1, $2)
     on conflict (detector) do update set position = greatest(adminhub.detector_watermarks.position, excluded.position),
       updated_at = now()`,
    [stream, position],
  );
}

/**
 * Binds each detection to the tenants it is for: its own tenant, or every
 * tenant the people it names belong to (with just those people, whose
 * evidence that tenant may read).
 */
async function byTenant(tx: Tx, detections: readonly Detection[]): Promise<Map<string, TenantDetection[]>> {
  const people = [...new Set(detections.flatMap((d) => (d.target.kind === 'users' ? d.target.userIds : [])))];
  const tenantsOf = await tenantsOfUsers(tx, people);
  const bound = new Map<string, TenantDetection[]>();
  const add = (tenantId: string, item: TenantDetection) =>
    bound.set(tenantId, [...(bound.get(tenantId) ?? []), item]);
  for (const detection of detections) {
    if (detection.target.kind === 'tenant') {
      add(detection.target.tenantId, { detection });
      continue;
    }
    const members = new Map<string, string[]>();
    for (const userId of detection.target.userIds)
      for (const tenantId of tenantsOf.get(userId) ?? [])
        members.set(tenantId, [...(members.get(tenantId) ?? []), userId]);
    for (const [tenantId, users] of members) add(tenantId, { detection, members: users });
  }
  return bound;
}

export interface DetectorRunSummary {
  streams: Record<string, { detections: number; tenants: number; raised: number; failedTenants: number }>;
}

/**
 * The scheduled detector run: each stream reads what arrived since its
 * watermark (as halooid_worker, across tenants), its detectors turn rows into
 * detections, and each affected tenant gets its alerts in its own tenant
 * transaction (raise-alerts.ts). The watermark moves only when every tenant
 * took its alerts: a failed tenant makes the next run read the same rows
 * again, which the dedup index turns into more occurrences of the same open
 * alerts, never a second alert. Two runs at once are safe for the same reason.
 */
export async function runDetectors(
  options: {
    now?: Date;
    /** Reads every stream up to this long ago instead of its own settle time (tests whose writes have all answered: 0). */
    settleMs?: number;
  } = {},
): Promise<DetectorRunSummary> {
  const now = (options.now ?? new Date()).getTime();
  const summary: DetectorRunSummary = { streams: {} };
  for (const stream of STREAMS) {
    const until = new Date(now - (options.settleMs ?? stream.settleMs));
    try {
      const found = await withWorkerTransaction(async (tx) => {
        const since =
          (await readWatermark(tx, stream.name)) ?? new Date(until.getTime() - FIRST_LOOK_BACK_MS);
        if (since >= until) return undefined;
        const run = await stream.detect(tx, since, until);
        return { ...run, tenants: await byTenant(tx, run.detections) };
      });
      if (!found) continue;
      let raised = 0;
      let failedTenants = 0;
      for (const [tenantId, detections] of found.tenants) {
        try {
          raised += await raiseInTenant(tenantId, detections);
        } catch (error) {
          failedTenants += 1;
          logger.error('Raising alerts failed for a tenant; the next run reads the same rows again', {
            stream: stream.name,
            tenantId,
            error: error as Error,
          });
        }
      }
      if (failedTenants === 0)
        await withWorkerTransaction((tx) => writeWatermark(tx, stream.name, found.until));
      summary.streams[stream.name] = {
        detections: found.detections.length,
        tenants: found.tenants.size,
        raised,
        failedTenants,
      };
    } catch (error) {
      logger.error('A detector stream failed; the next run retries it', {
        stream: stream.name,
        error: error as Error,
      });
    }
  }
  logger.info('Alert detectors ran', { ...summary });
  return summary;
}
