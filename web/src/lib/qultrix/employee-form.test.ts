import { describe, expect, it } from 'vitest';
import { changedFields, createBody, draftOf, emptyDraft, SELF_SERVICE_FIELDS } from './employee-form';
import { makeEmployee } from './test-fixtures';

describe('the employee form', () => {
  it('creates with nulls for what is left empty and trimmed text', () => {
    const draft = {
      ...emptyDraft('2026-12-01'),
      given: ' Ada ',
      family: 'Lovelace',
      mobilePhone: '+44 20 1234',
    };
    const body = createBody(draft);
    expect(body).toMatchObject({
      legalName: { given: 'Ada', family: 'Lovelace' },
      preferredName: null,
      workEmail: null,
      phones: [{ type: 'mobile', number: '+44 20 1234' }],
      address: null,
      emergencyContacts: [],
      hireDate: '2026-12-01',
      managerId: null,
      workDays: [1, 2, 3, 4, 5],
    });
  });

  it('changes only what was edited, an emptied choice to null', () => {
    const employee = makeEmployee('1');
    const draft = { ...draftOf(employee), workPhone: '+49 30 555', departmentId: '' };
    expect(changedFields(employee, draft)).toEqual({
      departmentId: null,
      phones: [
        { type: 'mobile', number: '+49 170 000' },
        { type: 'work', number: '+49 30 555' },
        { type: 'home', number: '+49 30 111' },
      ],
    });
    expect(changedFields(employee, draftOf(employee))).toEqual({});
  });

  it('keeps the home phone and further emergency contacts it does not show', () => {
    const employee = makeEmployee('1');
    const changes = changedFields(employee, { ...draftOf(employee), contactPhone: '+49 1', mobilePhone: '' });
    expect(changes.phones).toEqual([{ type: 'home', number: '+49 30 111' }]);
    expect(changes.emergencyContacts).toEqual([
      { name: 'Grace', relationship: 'Sister', phone: '+49 1' },
      { name: 'Second', phone: '+49 2' },
    ]);
  });

  it('sends only self-service fields from an employee editing their own record', () => {
    const employee = makeEmployee('1');
    const draft = { ...draftOf(employee), preferredName: 'Addie', managerId: '', fte: '0.5' };
    expect(changedFields(employee, draft, SELF_SERVICE_FIELDS)).toEqual({ preferredName: 'Addie' });
  });

  it('clears the address when every address field is emptied, upper-cases the country', () => {
    const employee = makeEmployee('1');
    const cleared = { ...draftOf(employee), line1: '', city: '', postalCode: '', country: '' };
    expect(changedFields(employee, cleared)).toEqual({ address: null });
    expect(changedFields(employee, { ...draftOf(employee), country: 'fr' }).address).toMatchObject({
      country: 'FR',
    });
  });
});
