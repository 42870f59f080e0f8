import type { Tx } from '@halooid/shared/db/transaction';
import { recomputeLeadScore } from '../domain/lead-scoring';
import type { ActivityLink } from './schemas';

/** Activity rules score leads by their linked activities: recompute each lead a change touched, in the same transaction. */
export async function rescoreLinkedLeads(tx: Tx, tenantId: string, ...linkSets: readonly ActivityLink[][]) {
  const leads = new Set(
    linkSets.flat().flatMap((link) => (link.recordType === 'lead' ? [link.recordId] : [])),
  );
  for (const leadId of leads) await recomputeLeadScore(tx, tenantId, leadId);
}
