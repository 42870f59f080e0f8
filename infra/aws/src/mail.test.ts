import { Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthesize } from './testing/synth';

/**
 * `resources.mail` (shared/src/manifest.ts): with a sender in context
 * `mailFrom`, the functions that mail (AdminHub's alerts: its subscriber
 * emails a new alert to the tenant's admins) may SendEmail as that sender
 * only, and read it from MAIL_FROM. Synthesized without bundles.
 */
let app: Synthesized;

beforeAll(() => {
  app = synthesize({ stage: 'dev', bundle: false, mailFrom: 'Halooid <alerts@halooid.example>' });
}, 240_000);

afterAll(() => app?.dispose());

interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
}

/** Every resource of every stack (nested ones too), from the synthesized templates. */
function allResources(): Resource[] {
  const stacks = app.stacks.api.node
    .findAll()
    .concat(Object.values(app.stacks).flatMap((stack: IConstruct) => stack.node.findAll()))
    .filter((construct): construct is Stack => construct instanceof Stack);
  return [...new Set(stacks)].flatMap((stack) =>
    Object.values(app.template(stack).toJSON().Resources ?? {}),
  ) as Resource[];
}

describe('the platform’s own email in AWS', () => {
  it('gives the alerts subscriber MAIL_FROM and ses:SendEmail as that sender, and nobody else mail', () => {
    const resources = allResources();
    const functions = resources.filter((resource) => resource.Type === 'AWS::Lambda::Function');
    const mailing = functions.filter(
      (fn) => (fn.Properties.Environment as { Variables?: Record<string, unknown> })?.Variables?.MAIL_FROM,
    );
    const statements = resources
      .filter((resource) => resource.Type === 'AWS::IAM::Policy')
      .flatMap(
        (policy) =>
          (
            policy.Properties.PolicyDocument as {
              Statement: { Action: string | string[]; Resource: unknown }[];
            }
          ).Statement,
      )
      .filter((statement) => [statement.Action].flat().includes('ses:SendEmail'));

    const names = mailing.map((fn) => JSON.stringify(fn.Properties.FunctionName));
    expect(names.some((name) => name.includes('adminhub-alerts-subscribers'))).toBe(true);
    expect(names.every((name) => name.includes('adminhub-alerts'))).toBe(true);
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      const arns = JSON.stringify(statement.Resource);
      expect(arns).toContain('identity/alerts@halooid.example');
      expect(arns).toContain('identity/halooid.example');
      expect(arns).not.toContain('identity/*');
    }
  });
});
