import { type CreateLeadDeps, createLeadRecord, type Lead } from '../domain/leads';
import type { CreateLeadInput } from './schemas';

/** A lead by hand: owned by its creator unless the body names an owner (`null`: the assignment rules decide). */
export function createLead(input: CreateLeadInput, deps: CreateLeadDeps): Promise<Lead> {
  return createLeadRecord(input, deps, { via: 'api' });
}
