import { ValidationError } from '@halooid/shared/errors';
import type { MoveInput } from '../domain/stock-ledger';
import { numberProblems } from './line-rules';
import { auditBatch, type PostMovesDeps, postAndRead } from './post-moves';
import { resolveLine } from './resolve-lines';
import type { PostAdjustmentsInput, PostedMoves } from './schemas';

/**
 * Corrects stock by hand (damage, found stock, write-off): each line adds to
 * or removes from one location, valued at the item's average cost, with its
 * reason kept as the move's note. Adding may name a new lot or serial
 * (found stock); removing never takes more than is available (409
 * `insufficient_stock`). All lines land together or none does.
 */
export async function postAdjustments(
  input: PostAdjustmentsInput,
  deps: PostMovesDeps,
): Promise<PostedMoves> {
  const problems = input.lines.flatMap((line, index) => numberProblems(line, `body.lines.${index}`));
  if (problems.length > 0) throw new ValidationError('Some lines cannot be posted as they are.', problems);
  const resolveDeps = { tx: deps.tx, tenantId: deps.principal.tenantId, newId: deps.newId };
  const moves: MoveInput[] = [];
  for (const [index, line] of input.lines.entries()) {
    const adding = line.direction === 'add';
    const resolved = await resolveLine(resolveDeps, line, {
      createLots: adding,
      path: `body.lines.${index}`,
    });
    for (const part of resolved) {
      moves.push({
        kind: 'adjustment',
        itemId: part.itemId,
        lotId: part.lotId,
        quantity: part.quantity,
        fromLocationId: adding ? null : line.stockLocationId,
        toLocationId: adding ? line.stockLocationId : null,
        note: line.reason,
      });
    }
  }
  const posted = await postAndRead(deps, moves);
  await auditBatch(deps, 'invantray.stock.adjusted', posted);
  return posted;
}
