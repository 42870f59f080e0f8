import { DAY_MS, type Detection, HOUR_MS } from './detection';

export const API_KEY_NEW_NETWORK = 'api-key-new-network';
export const API_KEY_RATE_SPIKE = 'api-key-rate-spike';

/** A key's requests in one hour (platform.request_usage summed over products). */
export interface KeyHour {
  tenantId: string;
  keyId: string;
  hour: Date;
  requests: number;
}

/** A network a key was used from (platform.api_key_networks: a /24 or a /48). */
export interface KeyNetwork {
  tenantId: string;
  keyId: string;
  network: string;
  firstSeen: Date;
  lastSeen: Date;
  requests: number;
}

export interface RateRules {
  /** How many times the usual hourly rate is a spike. */
  factor: number;
  /** The usual rate is never taken below this many requests an hour, so a quiet key's first burst of calls is no spike. */
  floorPerHour: number;
  /** The baseline: the key's previous hours, at most this many days. */
  baselineDays: number;
  /** A key younger than this has no usual rate yet. */
  minHistoryHours: number;
}

export const RATE_RULES: RateRules = { factor: 10, floorPerHour: 20, baselineDays: 7, minHistoryHours: 24 };

/** How long a network stays known: one not seen for this long is new again. */
export const NETWORK_MEMORY_DAYS = 30;

/**
 * A key used at `factor` times its usual hourly rate. The usual rate is a
 * rolling baseline per key: the mean of its hours over the previous 7 days
 * from its first hour in them (quiet hours count as zero), never below the
 * floor; a key with less than a day of history has none and raises nothing.
 * `hours` holds each key's hours of the baseline and the hour being judged
 * (`current`, the hour the run falls in, still counting): the alert comes
 * while the spike happens, not when its hour closes.
 */
export function detectRateSpikes(
  hours: readonly KeyHour[],
  current: Date,
  rules: RateRules = RATE_RULES,
): Detection[] {
  const currentHour = Math.floor(current.getTime() / HOUR_MS) * HOUR_MS;
  const byKey = new Map<string, KeyHour[]>();
  for (const hour of hours) byKey.set(hour.keyId, [...(byKey.get(hour.keyId) ?? []), hour]);

  const detections: Detection[] = [];
  for (const [keyId, keyHours] of byKey) {
    const now = keyHours.filter((hour) => hour.hour.getTime() === currentHour);
    const requests = now.reduce((sum, hour) => sum + hour.requests, 0);
    const tenantId = now[0]?.tenantId;
    if (!tenantId || requests === 0) continue;
    const baselineStart = currentHour - rules.baselineDays * DAY_MS;
    const before = keyHours.filter(
      (hour) => hour.hour.getTime() >= baselineStart && hour.hour.getTime() < currentHour,
    );
    const first = Math.min(...before.map((hour) => hour.hour.getTime()));
    const span = before.length === 0 ? 0 : (currentHour - first) / HOUR_MS;
    if (span < rules.minHistoryHours) continue;
    const mean = before.reduce((sum, hour) => sum + hour.requests, 0) / span;
    const usual = Math.max(mean, rules.floorPerHour);
    if (requests < usual * rules.factor) continue;
    const ratio = Math.round((requests / usual) * 10) / 10;
    detections.push({
      detector: API_KEY_RATE_SPIKE,
      severity: ratio >= rules.factor * 10 ? 'high' : 'medium',
      title: `API key ${keyId} is making ${ratio}× its usual requests per hour`,
      dedupKey: `${API_KEY_RATE_SPIKE}:${keyId}`,
      subject: { type: 'api_key', id: keyId },
      evidence: {
        keyId,
        hour: new Date(currentHour).toISOString(),
        requests,
        usualPerHour: Math.round(mean * 100) / 100,
        floorPerHour: rules.floorPerHour,
        baselineHours: span,
        ratio,
      },
      firstSeen: new Date(currentHour),
      lastSeen: current,
      occurrences: 1,
      // The same spike seen again next minute is the same incident, not another one.
      addOccurrences: 0,
      target: { kind: 'tenant', tenantId },
    });
  }
  return detections;
}

/**
 * A key used from a network it was not used from in the last 30 days.
 * `fresh` are the networks first seen after the watermark; `known` every
 * network of those keys seen within 30 days before it. A key's very first
 * network is its first use, not a change, and raises nothing.
 */
export function detectNewNetworks(fresh: readonly KeyNetwork[], known: readonly KeyNetwork[]): Detection[] {
  const detections: Detection[] = [];
  for (const network of fresh) {
    const others = known.filter(
      (candidate) =>
        candidate.keyId === network.keyId &&
        candidate.network !== network.network &&
        candidate.firstSeen < network.firstSeen &&
        candidate.lastSeen.getTime() >= network.firstSeen.getTime() - NETWORK_MEMORY_DAYS * DAY_MS,
    );
    if (others.length === 0) continue;
    detections.push({
      detector: API_KEY_NEW_NETWORK,
      severity: 'medium',
      title: `API key ${network.keyId} was used from a new network (${network.network})`,
      dedupKey: `${API_KEY_NEW_NETWORK}:${network.keyId}:${network.network}`,
      subject: { type: 'api_key', id: network.keyId },
      evidence: {
        keyId: network.keyId,
        network: network.network,
        requests: network.requests,
        knownNetworks: others.map((other) => other.network).slice(0, 20),
      },
      firstSeen: network.firstSeen,
      lastSeen: network.lastSeen,
      occurrences: 1,
      addOccurrences: 0,
      target: { kind: 'tenant', tenantId: network.tenantId },
    });
  }
  return detections;
}
