import { permits } from '@halooid/shared/auth/permissions';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { RECORD_OBJECTS } from '../domain/records';
import { binderFor, visibilitiesOf, visibleCondition } from '../domain/visibility';
import { prefixPattern, prefixTsQuery } from './query-text';
import { hitBranch, runSearch } from './repository';
import type { SearchHit, SearchQuery } from './schemas';

/** Candidates per object when the caller sees only some records (the visibility rule filters them after). */
const SCOPED_CANDIDATES = 500;

export type SearchDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/**
 * One ranked list across companies, contacts, leads and opportunities: for
 * each object the caller's role may read (`customerconnect:<object>:read`)
 * and asked for, its best matches within the visibility rule, merged in one
 * statement of two steps: customerconnect.search_candidates (migrations
 * 0003, 0004) matches through the full-text and trigram indexes, which RLS
 * would otherwise keep out of reach, within the current tenant — precise
 * matches (every word a prefix, exact email or domain) first, trigram typo
 * tolerance only when nothing matched precisely; the candidates are then read
 * back as the caller, through RLS and visibleCondition. Tombstones never show.
 */
export async function searchRecords(query: SearchQuery, deps: SearchDeps): Promise<{ items: SearchHit[] }> {
  const { tx, principal } = deps;
  const objects = (query.types ?? RECORD_OBJECTS).filter((object) =>
    permits(principal.grants, `customerconnect:${object}:read`),
  );
  if (objects.length === 0) return { items: [] };
  const values: unknown[] = [];
  const bind = binderFor(values);
  const tenant = bind(principal.tenantId);
  const low = query.q.toLowerCase();
  const branches: string[] = [];
  let everything = true;
  const visibility = await visibilitiesOf(tx, principal);
  for (const object of objects) {
    const visible = visibleCondition(visibility(object), principal.tenantId, 'r.owner_id', bind);
    if (visible !== 'true') everything = false;
    branches.push(hitBranch(object, visible, tenant));
  }
  // Visibility filters after the index phase: a caller who sees only some
  // records gets more candidates per object, so their best visible hits
  // still make the list.
  const terms = {
    low: bind(low),
    prefix: bind(prefixPattern(low)),
    tsquery: bind(prefixTsQuery(low)),
    objects: bind(objects),
    cap: bind(everything ? query.limit : SCOPED_CANDIDATES),
  };
  const limit = bind(query.limit);
  return { items: await runSearch(tx, values, terms, branches, limit) };
}
