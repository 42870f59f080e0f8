import type { CurrencyTotal } from '../money';

/** The pipeline API's shapes as the screens use them (see functions/customerconnect/pipelines). */
export type StageKind = 'open' | 'won' | 'lost';

export interface Stage {
  id: string;
  name: string;
  /** Decimal string, 0–100 ("33.33"). */
  probability: string;
  kind: StageKind;
  position?: number;
}

export interface Pipeline {
  id: string;
  name: string;
  isDefault: boolean;
  projectTemplateId: string | null;
  archived?: boolean;
  version: number;
  stages: Stage[];
}

export interface Deal {
  id: string;
  name: string;
  pipelineId: string;
  stageId: string;
  status: StageKind;
  amount: string | null;
  currency: string | null;
  expectedCloseDate: string | null;
  ownerId: string | null;
  companyId: string | null;
  rank?: string | number;
  closeReason?: string | null;
  version: number;
}

export interface BoardColumn {
  stage: Stage;
  count: number;
  totals: CurrencyTotal[];
  deals: Deal[];
  nextCursor: string | null;
}

export interface Board {
  pipeline: Pipeline;
  columns: BoardColumn[];
}

/** The body of `POST /opportunities/{id}/stage`. */
export interface StageMoveBody {
  stageId: string;
  beforeId?: string;
  afterId?: string;
  reason?: string;
  version?: number;
}
