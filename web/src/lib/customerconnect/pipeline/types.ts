import type { BodyOf, JsonOf, paths } from '$lib/api';
import type { CurrencyTotal } from '../money';

/** The pipeline API's types, taken from the generated client types (functions/customerconnect/pipelines, opportunities). */
export type Pipeline = JsonOf<paths['/v1/customerconnect/pipelines/{pipelineId}']['get']['responses']['200']>;
export type Stage = Pipeline['stages'][number];
export type StageKind = Stage['kind'];
export type CreatePipelineBody = BodyOf<paths['/v1/customerconnect/pipelines']['post']>;
export type ChangePipelineBody = BodyOf<paths['/v1/customerconnect/pipelines/{pipelineId}']['patch']>;

export type BoardResponse = JsonOf<paths['/v1/customerconnect/board']['get']['responses']['200']>;
/** A card: the opportunity as lists and the board show it. */
export type Deal = BoardResponse['stages'][number]['cards'][number];
export type StageMoveBody = BodyOf<paths['/v1/customerconnect/opportunities/{opportunityId}/stage']['post']>;

/** The board as the screen keeps it: a column per stage, cards appended as more pages load. */
export interface BoardColumn {
  stage: Stage;
  count: number;
  totals: CurrencyTotal[];
  deals: Deal[];
  nextCursor: string | null;
}

export interface Board {
  pipeline: BoardResponse['pipeline'];
  columns: BoardColumn[];
}
