import { checkManifests } from '@halooid/shared/manifest-checks';
import { describe, expect, it } from 'vitest';
import { EVENT_CATALOGS, SERVICES } from '../../registry';

describe('event catalogs and manifests', () => {
  it('every emitted event is in its product catalog', () => {
    const missing = SERVICES.flatMap((service) =>
      (service.emits ?? [])
        .filter((emitted) => {
          const catalog = EVENT_CATALOGS.find((candidate) => candidate.product === service.product);
          return !catalog || !Object.hasOwn(catalog.events, emitted.type);
        })
        .map((emitted) => `${service.product}/${service.capability}: ${emitted.type}`),
    );
    expect(missing).toEqual([]);
  });

  it('every catalog entry is emitted by some capability', () => {
    const emitted = new Set(
      SERVICES.flatMap((service) => (service.emits ?? []).map((event) => `${service.product}.${event.type}`)),
    );
    const orphans = EVENT_CATALOGS.flatMap((catalog) =>
      Object.keys(catalog.events).map((type) => `${catalog.product}.${type}`),
    ).filter((name) => !emitted.has(name));
    expect(orphans).toEqual([]);
  });

  it('fails a subscription with an invalid pattern', () => {
    const [first] = SERVICES;
    if (!first) throw new Error('no services');
    const broken = {
      ...first,
      capability: 'broken-subscriber',
      routes: [],
      subscriptions: [{ name: 'bad', pattern: { source: 'halooid.taskodex' }, handler: 'bad' }],
    };
    expect(checkManifests([broken]).join('\n')).toMatch(
      /subscription bad: source: values must be in an array/,
    );
  });
});
