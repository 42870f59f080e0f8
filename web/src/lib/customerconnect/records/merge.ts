/**
 * What a merge keeps, as the API does it (domain/merge.ts): the survivor's
 * own values stay; where it has none it takes the merged record's; tags and
 * emails are the union; custom values are the union with the survivor's
 * winning. The preview shows each field that either record has.
 */
import type { FieldDefinition } from './custom';
import { formatCustom } from './custom';
import { type CrmRecord, type FieldSpec, formValue } from './objects';

export interface MergeRow {
  label: string;
  survivor: string;
  other: string;
  result: string;
  /** Where the result comes from. */
  source: 'survivor' | 'other' | 'both' | 'same';
}

const UNION: ReadonlySet<string> = new Set(['tags', 'emails', 'phones']);

function union(a: string, b: string): string {
  const items = [...a.split(','), ...b.split(',')].map((item) => item.trim()).filter(Boolean);
  return [...new Set(items)].join(', ');
}

function row(label: string, survivor: string, other: string, unite: boolean): MergeRow | undefined {
  if (!survivor && !other) return undefined;
  if (survivor === other) return { label, survivor, other, result: survivor, source: 'same' };
  if (unite && survivor && other)
    return { label, survivor, other, result: union(survivor, other), source: 'both' };
  if (survivor) return { label, survivor, other, result: survivor, source: 'survivor' };
  return { label, survivor, other, result: other, source: 'other' };
}

export function mergePreview(
  specs: readonly FieldSpec[],
  definitions: readonly FieldDefinition[],
  survivor: CrmRecord,
  other: CrmRecord,
  display: (spec: FieldSpec, value: string) => string = (_spec, value) => value,
): MergeRow[] {
  const rows: MergeRow[] = [];
  for (const spec of specs) {
    const a = formValue(spec, survivor);
    const b = formValue(spec, other);
    const shown = (value: string) => (value ? display(spec, value) : '');
    const merged = row(spec.label, shown(a), shown(b), UNION.has(spec.key));
    if (merged) rows.push(merged);
  }
  for (const definition of definitions) {
    const a = formatCustom(definition, survivor.custom?.[definition.key]);
    const b = formatCustom(definition, other.custom?.[definition.key]);
    const merged = row(definition.label, a, b, false);
    if (merged) rows.push(merged);
  }
  return rows;
}
