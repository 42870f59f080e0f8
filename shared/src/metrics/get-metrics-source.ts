import { getConfig } from '../config';
import type { Tx } from '../db/transaction';
import { cloudWatchClient, createCloudWatchSource } from './cloudwatch-source';
import { createInProcessSource } from './in-process-source';
import type { MetricsSource } from './source';

/**
 * The metrics source of this stage: CloudWatch where the functions run in AWS
 * (dev, prod), the in-process store (request_usage, read through the
 * operator's transaction `tx`) on one machine (local, test).
 */
export function getMetricsSource(tx: Tx): MetricsSource {
  const config = getConfig();
  if (config.STAGE === 'dev' || config.STAGE === 'prod') {
    return createCloudWatchSource({ client: cloudWatchClient(config.AWS_REGION), stage: config.STAGE });
  }
  return createInProcessSource(tx);
}
