import { isDecimal, trimDecimal } from '$lib/decimal';
import { invGet } from '../http';
import type { DraftLine } from './order-lines';
import type { Quote } from './types';

/**
 * The supplier's price for a line's item and quantity today (its quantity
 * breaks), as the line's price field shows it; undefined when the buyer typed
 * their own or there is nothing to price, '' when the supplier quotes none.
 */
export async function quoteLine(supplierId: string, line: DraftLine): Promise<string | undefined> {
  if (!supplierId || !line.item || !line.quoted || !isDecimal(line.quantity)) return undefined;
  try {
    const answer = await invGet<Quote>(`/suppliers/${supplierId}/quote`, {
      itemId: line.item.id,
      quantity: line.quantity.trim(),
    });
    return answer.price ? trimDecimal(answer.price.unitPrice) : '';
  } catch {
    // No quote: the field stays empty, and the API says so if the supplier has no price.
    return undefined;
  }
}
