import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from './custom';
import { mergePreview } from './merge';
import { OBJECTS } from './objects';

describe('merge preview', () => {
  it('keeps the survivor’s values, fills its gaps and unites tags and emails', () => {
    const survivor = {
      id: 'a',
      firstName: 'Ada',
      lastName: 'Lovelace',
      title: null,
      emails: [{ email: 'ada@x.io', primary: true }],
      tags: ['vip'],
      custom: { tier: 'gold' },
    };
    const other = {
      id: 'b',
      firstName: 'Augusta',
      lastName: 'Lovelace',
      title: 'Countess',
      emails: [{ email: 'ada@y.io', primary: true }],
      tags: ['vip', 'uk'],
      custom: { tier: 'silver', region: 'EU' },
    };
    const definitions: FieldDefinition[] = [
      {
        id: '1',
        object: 'contact',
        key: 'tier',
        label: 'Tier',
        type: 'text' as const,
        options: [],
        required: false,
        position: 0,
        archived: false,
      },
      {
        id: '2',
        object: 'contact',
        key: 'region',
        label: 'Region',
        type: 'text' as const,
        options: [],
        required: false,
        position: 1,
        archived: false,
      },
    ];
    const rows = mergePreview(OBJECTS.contact.fields, definitions, survivor, other);
    const by = Object.fromEntries(rows.map((row) => [row.label, row]));
    expect(by['First name']).toMatchObject({ result: 'Ada', source: 'survivor' });
    expect(by['Last name']).toMatchObject({ result: 'Lovelace', source: 'same' });
    expect(by['Job title']).toMatchObject({ result: 'Countess', source: 'other' });
    expect(by.Email).toMatchObject({ result: 'ada@x.io, ada@y.io', source: 'both' });
    expect(by.Tags).toMatchObject({ result: 'vip, uk', source: 'both' });
    expect(by.Tier).toMatchObject({ result: 'gold', source: 'survivor' });
    expect(by.Region).toMatchObject({ result: 'EU', source: 'other' });
    expect(by['Do not contact']).toBeUndefined();
  });
});
