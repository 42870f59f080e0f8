import { describe, expect, it } from 'vitest';
import { draftOf, supplierRequest } from './supplier-form';

describe('supplierRequest', () => {
  it('leaves blank optional fields out of a new supplier', () => {
    const draft = { ...draftOf(), code: ' ACME ', name: 'Acme Tools', currency: 'eur', leadTimeDays: '5' };
    draft.contacts = [
      { name: 'Ann', email: 'ann@acme.example', phone: '', role: 'sales' },
      { name: '', email: '', phone: '', role: '' },
    ];
    expect(supplierRequest(draft, false)).toEqual({
      body: {
        code: 'ACME',
        name: 'Acme Tools',
        currency: 'EUR',
        leadTimeDays: 5,
        contacts: [{ name: 'Ann', email: 'ann@acme.example', phone: null, role: 'sales' }],
      },
      problems: {},
    });
  });

  it('clears blank fields on an edit and checks days and contacts', () => {
    const draft = { ...draftOf(), code: 'A', name: 'B', paymentTermsDays: '400', city: 'Berlin' };
    draft.contacts = [{ name: '', email: 'x@y.example', phone: '', role: '' }];
    const { body, problems } = supplierRequest(draft, true);
    expect(body).toMatchObject({ email: null, notes: null, address: { city: 'Berlin', line1: null } });
    expect(problems).toEqual({
      paymentTermsDays: 'Whole days, 0 to 365.',
      'contacts.0.name': 'Name the contact.',
    });
  });
});
