import { PRODUCTS } from '@halooid/functions/registry';
import { functionEntries } from '@halooid/local/lambda-bundle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HouseFunction } from './constructs/house-function';
import { fakecoProduct, type Synthesized, synthesize } from './testing/synth';

/** Every house function in the synthesized app, as `npm run build` names them: name → entry. */
function deployedFunctions(app: Synthesized): Record<string, string> {
  const deployed: Record<string, string> = {};
  for (const stack of Object.values(app.stacks)) {
    for (const construct of stack.node.findAll()) {
      if (construct instanceof HouseFunction) deployed[construct.serviceName] = construct.entry;
    }
  }
  return deployed;
}

const byName = (entries: { name: string; entry: string }[]) =>
  Object.fromEntries(entries.map(({ name, entry }) => [name, entry]));

describe('npm run build bundles every function CDK deploys', () => {
  let app: Synthesized;
  let withFake: Synthesized;

  beforeAll(() => {
    app = synthesize({ stage: 'dev', bundle: false });
    withFake = synthesize({ stage: 'dev', bundle: false, products: [...PRODUCTS, fakecoProduct] });
  }, 240_000);

  afterAll(() => {
    app?.dispose();
    withFake?.dispose();
  });

  it('has the same functions, from the same entry files, as the synthesized app', () => {
    const deployed = deployedFunctions(app);

    expect(byName(functionEntries())).toEqual(deployed);
    // The subscribers, the scheduled jobs and the migrator included.
    expect(Object.keys(deployed)).toEqual(
      expect.arrayContaining([
        'platform-notifications-subscribers',
        'platform-webhooks-subscribers',
        'platform-outbox-relay',
        'platform-webhooks-worker',
        'taskodex-due-soon',
        'platform-migrator',
        'platform-authorizer',
      ]),
    );
  });

  it("follows a new product's capability, subscriber and job without any other edit", () => {
    const deployed = deployedFunctions(withFake);
    const built = byName(functionEntries([...PRODUCTS, fakecoProduct]));

    // The fake's code lives in the test fixtures, so compare names; entries are checked above.
    expect(Object.keys(built).sort()).toEqual(Object.keys(deployed).sort());
    expect(Object.keys(built)).toEqual(
      expect.arrayContaining(['fakeco-widgets', 'fakeco-widgets-subscribers', 'fakeco-tick']),
    );
  });
});
