import { bucketIndex, emptyBuckets } from './histogram';
import { clientNetwork } from './network';

/** One answered API request, as the HTTP adapter saw it. */
export interface RequestUsage {
  tenantId: string;
  product: string;
  /** 'user', or 'apikey:<keyId>' (the authorizer's principal id of an API key). */
  principal: string;
  status: number;
  latencyMs: number;
  /** The client's address; only API keys' networks are kept. */
  sourceIp?: string;
  at: Date;
}

/** A batch's counts for one request_usage row; added (`+=`) to what the row holds. */
export interface UsageRow {
  hour: string;
  product: string;
  principal: string;
  requests: number;
  errors: number;
  clientErrors: number;
  latencyMsSum: number;
  latencyBuckets: number[];
}

/** A batch's sightings of one API key in one network (api_key_networks). */
export interface NetworkRow {
  keyId: string;
  network: string;
  firstSeen: string;
  lastSeen: string;
  requests: number;
}

export interface TenantBatch {
  tenantId: string;
  usage: UsageRow[];
  networks: NetworkRow[];
}

/** Writes one tenant's batch (in that tenant's transaction, in production). */
export type UsageWriter = (batch: TenantBatch) => Promise<void>;

export interface UsageBufferOptions {
  write: UsageWriter;
  /** Distinct rows held before a flush is due. */
  maxRows?: number;
  /** Age of the oldest unflushed request before a flush is due. */
  maxAgeMs?: number;
  now?: () => number;
  /** A tenant's batch that could not be written is dropped (counts are best effort); told here. */
  onError?: (error: unknown, batch: TenantBatch) => void;
}

const API_KEY_PREFIX = 'apikey:';

/**
 * Request counts held in memory and written in batches, so no request waits
 * for a write of its own: one row per (tenant, hour, product, principal) and
 * per (tenant, key, network), whatever the number of requests. A flush is due
 * when the buffer holds `maxRows` rows or its oldest request is `maxAgeMs`
 * old; the caller decides when to check (see recorder.ts).
 */
export class UsageBuffer {
  private usage = new Map<string, { tenantId: string; row: UsageRow }>();
  private networks = new Map<string, { tenantId: string; row: NetworkRow }>();
  private oldest: number | undefined;
  private running: Promise<void> | undefined;
  private readonly maxRows: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(private readonly options: UsageBufferOptions) {
    this.maxRows = options.maxRows ?? 500;
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.usage.size + this.networks.size;
  }

  record(request: RequestUsage): void {
    const hour = hourOf(request.at);
    const key = `${request.tenantId}\u0000${hour}\u0000${request.product}\u0000${request.principal}`;
    let entry = this.usage.get(key);
    if (!entry) {
      entry = {
        tenantId: request.tenantId,
        row: {
          hour,
          product: request.product,
          principal: request.principal,
          requests: 0,
          errors: 0,
          clientErrors: 0,
          latencyMsSum: 0,
          latencyBuckets: emptyBuckets(),
        },
      };
      this.usage.set(key, entry);
    }
    const { row } = entry;
    row.requests += 1;
    if (request.status >= 500) row.errors += 1;
    else if (request.status >= 400) row.clientErrors += 1;
    const latency = Math.max(0, request.latencyMs);
    row.latencyMsSum += Math.round(latency);
    const bucket = bucketIndex(latency);
    row.latencyBuckets[bucket] = (row.latencyBuckets[bucket] ?? 0) + 1;

    if (request.principal.startsWith(API_KEY_PREFIX) && request.sourceIp) this.recordNetwork(request);
    this.oldest ??= this.now();
  }

  private recordNetwork(request: RequestUsage): void {
    const network = clientNetwork(request.sourceIp ?? '');
    if (!network) return;
    const keyId = request.principal.slice(API_KEY_PREFIX.length);
    const at = request.at.toISOString();
    const key = `${request.tenantId}\u0000${keyId}\u0000${network}`;
    const entry = this.networks.get(key);
    if (!entry) {
      this.networks.set(key, {
        tenantId: request.tenantId,
        row: { keyId, network, firstSeen: at, lastSeen: at, requests: 1 },
      });
      return;
    }
    entry.row.requests += 1;
    if (at > entry.row.lastSeen) entry.row.lastSeen = at;
    if (at < entry.row.firstSeen) entry.row.firstSeen = at;
  }

  /** Whether the buffer is full enough or old enough to be written now. */
  due(): boolean {
    if (this.oldest === undefined) return false;
    return this.size >= this.maxRows || this.now() - this.oldest >= this.maxAgeMs;
  }

  /**
   * Writes everything held, one batch per tenant (a tenant's failure drops
   * that tenant's batch only). The buffer is swapped first, so requests
   * answered meanwhile land in the next batch; a flush already running is
   * awaited, then this one writes what arrived since.
   */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    if (this.size === 0) return;
    const batches = this.take();
    this.running = Promise.all(
      batches.map((batch) =>
        this.options.write(batch).catch((error: unknown) => this.options.onError?.(error, batch)),
      ),
    ).then(() => undefined);
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
  }

  private take(): TenantBatch[] {
    const byTenant = new Map<string, TenantBatch>();
    const batchOf = (tenantId: string) => {
      let batch = byTenant.get(tenantId);
      if (!batch) {
        batch = { tenantId, usage: [], networks: [] };
        byTenant.set(tenantId, batch);
      }
      return batch;
    };
    for (const { tenantId, row } of this.usage.values()) batchOf(tenantId).usage.push(row);
    for (const { tenantId, row } of this.networks.values()) batchOf(tenantId).networks.push(row);
    this.usage = new Map();
    this.networks = new Map();
    this.oldest = undefined;
    return [...byTenant.values()];
  }
}

/** The start of the request's UTC hour, ISO 8601. */
export function hourOf(at: Date): string {
  const hour = new Date(at.getTime());
  hour.setUTCMinutes(0, 0, 0);
  return hour.toISOString();
}
