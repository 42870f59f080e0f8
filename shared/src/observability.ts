import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

export type { Logger } from '@aws-lambda-powertools/logger';
export type { Metrics } from '@aws-lambda-powertools/metrics';

/** Keys every log line of a request carries, so one query in CloudWatch Logs Insights finds a whole request. */
export interface RequestLogKeys {
  correlationId: string;
  tenantId?: string;
  principalId?: string;
}

export const METRICS_NAMESPACE = 'Halooid';

/** Per-product request and 5xx counts (dimension `service` = the product key): the product's 5xx-rate alarm. */
export const PRODUCT_REQUESTS = 'ProductRequests';
export const PRODUCT_SERVER_ERRORS = 'ProductServerErrors';

export function createLogger(service: string): Logger {
  return new Logger({ serviceName: service });
}

export function createMetrics(service: string): Metrics {
  return new Metrics({ namespace: METRICS_NAMESPACE, serviceName: service });
}

/**
 * A child logger per request instead of `appendKeys` on the shared one: the
 * local runtime serves concurrent requests in one process, and a child keeps
 * one request's tenant off another request's lines.
 */
export function requestLogger(base: Logger, keys: RequestLogKeys): Logger {
  const child = base.createChild();
  child.appendPersistentKeys({ ...keys });
  return child;
}
