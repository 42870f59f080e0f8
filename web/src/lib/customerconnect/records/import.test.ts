import { describe, expect, it } from 'vitest';
import { autoMap, csvHeader, csvRowCount, mappingOf, readReport } from './import';
import { OBJECTS } from './objects';

describe('import wizard', () => {
  it('reads a quoted header with a BOM', () => {
    expect(csvHeader('\uFEFF"First Name","Email, work",Phone\r\nA,b,c')).toEqual([
      'First Name',
      'Email, work',
      'Phone',
    ]);
    expect(csvRowCount('a,b\n1,"x\ny"\n2,z\n')).toBe(2);
    expect(csvRowCount('a,b')).toBe(0);
  });

  it('maps a HubSpot export by header without renaming', () => {
    const headers = ['First Name', 'Last Name', 'Email', 'Associated Company', 'Record ID', 'email'];
    expect(autoMap(headers, OBJECTS.contact.importFields)).toEqual([
      'firstName',
      'lastName',
      'email',
      'company',
      '',
      '',
    ]);
    expect(autoMap(['Company Domain Name', 'Name'], OBJECTS.company.importFields)).toEqual([
      'domain',
      'name',
    ]);
  });

  it('sends each column, null to ignore one', () => {
    expect(mappingOf(['A', 'B', 'C'], ['name', '', 'custom.tier'])).toEqual({
      A: 'name',
      B: null,
      C: 'custom.tier',
    });
  });

  it('reads the report with counts and rows by row number', () => {
    const report = readReport({
      imported: 3,
      updated: 1,
      skipped: [
        { row: 5, matchedId: 'c1' },
        { row: 6, matchedId: null },
      ],
      failed: [{ row: 2, errors: [{ column: 'email', message: 'Not an email.' }] }],
      ignoredColumnCount: 1,
      ignoredColumns: ['Record ID'],
    });
    expect(report).toMatchObject({
      created: 3,
      updated: 1,
      skipped: 2,
      failed: 1,
      ignoredColumns: ['Record ID'],
    });
    expect(report.rows).toEqual([
      { row: 2, outcome: 'failed', detail: 'email: Not an email.' },
      { row: 5, outcome: 'skipped', detail: 'Already exists: skipped.', existingId: 'c1' },
      { row: 6, outcome: 'skipped', detail: 'Already exists: skipped.' },
    ]);
  });
});
