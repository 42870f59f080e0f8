import { describe, expect, it } from 'vitest';
import { isBot, splitName } from './capture-lead';
import { CaptureLeadBody } from './schemas';

describe('web-to-lead rules', () => {
  it('splits a full name at its last word; one word is the last name', () => {
    expect(splitName('Ana María Pérez')).toEqual({ firstName: 'Ana María', lastName: 'Pérez' });
    expect(splitName('  Zhou  ')).toEqual({ firstName: null, lastName: 'Zhou' });
  });

  it('takes a filled honeypot for a bot, blanks for a person', () => {
    expect(isBot({ website: 'http://spam.example' })).toBe(true);
    expect(isBot({ website: '   ' })).toBe(false);
    expect(isBot({})).toBe(false);
  });

  it('lower-cases the email and refuses unknown fields', () => {
    expect(CaptureLeadBody.parse({ name: 'A B', email: 'A@B.Example' }).email).toBe('a@b.example');
    expect(CaptureLeadBody.safeParse({ name: 'A', email: 'a@b.example', isAdmin: true }).success).toBe(false);
  });
});
