import type { CreateOpportunityInput, OpportunityDetail } from '../domain/opportunity';
import { insertOpportunity, type OpportunityWriteDeps } from '../domain/opportunity-repository';

/**
 * POST: the opportunity in its pipeline (the default one if none is named)
 * and stage (the first open one if none is named), owned by the caller
 * unless `ownerId` says otherwise. insertOpportunity checks the references
 * and custom values and leaves the trace (history, timeline, events, audit).
 */
export function createOpportunity(
  input: CreateOpportunityInput,
  deps: OpportunityWriteDeps,
): Promise<OpportunityDetail> {
  return insertOpportunity(deps, input);
}
