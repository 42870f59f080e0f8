import { describe, expect, it } from 'vitest';
import { tokenGroups } from './token-groups';

const token = (payload: object) =>
  `h.${btoa(JSON.stringify(payload)).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '')}.s`;

describe('tokenGroups', () => {
  it('reads cognito:groups from the payload', () => {
    expect(tokenGroups(token({ sub: 'u', 'cognito:groups': ['operators'] }))).toEqual(['operators']);
  });

  it('is empty without groups or for a token it cannot read', () => {
    expect(tokenGroups(token({ sub: 'u' }))).toEqual([]);
    expect(tokenGroups('not-a-jwt')).toEqual([]);
    expect(tokenGroups(token({ 'cognito:groups': 'operators' }))).toEqual([]);
  });
});
