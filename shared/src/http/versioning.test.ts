import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../errors';
import { checkVersion, etag, expectedVersion } from './versioning';

describe('expectedVersion', () => {
  it('prefers the body version over If-Match', () => {
    expect(expectedVersion(3, '"7"')).toBe(3);
  });

  it('reads If-Match as a strong, weak or bare version (what etag() sends back)', () => {
    expect(expectedVersion(undefined, etag(4).ETag)).toBe(4);
    expect(expectedVersion(undefined, 'W/"5"')).toBe(5);
    expect(expectedVersion(undefined, ' 6 ')).toBe(6);
  });

  it('is a 400 on body.version when neither is sent, and on the header when If-Match is not a version', () => {
    const fieldOf = (ifMatch: string | undefined) => {
      try {
        expectedVersion(undefined, ifMatch);
      } catch (caught) {
        expect(caught).toBeInstanceOf(ValidationError);
        return (caught as ValidationError).errors[0]?.field;
      }
      return undefined;
    };

    for (const ifMatch of [undefined, '']) expect(fieldOf(ifMatch)).toBe('body.version');
    for (const ifMatch of ['"abc"', '"0"', '"1.5"', '*', '"2147483648"'])
      expect(fieldOf(ifMatch)).toBe('headers.if-match');
  });
});

describe('checkVersion', () => {
  it('passes the version read and answers any other with 409 version_conflict naming the current one', () => {
    expect(() => checkVersion('warehouse', 3, 3)).not.toThrow();
    const stale = (() => {
      try {
        checkVersion('warehouse', 4, 3);
      } catch (caught) {
        return caught;
      }
    })();
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale).toMatchObject({ status: 409, code: 'version_conflict', extensions: { currentVersion: 4 } });
    expect((stale as Error).message).toContain('Version 3 of the warehouse');
  });
});
