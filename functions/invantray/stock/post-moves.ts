import { recordAudit } from '@halooid/shared/audit';
import { ValidationError } from '@halooid/shared/errors';
import type { RequestDeps } from '@halooid/shared/http/request-deps';
import { type MoveInput, postMoveBatch } from '../domain/stock-ledger';
import { lineProblems } from './line-rules';
import { selectBatch } from './moves-repository';
import { resolveLine } from './resolve-lines';
import type { PostedMoves, PostMovesInput } from './schemas';

export type PostMovesDeps = Pick<RequestDeps, 'tx' | 'principal' | 'newId' | 'events' | 'actor'>;

/**
 * Receives, issues or transfers stock: every line converted to the item's
 * base unit and its lot or serials resolved (a receipt makes new ones), then
 * all of them posted through the ledger in the request's one transaction, so
 * a line that cannot be done (409 `insufficient_stock`, a 422) leaves every
 * balance as it was. A receipt without `unitCost` is valued at the item's
 * current average and leaves the average alone.
 */
export async function postStockMoves(input: PostMovesInput, deps: PostMovesDeps): Promise<PostedMoves> {
  const problems = input.lines.flatMap((line, index) =>
    lineProblems(input.kind, line, `body.lines.${index}`),
  );
  if (problems.length > 0) throw new ValidationError('Some lines cannot be posted as they are.', problems);
  const resolveDeps = { tx: deps.tx, tenantId: deps.principal.tenantId, newId: deps.newId };
  const moves: MoveInput[] = [];
  for (const [index, line] of input.lines.entries()) {
    const resolved = await resolveLine(resolveDeps, line, {
      createLots: input.kind === 'receipt',
      path: `body.lines.${index}`,
    });
    for (const part of resolved) {
      moves.push({
        kind: input.kind,
        itemId: part.itemId,
        lotId: part.lotId,
        quantity: part.quantity,
        fromLocationId: line.fromStockLocationId ?? null,
        toLocationId: line.toStockLocationId ?? null,
        unitCost: part.unitCost,
        reference: input.reference ?? null,
        note: input.note ?? null,
      });
    }
  }
  const posted = await postAndRead(deps, moves);
  await auditBatch(deps, 'invantray.stock.moved', posted, { kind: input.kind });
  return posted;
}

/**
 * One audit record per batch (not per move): the batch id leads to every
 * move in the ledger, so the record stays small however many lines were posted.
 */
export async function auditBatch(
  deps: Pick<PostMovesDeps, 'tx' | 'actor'>,
  action: string,
  posted: PostedMoves,
  details: Record<string, unknown> = {},
): Promise<void> {
  await recordAudit(deps.tx, deps.actor, {
    action,
    targetType: 'invantray.stock_move_batch',
    targetId: posted.batchId,
    details: { moves: posted.moves.length, ...details },
  });
}

/** Posts the moves and answers them as the ledger list shows them (codes, names, lot numbers). */
export async function postAndRead(deps: PostMovesDeps, moves: readonly MoveInput[]): Promise<PostedMoves> {
  const { batchId } = await postMoveBatch(deps, moves);
  if (!batchId) throw new ValidationError('Nothing to post.');
  return { batchId, moves: await selectBatch(deps.tx, deps.principal.tenantId, batchId) };
}
