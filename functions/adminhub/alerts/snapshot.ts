import type { Alert } from './schemas';

/** An alert as its events carry it (events.ts AlertSnapshot): never its evidence. */
export function alertSnapshot(alert: Alert) {
  return {
    id: alert.id,
    detector: alert.detector,
    severity: alert.severity,
    title: alert.title,
    subject: alert.subject,
  };
}
