import { describe, expect, it } from 'vitest';
import { CreateContactBody, ListContactsQuery, withOnePrimary } from '../domain/contact';
import { mergedEmails, mergedPhones } from './merge-contact';

describe('contact schemas', () => {
  it('stores emails trimmed and lower-case and refuses one listed twice or two primaries', () => {
    const parsed = CreateContactBody.parse({ lastName: 'Ng', emails: [{ email: ' Ann@Example.COM ' }] });
    expect(parsed.emails).toEqual([{ email: 'ann@example.com' }]);
    const twice = CreateContactBody.safeParse({
      lastName: 'Ng',
      emails: [{ email: 'a@example.com' }, { email: 'A@example.com' }],
    });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues[0]?.path).toEqual(['emails', 1, 'email']);
    const primaries = CreateContactBody.safeParse({
      lastName: 'Ng',
      emails: [
        { email: 'a@example.com', primary: true },
        { email: 'b@example.com', primary: true },
      ],
    });
    expect(primaries.success).toBe(false);
  });

  it('refuses unknown fields, a hidden-character name and an unknown lifecycle stage', () => {
    expect(CreateContactBody.safeParse({ lastName: 'Ng', tenantId: 'x' }).success).toBe(false);
    expect(CreateContactBody.safeParse({ lastName: 'N\u202Eg' }).success).toBe(false);
    expect(CreateContactBody.safeParse({ lastName: 'Ng', lifecycleStage: 'friend' }).success).toBe(false);
    expect(ListContactsQuery.parse({ ownerId: 'me' })).toMatchObject({ ownerId: 'me', limit: 20 });
    expect(ListContactsQuery.safeParse({ ownerId: 'you' }).success).toBe(false);
  });

  it('makes exactly one entry primary: the marked one, else the first', () => {
    type Entry = { email: string; primary?: boolean };
    expect(
      withOnePrimary<Entry>([{ email: 'a' }, { email: 'b', primary: true }]).map((e) => e.primary),
    ).toEqual([false, true]);
    expect(withOnePrimary<Entry>([{ email: 'a' }, { email: 'b' }]).map((e) => e.primary)).toEqual([
      true,
      false,
    ]);
    expect(withOnePrimary([])).toEqual([]);
  });
});

describe('merging contacts', () => {
  const e = (email: string, primary = false) => ({ email, label: null, primary });
  const p = (number: string, primary = false) => ({ number, label: null, primary });

  it('keeps the survivor’s primary email and adds the other’s it lacks', () => {
    expect(mergedEmails([e('a', true)], [e('b', true), e('a')])).toEqual([e('a', true), e('b')]);
  });

  it('takes the other’s primary when the survivor has no email', () => {
    expect(mergedEmails([], [e('b'), e('c', true)])).toEqual([e('b'), e('c', true)]);
  });

  it('adds phones by their digits, the survivor’s primary first', () => {
    expect(mergedPhones([p('+44 20 7946', true)], [p('+4420-7946', true), p('555')])).toEqual([
      p('+44 20 7946', true),
      p('555'),
    ]);
  });
});
