import { describe, expect, it } from 'vitest';
import { NotAcceptableError } from '../errors';
import { CsvTooWideError, csvCell, csvResponse, csvText, parseCsv, toCsv, wantsCsv } from './csv';

describe('csv', () => {
  it('quotes every cell, doubling quotes', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(42)).toBe('"42"');
    expect(csvCell(-3)).toBe('"-3"');
    expect(csvCell(true)).toBe('"true"');
  });

  // OWASP, CSV Injection: the characters, their fullwidth forms, and the places a cell may start.
  it.each([
    ['=', '=SUM(A1:A9)'],
    ['+', '+1'],
    ['-', '-2'],
    ['@', '@cmd'],
    ['tab', '\t=1'],
    ['carriage return', '\r=1'],
    ['fullwidth equals', '\uFF1DSUM(A1)'],
    ['fullwidth plus', '\uFF0B1'],
    ['fullwidth minus', '\uFF0D1'],
    ['fullwidth at', '\uFF20SUM(A1)'],
    ['leading blanks', '  =1+1'],
    ['an ideographic space', '\u3000=1+1'],
    ['semicolon then =', "notes;=cmd|' /C calc'!A0"],
    ['comma then =', 'a,=1+1'],
    ['comma, blank, then +', 'a, +1'],
    ['tab then @', 'a\t@SUM(1)'],
    ['quote then =', 'x"=1+1'],
    ['single quote then -', "x'-1"],
    ['line break then =', 'first\n=1+1'],
    ['semicolon then fullwidth equals', 'a;\uFF1D1'],
  ])('neutralises a formula after %s with a leading quote', (_, text) => {
    expect(csvCell(text)).toBe(`"'${text.replaceAll('"', '""')}"`);
  });

  it.each([
    ['plain words', 'Website relaunch'],
    ['a minus inside', 'Q3 - planning'],
    ['an email', 'ada@example.com'],
    ['a date', '2026-12-24'],
    ['labels', 'export;csv'],
  ])('leaves %s as they are', (_, text) => {
    expect(csvCell(text)).toBe(`"${text}"`);
  });

  it('quotes HYPERLINK formulas whole, inner quotes doubled', () => {
    expect(csvCell('=HYPERLINK("x", "y")')).toBe('"\'=HYPERLINK(""x"", ""y"")"');
  });

  it('csvText drops only the quote csvCell added, so an export imports back unchanged', () => {
    for (const text of ['=1+1', 'a;=cmd', "'quoted by the user", "'=typed with a quote", 'plain'])
      expect(csvText(parseCsv(csvCell(text))[0]?.[0] ?? '')).toBe(text);
  });

  it('writes a header and rows with CRLF, and parses them back', () => {
    const tricky = 'Meeting, "kick-off"\nwith Zoë';
    const csv = toCsv(
      ['name', 'hours'],
      [
        [tricky, 1.5],
        ['', null],
      ],
    );

    expect(csv).toBe('"name","hours"\r\n"Meeting, ""kick-off""\nwith Zoë","1.5"\r\n"",""\r\n');
    expect(parseCsv(csv)).toEqual([
      ['name', 'hours'],
      [tricky, '1.5'],
      ['', ''],
    ]);
  });

  it('parses LF files, a byte-order mark and a last line without a line end', () => {
    expect(parseCsv('\uFEFFa,b\n1,"x\r\ny"\n2,3')).toEqual([
      ['a', 'b'],
      ['1', 'x\r\ny'],
      ['2', '3'],
    ]);
    expect(() => parseCsv('a,"open')).toThrow(/quoted/);
  });

  it('stops at the first record wider than maxColumns, naming it', () => {
    const header = Array.from({ length: 100 }, (_, index) => `c${index}`).join(',');
    const wide = `${header}\r\n1,2\r\n${','.repeat(450_000)}\r\n`;

    expect(parseCsv(`${header}\r\n1,2`, { maxColumns: 100 })).toHaveLength(2);
    expect(() => parseCsv(wide, { maxColumns: 100 })).toThrow(CsvTooWideError);
    expect(() => parseCsv(wide, { maxColumns: 100 })).toThrow(expect.objectContaining({ row: 3 }));
    expect(() => parseCsv(`${header},extra`, { maxColumns: 100 })).toThrow(
      expect.objectContaining({ row: 1 }),
    );
  });

  it('offers a UTF-8 attachment and reads Accept', () => {
    const response = csvResponse('time report 2026.csv', 'a\r\n');

    expect(response).toEqual({
      raw: '\uFEFFa\r\n',
      contentType: 'text/csv; charset=utf-8',
      headers: { 'Content-Disposition': 'attachment; filename="time_report_2026.csv"' },
    });
    expect(wantsCsv({ accept: 'text/csv' })).toBe(true);
    expect(wantsCsv({ accept: 'application/json' })).toBe(false);
    expect(wantsCsv({})).toBe(false);
  });

  it('negotiates by q-value and specificity; a tie or a wildcard keeps JSON', () => {
    expect(wantsCsv({ accept: 'text/csv;q=0.1, application/json;q=0.9' })).toBe(false);
    expect(wantsCsv({ accept: 'application/json;q=0.5, text/csv' })).toBe(true);
    expect(wantsCsv({ accept: 'text/*' })).toBe(true);
    expect(wantsCsv({ accept: '*/*' })).toBe(false);
    expect(wantsCsv({ accept: 'text/csv, application/json' })).toBe(false);
    expect(wantsCsv({ accept: 'text/csv, */*;q=0.1' })).toBe(true);
  });

  it('answers 406 when the client accepts neither JSON nor CSV', () => {
    for (const accept of ['application/xml', 'image/png', 'text/csv;q=0, application/json;q=0']) {
      const error = (() => {
        try {
          wantsCsv({ accept });
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(NotAcceptableError);
      expect((error as NotAcceptableError).status).toBe(406);
    }
  });
});
