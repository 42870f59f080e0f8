import type { Stage, StageKind } from '../pipeline/types';

/**
 * The stage editor's rows and rules: the order is the board's, won stages
 * are 100 % and lost ones 0 % (the table checks say so), and a pipeline
 * needs at least one open, one won and one lost stage.
 */
export interface StageDraft {
  /** The stage's id when it exists (kept: its deals stay in it); a new row has none. */
  id?: string;
  /** A key for the list while editing. */
  key: string;
  name: string;
  kind: StageKind;
  probability: string;
}

let counter = 0;
export const draftKey = () => `new-${++counter}`;

export function draftsOf(stages: readonly Stage[]): StageDraft[] {
  return stages.map((stage) => ({
    id: stage.id,
    key: stage.id,
    name: stage.name,
    kind: stage.kind,
    probability: stage.probability,
  }));
}

export function standardStages(): StageDraft[] {
  return [
    { key: draftKey(), name: 'Qualification', kind: 'open', probability: '10' },
    { key: draftKey(), name: 'Proposal', kind: 'open', probability: '50' },
    { key: draftKey(), name: 'Negotiation', kind: 'open', probability: '80' },
    { key: draftKey(), name: 'Won', kind: 'won', probability: '100' },
    { key: draftKey(), name: 'Lost', kind: 'lost', probability: '0' },
  ];
}

/** The list with row `index` moved by `delta` places (clamped). */
export function moveStage(stages: readonly StageDraft[], index: number, delta: number): StageDraft[] {
  const next = [...stages];
  const target = Math.max(0, Math.min(next.length - 1, index + delta));
  const [row] = next.splice(index, 1);
  if (row) next.splice(target, 0, row);
  return next;
}

/** A kind change sets the probability a won or lost stage must have. */
export function withKind(stage: StageDraft, kind: StageKind): StageDraft {
  if (kind === 'won') return { ...stage, kind, probability: '100' };
  if (kind === 'lost') return { ...stage, kind, probability: '0' };
  return { ...stage, kind };
}

/** What is wrong with the list before it is sent ('' when nothing is). */
export function stagesProblem(stages: readonly StageDraft[]): string {
  for (const kind of ['open', 'won', 'lost'] as const) {
    if (!stages.some((stage) => stage.kind === kind)) return `Add at least one ${kind} stage.`;
  }
  if (stages.some((stage) => !stage.name.trim())) return 'Name every stage.';
  const bad = stages.find(
    (stage) =>
      stage.kind === 'open' &&
      (!/^\d{1,3}(\.\d{1,2})?$/.test(stage.probability.trim()) || Number(stage.probability) > 100),
  );
  if (bad) return `${bad.name || 'An open stage'}: a probability from 0 to 100 (at most two decimals).`;
  return '';
}

/** The API's stage list: ids kept, probabilities only where the kind does not fix them. */
export function stagesBody(stages: readonly StageDraft[]) {
  return stages.map((stage) => ({
    ...(stage.id ? { id: stage.id } : {}),
    name: stage.name.trim(),
    kind: stage.kind,
    ...(stage.kind === 'open' ? { probability: stage.probability.trim() } : {}),
  }));
}
