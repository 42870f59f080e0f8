import { describe, expect, it } from 'vitest';
import { PRODUCTS } from '../../registry';
import { notificationsService } from './service';
import { consumers } from './subscribers';

describe('the notifications subscriber', () => {
  it("subscribes to the union of every product's notification rules, pattern for pattern", () => {
    const declared = PRODUCTS.flatMap((product) => product.notifications ?? []);

    expect(declared.length).toBeGreaterThan(0);
    expect(notificationsService.subscriptions).toEqual(
      declared.map((rule) => ({ name: rule.name, pattern: rule.pattern, handler: rule.name })),
    );
  });

  it('has one consumer per rule, keyed in the inbox as platform-notifications.<rule>', () => {
    const names = (notificationsService.subscriptions ?? []).map((subscription) => subscription.name);

    expect(Object.keys(consumers)).toEqual(names);
    expect(Object.values(consumers).map((consumer) => consumer.name)).toEqual(
      names.map((name) => `platform-notifications.${name}`),
    );
  });
});
