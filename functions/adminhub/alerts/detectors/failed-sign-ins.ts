import { type Detection, MINUTE_MS, type SignInEvent } from './detection';

export const FAILED_SIGN_IN_BURST = 'failed-sign-in-burst';
export const ACCOUNT_LOCKOUT = 'account-lockout';

export interface BurstRules {
  /** Failed attempts within the window that make a burst. */
  failures: number;
  windowMinutes: number;
}

/**
 * 10 failures in 10 minutes: the account lockout (platform auth,
 * abuse-limits.ts) trips at 10 in 15, so a burst is raised no later than the
 * lock, and a person mistyping a password a few times never is.
 */
export const BURST_RULES: BurstRules = { failures: 10, windowMinutes: 10 };

/**
 * A refused attempt counts as a failure whether the password was wrong or the
 * account was already locked: a bot keeps trying through the lock, and those
 * tries are the attack as much as the ones before it.
 */
const isFailure = (event: SignInEvent) => event.outcome === 'failure' || event.outcome === 'locked';

interface Group {
  /** Failures in the window ending at the group's latest new failure. */
  inWindow: SignInEvent[];
  /** Failures after the watermark: what this run adds. */
  fresh: number;
}

/** Failures grouped by a key, counted in the window that ends at each group's latest fresh failure. */
function groupFailures(
  events: readonly SignInEvent[],
  since: Date,
  rules: BurstRules,
  keyOf: (event: SignInEvent) => string | null,
): Map<string, Group> {
  const byKey = new Map<string, SignInEvent[]>();
  for (const event of events) {
    const key = isFailure(event) ? keyOf(event) : null;
    if (key !== null) byKey.set(key, [...(byKey.get(key) ?? []), event]);
  }
  const groups = new Map<string, Group>();
  for (const [key, failures] of byKey) {
    const fresh = failures.filter((event) => event.occurredAt > since);
    const latest = fresh.at(-1);
    if (!latest) continue;
    const start = latest.occurredAt.getTime() - rules.windowMinutes * MINUTE_MS;
    const inWindow = failures.filter(
      (event) => event.occurredAt.getTime() > start && event.occurredAt <= latest.occurredAt,
    );
    groups.set(key, { inWindow, fresh: fresh.length });
  }
  return groups;
}

/** Failures per user, largest first: whose accounts a burst went after. */
function perUser(failures: readonly SignInEvent[]) {
  const counts = new Map<string, { failures: number; locked: boolean }>();
  for (const event of failures) {
    if (!event.userId) continue;
    const seen = counts.get(event.userId) ?? { failures: 0, locked: false };
    counts.set(event.userId, {
      failures: seen.failures + 1,
      locked: seen.locked || event.outcome === 'locked',
    });
  }
  return [...counts].map(([userId, count]) => ({ userId, ...count })).sort((a, b) => b.failures - a.failures);
}

/**
 * Bursts of failed sign-ins, in one pass so that one attack is one alert:
 * - per source IP: `rules.failures` failures from one address within the
 *   window, whoever they targeted (credential stuffing, or one account
 *   hammered). Its evidence names the targeted users and whether they got
 *   locked, so a lockout caused by the burst raises nothing more.
 * - per user: failures of one account reaching the rule from addresses that
 *   are no burst themselves (a spread-out attack, which no IP burst shows).
 * - lockouts: a `locked` attempt of a user whose failures no burst above
 *   explains (a slow guess, or a person locked out).
 * `events` are the attempts since `since` minus the window (the window
 * looks back past the watermark); only groups with attempts after `since`
 * are detected again, so a quiet burst is not raised every minute.
 */
export function detectFailedSignIns(
  events: readonly SignInEvent[],
  since: Date,
  rules: BurstRules = BURST_RULES,
): Detection[] {
  const detections: Detection[] = [];
  const burstIps = new Set<string>();
  const explainedUsers = new Set<string>();

  for (const [ip, group] of groupFailures(events, since, rules, (event) => event.ip)) {
    if (group.inWindow.length < rules.failures) continue;
    burstIps.add(ip);
    const users = perUser(group.inWindow);
    for (const user of users) explainedUsers.add(user.userId);
    detections.push({
      detector: FAILED_SIGN_IN_BURST,
      severity: group.inWindow.length >= rules.failures * 5 ? 'critical' : 'high',
      title: `${group.inWindow.length} failed sign-ins from ${ip} within ${rules.windowMinutes} minutes`,
      dedupKey: `${FAILED_SIGN_IN_BURST}:ip:${ip}`,
      subject: { type: 'ip', id: ip },
      evidence: {
        ip,
        windowMinutes: rules.windowMinutes,
        failures: group.inWindow.length,
        users,
        userAgents: [...new Set(group.inWindow.map((event) => event.userAgent ?? ''))].slice(0, 5),
        countries: [...new Set(group.inWindow.flatMap((event) => (event.country ? [event.country] : [])))],
      },
      firstSeen: group.inWindow[0]?.occurredAt as Date,
      lastSeen: group.inWindow.at(-1)?.occurredAt as Date,
      occurrences: group.inWindow.length,
      addOccurrences: group.fresh,
      target: { kind: 'users', userIds: users.map((user) => user.userId) },
    });
  }

  const fromElsewhere = events.filter((event) => !event.ip || !burstIps.has(event.ip));
  for (const [userId, group] of groupFailures(fromElsewhere, since, rules, (event) => event.userId)) {
    if (group.inWindow.length < rules.failures) continue;
    explainedUsers.add(userId);
    const ips = [...new Set(group.inWindow.flatMap((event) => (event.ip ? [event.ip] : [])))];
    detections.push({
      detector: FAILED_SIGN_IN_BURST,
      severity: 'high',
      title: `${group.inWindow.length} failed sign-ins for one account from ${ips.length} addresses within ${rules.windowMinutes} minutes`,
      dedupKey: `${FAILED_SIGN_IN_BURST}:user:${userId}`,
      subject: { type: 'user', id: userId },
      evidence: {
        userId,
        windowMinutes: rules.windowMinutes,
        failures: group.inWindow.length,
        ips: ips.slice(0, 50),
        locked: group.inWindow.some((event) => event.outcome === 'locked'),
      },
      firstSeen: group.inWindow[0]?.occurredAt as Date,
      lastSeen: group.inWindow.at(-1)?.occurredAt as Date,
      occurrences: group.inWindow.length,
      addOccurrences: group.fresh,
      target: { kind: 'users', userIds: [userId] },
    });
  }

  const lockouts = new Map<string, SignInEvent[]>();
  for (const event of events)
    if (
      event.outcome === 'locked' &&
      event.userId &&
      event.occurredAt > since &&
      !explainedUsers.has(event.userId)
    )
      lockouts.set(event.userId, [...(lockouts.get(event.userId) ?? []), event]);
  for (const [userId, locked] of lockouts)
    detections.push({
      detector: ACCOUNT_LOCKOUT,
      severity: 'medium',
      title: 'An account was locked after repeated failed sign-ins',
      dedupKey: `${ACCOUNT_LOCKOUT}:user:${userId}`,
      subject: { type: 'user', id: userId },
      evidence: {
        userId,
        refusedWhileLocked: locked.length,
        ips: [...new Set(locked.flatMap((event) => (event.ip ? [event.ip] : [])))],
      },
      firstSeen: locked[0]?.occurredAt as Date,
      lastSeen: locked.at(-1)?.occurredAt as Date,
      occurrences: locked.length,
      addOccurrences: locked.length,
      target: { kind: 'users', userIds: [userId] },
    });
  return detections;
}
