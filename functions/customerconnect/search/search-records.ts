import { permits } from '@halooid/shared/auth/permissions';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { RECORD_OBJECTS } from '../domain/records';
import { binderFor, visibilityOf, visibleCondition } from '../domain/visibility';
import { prefixPattern, prefixTsQuery } from './query-text';
import { runSearch, searchBranch } from './repository';
import type { SearchHit, SearchQuery } from './schemas';

export type SearchDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/**
 * One ranked list across companies, contacts, leads and opportunities: for
 * each object the caller's role may read (`customerconnect:<object>:read`)
 * and asked for, its best matches within the visibility rule, merged in one
 * statement. Tombstones never show.
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
  const tsquery = prefixTsQuery(low);
  const terms = {
    low: bind(low),
    prefix: bind(prefixPattern(low)),
    tsquery: tsquery === null ? null : bind(tsquery),
  };
  const limit = bind(query.limit);
  const branches: string[] = [];
  for (const object of objects) {
    const visible = visibleCondition(
      await visibilityOf(tx, principal, object),
      principal.tenantId,
      'r.owner_id',
      bind,
    );
    branches.push(searchBranch(object, terms, visible, limit, tenant));
  }
  return { items: await runSearch(tx, values, branches, limit) };
}
