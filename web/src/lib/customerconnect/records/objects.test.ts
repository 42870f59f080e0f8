import { describe, expect, it } from 'vitest';
import { bodyValue, formValue, OBJECTS, recordBody, titleOf } from './objects';

const contact = OBJECTS.contact;
const field = (key: string) => {
  const found = contact.fields.find((item) => item.key === key);
  if (!found) throw new Error(key);
  return found;
};

describe('record forms', () => {
  it('sends only the filled fields on create, emails with the first as primary', () => {
    const body = recordBody(
      contact.fields.filter((item) => item.create),
      {
        firstName: '',
        lastName: 'Lovelace',
        emails: 'ada@x.io, ada@y.io',
        phones: '',
        title: ' ',
        companyId: '',
        ownerId: '',
      },
      'create',
    );
    expect(body).toEqual({
      lastName: 'Lovelace',
      emails: [
        { email: 'ada@x.io', primary: true },
        { email: 'ada@y.io', primary: false },
      ],
    });
  });

  it('sends only what changed on an edit, null to clear', () => {
    const before = {
      id: 'c1',
      firstName: 'Ada',
      lastName: 'Lovelace',
      title: 'Countess',
      emails: [{ email: 'ada@x.io', primary: true }],
      tags: ['vip'],
      doNotContact: false,
    };
    const values = Object.fromEntries(contact.fields.map((item) => [item.key, formValue(item, before)]));
    values.title = '';
    values.tags = 'vip, uk';
    expect(recordBody(contact.fields, values, 'edit', before)).toEqual({ title: null, tags: ['vip', 'uk'] });
  });

  it('reads the primary email first and upper-cases a currency', () => {
    expect(
      formValue(field('emails'), {
        id: 'x',
        emails: [{ email: 'b@x.io' }, { email: 'a@x.io', primary: true }],
      }),
    ).toBe('a@x.io, b@x.io');
    const currency = OBJECTS.opportunity.fields.find((item) => item.key === 'currency');
    expect(currency && bodyValue(currency, ' eur ', 'create')).toBe('EUR');
  });

  it('names records', () => {
    expect(titleOf('contact', { id: 'x', firstName: null, lastName: 'Turing' })).toBe('Turing');
    expect(titleOf('company', { id: 'x', name: 'Acme' })).toBe('Acme');
  });
});
