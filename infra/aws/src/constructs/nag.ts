import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

export interface Suppression {
  /** The cdk-nag rule, e.g. `AwsSolutions-IAM5`. */
  id: string;
  /** Why this finding does not apply here: specific to the resource, never generic. */
  reason: string;
  /** Narrows the suppression to these findings (e.g. one managed policy, `Resource::*`). */
  appliesTo?: string[];
}

/**
 * Acknowledges cdk-nag findings on a construct and everything below it, each
 * with its written reason (cdk-nag v3 reads CDK's Validations acknowledgements;
 * a finding-level id is `Rule[finding]`). Reasons land in the cloud
 * assembly's policy validation report.
 */
export function suppress(construct: IConstruct, suppressions: Suppression[]): void {
  const validations = Validations.of(construct);
  for (const { id, reason, appliesTo } of suppressions) {
    if (appliesTo) {
      for (const finding of appliesTo) validations.acknowledge({ id: `${id}[${finding}]`, reason });
    } else {
      validations.acknowledge({ id, reason });
    }
  }
}
