import { describe, expect, it } from 'vitest';
import { NotAcceptableError } from '../errors';
import { csvCell, csvResponse, parseCsv, toCsv, wantsCsv } from './csv';

describe('csv', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-3)).toBe('-3');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('=HYPERLINK("x", "y")')).toBe('"\'=HYPERLINK(""x"", ""y"")"');
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

    expect(csv).toBe('name,hours\r\n"Meeting, ""kick-off""\nwith Zoë",1.5\r\n,\r\n');
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
