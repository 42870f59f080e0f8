import { NotFoundError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import type { LabelContent } from './label';
import { selectItemLabelFacts } from './repository';

export type LabelDeps = Pick<RequestDeps, 'tx' | 'principal'>;

/** An item's label: its name, its SKU, and its first barcode (or the SKU when it has none) as the symbols. */
export async function itemLabel(itemId: string, deps: LabelDeps): Promise<LabelContent> {
  const facts = await selectItemLabelFacts(deps.tx, deps.principal.tenantId, itemId);
  if (!facts) throw new NotFoundError('Item');
  return { title: facts.name, subtitle: `SKU ${facts.sku}`, value: facts.barcode ?? facts.sku };
}
