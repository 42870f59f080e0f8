import { type FieldError, ValidationError } from '@halooid/shared/errors';
import type { StageKind } from '../domain/pipelines';
import type { StageInput } from './schemas';

/** A stage as checked: its probability a decimal string. */
export interface CheckedStage {
  id: string | undefined;
  name: string;
  probability: string;
  kind: StageKind;
}

const PROBABILITY = /^\d{1,3}(\.\d{1,2})?$/;

/**
 * The rules of a stage list, checked together so every problem is reported
 * at once with its field path: probabilities are 0–100 with at most two
 * decimals (a won stage is 100, a lost one 0, so those may be left out; an
 * open stage needs one), names are unique (case-insensitive), an id appears
 * once, and the list has at least one open, one won and one lost stage.
 */
export function checkStages(stages: readonly StageInput[]): CheckedStage[] {
  const errors: FieldError[] = [];
  const names = new Set<string>();
  const ids = new Set<string>();
  const checked = stages.map((stage, index): CheckedStage => {
    const at = `body.stages.${index}`;
    const fixed = stage.kind === 'won' ? '100' : stage.kind === 'lost' ? '0' : undefined;
    let probability = stage.probability === undefined ? fixed : String(stage.probability).trim();
    if (probability === undefined) {
      errors.push({
        field: `${at}.probability`,
        message: 'An open stage needs a probability.',
        code: 'required',
      });
      probability = '0';
    } else if (!PROBABILITY.test(probability) || Number(probability) > 100) {
      errors.push({
        field: `${at}.probability`,
        message: 'A percentage from 0 to 100 with at most two decimals.',
        code: 'invalid_probability',
      });
    } else if (fixed !== undefined && Number(probability) !== Number(fixed)) {
      errors.push({
        field: `${at}.probability`,
        message: `A ${stage.kind} stage has probability ${fixed}.`,
        code: 'invalid_probability',
      });
    }
    const name = stage.name.toLowerCase();
    if (names.has(name))
      errors.push({ field: `${at}.name`, message: 'Another stage has this name.', code: 'duplicate_name' });
    names.add(name);
    if (stage.id !== undefined) {
      if (ids.has(stage.id))
        errors.push({ field: `${at}.id`, message: 'This stage is listed twice.', code: 'duplicate_id' });
      ids.add(stage.id);
    }
    return { id: stage.id, name: stage.name, probability, kind: stage.kind };
  });
  for (const kind of ['open', 'won', 'lost'] as const)
    if (!checked.some((stage) => stage.kind === kind))
      errors.push({
        field: 'body.stages',
        message: `Add at least one ${kind} stage.`,
        code: `no_${kind}_stage`,
      });
  if (errors.length > 0) throw new ValidationError(errors[0]?.message ?? 'The stages are not valid.', errors);
  return checked;
}
