import type { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Synthesized, synthesize } from './testing/synth';

/**
 * An origin-verify rotation deploy (`-c originVerifyVersion=<id> -c originVerifyAcceptPrevious=true`,
 * docs/deploy.md): WAF accepts the new and the previous value, both resolved from the named
 * version, while CloudFront already sends the new one.
 */
let app: Synthesized;
let api: Template;
let web: Template;

beforeAll(() => {
  app = synthesize({
    stage: 'dev',
    bundle: false,
    originVerifyVersion: 'v-rotation-2',
    originVerifyAcceptPrevious: true,
  });
  api = app.template(app.stacks.api);
  web = app.template(app.stacks.web);
}, 240_000);

afterAll(() => app?.dispose());

describe('origin-verify rotation', () => {
  it('lets WAF accept the current or the previous value of the named version, and nothing else', () => {
    const [acl] = Object.values(api.findResources('AWS::WAFv2::WebACL'));
    const rules = acl?.Properties.Rules as {
      Name: string;
      Priority: number;
      Statement: Record<string, unknown>;
    }[];
    const rule = rules.find((r) => r.Name === 'OriginVerify');
    const not = rule?.Statement.NotStatement as { Statement: { OrStatement: { Statements: unknown[] } } };
    const accepted = not.Statement.OrStatement.Statements;

    expect(rule?.Priority).toBe(0);
    expect(accepted).toHaveLength(2);
    expect(JSON.stringify(accepted[0])).toContain(':SecretString:current::v-rotation-2}}');
    expect(JSON.stringify(accepted[1])).toContain(':SecretString:previous::v-rotation-2}}');
  });

  it('has CloudFront send the current value of the same version', () => {
    const [distribution] = Object.values(web.findResources('AWS::CloudFront::Distribution'));
    const headers = JSON.stringify(distribution?.Properties.DistributionConfig.Origins);

    expect(headers).toContain(':SecretString:current::v-rotation-2}}');
    expect(headers).not.toContain(':SecretString:previous:');
  });
});
