import { DAY_MS, type Detection, type SignInEvent } from './detection';
import { deviceOf } from './device';

export const NEW_SIGN_IN_LOCATION = 'admin-new-sign-in-location';

/** How far back an admin's successful sign-ins say what is usual for them. */
export const HISTORY_DAYS = 90;

/**
 * Successful sign-ins from a country or a device the person has not signed
 * in from in the previous 90 days. Only administrators are watched (the job
 * sends these to tenants where the person administers): theirs are the
 * accounts worth taking over. Someone with no successful sign-in in those 90
 * days has nothing to compare with, so their first sign-in raises nothing.
 * `history` are the successes before `since` (90 days); `fresh` the
 * successes after it, oldest first — each counts as history for the next.
 */
export function detectNewSignInLocations(
  fresh: readonly SignInEvent[],
  history: readonly SignInEvent[],
): Detection[] {
  const known = new Map<string, { countries: Set<string>; devices: Set<string>; times: Date[] }>();
  const remember = (event: SignInEvent) => {
    if (!event.userId) return;
    const seen = known.get(event.userId) ?? { countries: new Set(), devices: new Set(), times: [] };
    if (event.country) seen.countries.add(event.country);
    seen.devices.add(deviceOf(event.userAgent));
    seen.times.push(event.occurredAt);
    known.set(event.userId, seen);
  };
  for (const event of history) remember(event);

  const detections: Detection[] = [];
  for (const event of fresh) {
    if (event.outcome !== 'success' || !event.userId) continue;
    const seen = known.get(event.userId);
    const since = event.occurredAt.getTime() - HISTORY_DAYS * DAY_MS;
    const usual = seen?.times.some((time) => time.getTime() > since) ? seen : undefined;
    if (usual) {
      const device = deviceOf(event.userAgent);
      const newCountry = event.country && !usual.countries.has(event.country) ? event.country : null;
      const newDevice = usual.devices.has(device) ? null : device;
      if (newCountry || newDevice)
        detections.push({
          detector: NEW_SIGN_IN_LOCATION,
          severity: newCountry ? 'high' : 'medium',
          title: newCountry
            ? `An administrator signed in from a new country (${newCountry})`
            : `An administrator signed in from a new device (${device})`,
          dedupKey: `${NEW_SIGN_IN_LOCATION}:user:${event.userId}:${newCountry ? `country:${newCountry}` : `device:${device}`}`,
          subject: { type: 'user', id: event.userId },
          evidence: {
            userId: event.userId,
            ip: event.ip,
            country: event.country,
            device,
            userAgent: event.userAgent,
            newCountry: newCountry !== null,
            newDevice: newDevice !== null,
            knownCountries: [...usual.countries].slice(0, 20),
            knownDevices: [...usual.devices].slice(0, 20),
          },
          firstSeen: event.occurredAt,
          lastSeen: event.occurredAt,
          occurrences: 1,
          addOccurrences: 1,
          target: { kind: 'users', userIds: [event.userId], adminsOnly: true },
        });
    }
    remember(event);
  }
  return detections;
}
