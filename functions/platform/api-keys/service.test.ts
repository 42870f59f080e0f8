import { checkManifests } from '@halooid/shared/manifest-checks';
import { describe, expect, it } from 'vitest';
import { SERVICES } from '../../registry';
import { apiKeysCreateTableInput } from '../domain/api-key-table';
import { apiKeysService } from './service';

describe('the api-keys manifest', () => {
  it('is sound beside every registered capability (what registering it will check)', () => {
    const others = SERVICES.filter((service) => service !== apiKeysService);

    expect(checkManifests([...others, apiKeysService])).toEqual([]);
  });

  it('declares its permissions and the table it uses', () => {
    expect(apiKeysService.permissions.map((permission) => permission.name)).toEqual([
      'platform:api-key:read',
      'platform:api-key:write',
    ]);
    expect(apiKeysService.resources).toEqual({ database: true, tables: ['api-keys'] });
  });

  it('keeps secret hashes out of the tenant index', () => {
    const index = apiKeysCreateTableInput('t').GlobalSecondaryIndexes?.[0];

    expect(index?.Projection?.ProjectionType).toBe('INCLUDE');
    expect(index?.Projection?.NonKeyAttributes).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/hash|secret/i)]),
    );
  });
});
