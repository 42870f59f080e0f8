import { ValidationError } from '@halooid/shared/errors';
import { describe, expect, it } from 'vitest';
import {
  compileFields,
  customChanges,
  customFilterConditions,
  customSortColumns,
  type FieldDefinition,
  validateCustom,
} from './custom-fields';
import { binderFor } from './visibility';

let counter = 0;
function field(overrides: Partial<FieldDefinition> & Pick<FieldDefinition, 'key' | 'type'>): FieldDefinition {
  counter += 1;
  return {
    id: `0195e0a0-0000-7000-8000-${String(counter).padStart(12, '0')}`,
    object: 'company',
    label: overrides.key,
    options: [],
    required: false,
    position: counter,
    archived: false,
    ...overrides,
  };
}

const fields = compileFields(3, [
  field({ key: 'tier', type: 'select', options: ['gold', 'silver'], label: 'Tier' }),
  field({ key: 'regions', type: 'multi_select', options: ['emea', 'apac', 'amer'] }),
  field({ key: 'seats', type: 'number' }),
  field({ key: 'renewal', type: 'date' }),
  field({ key: 'partner', type: 'boolean' }),
  field({ key: 'arr', type: 'currency' }),
  field({ key: 'csm', type: 'user' }),
  field({ key: 'notes', type: 'text' }),
  field({ key: 'legacy', type: 'text', archived: true }),
]);

function validationError(run: () => unknown): ValidationError {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('Expected a ValidationError.');
}

describe('compileFields', () => {
  it('keeps active definitions in position order and drops archived ones', () => {
    expect(fields.version).toBe(3);
    expect(fields.definitions.map((definition) => definition.key)).toEqual([
      'tier',
      'regions',
      'seats',
      'renewal',
      'partner',
      'arr',
      'csm',
      'notes',
    ]);
    expect(fields.byKey.has('legacy')).toBe(false);
  });

  it('does not reorder the caller’s array', () => {
    const input = [
      field({ key: 'b', type: 'text', position: 2 }),
      field({ key: 'a', type: 'text', position: 1 }),
    ];
    compileFields(1, input);
    expect(input.map((definition) => definition.key)).toEqual(['b', 'a']);
  });
});

describe('validateCustom', () => {
  it('accepts a value of every type and returns the stored object', () => {
    const values = {
      tier: 'gold',
      regions: ['emea', 'apac'],
      seats: 12.5,
      renewal: '2027-01-31',
      partner: true,
      arr: { amount: '1250.00', currency: 'EUR' },
      csm: '0195e0a0-0000-7000-8000-0000000000aa',
      notes: 'Prefers email',
    };
    expect(validateCustom(fields, values)).toEqual(values);
  });

  it('rejects a select value outside its options with a 400 naming the field', () => {
    const error = validationError(() => validateCustom(fields, { tier: 'bronze' }));
    expect(error.status).toBe(400);
    expect(error.message).toContain('tier');
    expect(error.errors).toEqual([
      expect.objectContaining({ field: 'body.custom.tier', code: 'invalid_value' }),
    ]);
  });

  it('rejects wrong types, repeated multi-select options and float money', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ regions: ['emea', 'emea'] }, 'body.custom.regions'],
      [{ regions: ['mars'] }, 'body.custom.regions.0'],
      [{ seats: '12' }, 'body.custom.seats'],
      [{ renewal: '2027-02-30x' }, 'body.custom.renewal'],
      [{ partner: 'yes' }, 'body.custom.partner'],
      [{ arr: { amount: 1250, currency: 'EUR' } }, 'body.custom.arr.amount'],
      [{ arr: { amount: '1.005', currency: 'EUR' } }, 'body.custom.arr.amount'],
      [{ arr: { amount: '10.00', currency: 'eur' } }, 'body.custom.arr.currency'],
      [{ csm: 'someone' }, 'body.custom.csm'],
      [{ notes: 'x'.repeat(2001) }, 'body.custom.notes'],
    ];
    for (const [input, path] of cases) {
      const error = validationError(() => validateCustom(fields, input));
      expect(
        error.errors.map((entry) => entry.field),
        JSON.stringify(input),
      ).toContain(path);
    }
  });

  it('names every unknown key in its own error, archived keys included', () => {
    const error = validationError(() => validateCustom(fields, { color: 'red', legacy: 'x', tier: 'gold' }));
    expect(error.errors).toEqual([
      expect.objectContaining({ field: 'body.custom.color', code: 'unknown_field' }),
      expect.objectContaining({ field: 'body.custom.legacy', code: 'unknown_field' }),
    ]);
    expect(error.errors[0]?.message).toBe('No custom field "color" is defined.');
  });

  it('merges an update into the current values, null removing a key, and keeps archived values', () => {
    const current = { tier: 'gold', seats: 3, legacy: 'kept' };
    expect(validateCustom(fields, { seats: null, partner: false }, { current })).toEqual({
      tier: 'gold',
      legacy: 'kept',
      partner: false,
    });
    expect(current).toEqual({ tier: 'gold', seats: 3, legacy: 'kept' });
  });

  it('requires required fields after the write, with the import prefix when given', () => {
    const required = compileFields(1, [
      field({ key: 'segment', type: 'select', options: ['smb', 'ent'], required: true, label: 'Segment' }),
    ]);
    const error = validationError(() => validateCustom(required, undefined, { prefix: 'row 3: custom' }));
    expect(error.errors).toEqual([
      { field: 'row 3: custom.segment', message: 'Segment is required.', code: 'required' },
    ]);
    expect(validateCustom(required, {}, { current: { segment: 'smb' } })).toEqual({ segment: 'smb' });
    expect(() => validateCustom(required, { segment: null }, { current: { segment: 'smb' } })).toThrow(
      ValidationError,
    );
  });

  it('sees a definition change on the next compile (a new version)', () => {
    const before = compileFields(1, [field({ key: 'stage', type: 'select', options: ['a'] })]);
    const after = compileFields(2, [field({ key: 'stage', type: 'select', options: ['a', 'b'] })]);
    expect(() => validateCustom(before, { stage: 'b' })).toThrow(ValidationError);
    expect(validateCustom(after, { stage: 'b' })).toEqual({ stage: 'b' });
  });
});

describe('customChanges', () => {
  it('lists changed keys as custom.<key>, added and removed ones included', () => {
    expect(
      customChanges(
        { tier: 'gold', regions: ['emea'], seats: 1 },
        { tier: 'silver', regions: ['emea'], csm: 'x' },
      ),
    ).toEqual([
      { field: 'custom.tier', from: 'gold', to: 'silver' },
      { field: 'custom.seats', from: 1, to: null },
      { field: 'custom.csm', from: null, to: 'x' },
    ]);
  });
});

describe('customSortColumns', () => {
  it('offers one typed, non-null sort per active field', () => {
    const sorts = customSortColumns(fields, 'c.custom');
    expect(Object.keys(sorts)).toEqual(fields.definitions.map((definition) => `custom.${definition.key}`));
    expect(sorts['custom.seats']?.type).toBe('float8');
    expect(sorts['custom.arr']?.type).toBe('float8');
    expect(sorts['custom.tier']).toEqual({ sql: "lower(coalesce((c.custom ->> 'tier'), ''))", type: 'text' });
    expect(sorts['custom.legacy']).toBeUndefined();
  });
});

describe('customFilterConditions', () => {
  const conditions = (filters: string | string[]) => {
    const values: unknown[] = [];
    const sql = customFilterConditions(fields, filters, 'c.custom', binderFor(values));
    return { sql, values };
  };

  it('binds values and never splices them', () => {
    const { sql, values } = conditions(["tier:gold'; drop table x; --", 'notes:O’Brien']);
    expect(sql.join(' ')).not.toContain('drop table');
    expect(values).toEqual([JSON.stringify({ tier: "gold'; drop table x; --" }), 'O’Brien']);
  });

  it('builds containment for select, multi-select, boolean and user; ranges for numbers, dates and money', () => {
    expect(conditions('regions:emea').values).toEqual([JSON.stringify({ regions: ['emea'] })]);
    expect(conditions('partner:true').values).toEqual([JSON.stringify({ partner: true })]);
    expect(conditions(['seats>=10', 'renewal<=2027-01-01', 'arr>=100.50']).values).toEqual([
      '10',
      '2027-01-01',
      '100.50',
    ]);
  });

  it('answers 400 on query.custom for unknown keys, bad values and ranges on text', () => {
    for (const filter of [
      'color:red',
      'legacy:x',
      'seats:many',
      'renewal:tomorrow',
      'partner:yes',
      'tier>=a',
      'nokey',
    ]) {
      const error = validationError(() => conditions(filter));
      expect(error.errors[0]?.field, filter).toBe('query.custom');
    }
  });

  it('returns nothing without filters', () => {
    expect(conditions([]).sql).toEqual([]);
    expect(customFilterConditions(fields, undefined, 'c.custom', binderFor([]))).toEqual([]);
  });
});
