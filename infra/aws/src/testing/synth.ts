import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PRODUCTS } from '@halooid/functions/registry';
import { defineRoute, defineService } from '@halooid/shared/manifest';
import { defineProduct, type ProductManifest } from '@halooid/shared/product';
import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildHalooid, type HalooidAppOptions, type HalooidStacks } from '../app';
import { REPO_ROOT } from '../paths';
import { defaultEntry, type EntryResolver } from '../stacks/function-factory';

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');

/** A capability that exists only in tests: its code is in ./fixtures/widgets. */
export const widgetsService = defineService({
  product: 'fakeco',
  capability: 'widgets',
  description: 'Test-only capability',
  resources: { database: true, tables: ['idempotency'] },
  permissions: [{ name: 'fakeco:widget:read', description: 'See widgets.' }],
  routes: [
    defineRoute({
      operationId: 'listWidgets',
      method: 'GET',
      path: '/v1/fakeco/widgets',
      permission: 'fakeco:widget:read',
      summary: 'List widgets',
      // Also as a PDF: proves a byte answer reaches the RestApi's binaryMediaTypes.
      produces: ['application/pdf'],
    }),
  ],
  subscriptions: [
    {
      name: 'task-created',
      pattern: { source: ['halooid.taskodex'], 'detail-type': ['task.created'] },
      handler: 'onTaskCreated',
    },
  ],
});

/** A product that exists only in tests: the widgets capability and a scheduled job, code in ./fixtures. */
export const fakecoProduct = defineProduct({
  key: 'fakeco',
  displayName: 'FakeCo',
  description: 'Test-only product',
  capabilities: [widgetsService],
  schedules: [
    {
      name: 'tick',
      description: 'Test-only job',
      schedule: 'rate(5 minutes)',
      handler: 'tick/handler.ts',
      resources: { database: true },
      localEveryMs: 60_000,
    },
  ],
});

export const fixtureEntry: EntryResolver = (product, file) =>
  product === 'fakeco' ? path.join(FIXTURES, file) : defaultEntry(product, file);

export interface Synthesized {
  stacks: HalooidStacks;
  assembly: CloudAssembly;
  template(stack: Stack): Template;
  /** Nag findings left unacknowledged, as `Rule: construct path` lines, by severity. */
  nag(stack: Stack): { errors: string[]; warnings: string[] };
  /** Removes the temporary cloud assembly. */
  dispose(): void;
}

/**
 * Synthesizes the whole app once (the same way `cdk synth` does, with
 * cdk.json's feature flags); `bundle: false` skips esbuild for speed.
 */
export function synthesize(
  options: Partial<HalooidAppOptions> & { products?: readonly ProductManifest[]; bundle?: boolean },
): Synthesized {
  const cdkJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')) as {
    context: Record<string, unknown>;
  };
  const context: Record<string, unknown> = { ...cdkJson.context };
  if (options.bundle === false) context['aws:cdk:bundling-stacks'] = [];
  const outdir = mkdtempSync(path.join(tmpdir(), 'halooid-cdk-'));
  const app = new App({ context, outdir });
  const stacks = buildHalooid(app, {
    stage: 'dev',
    entry: fixtureEntry,
    ...options,
    products: options.products ?? PRODUCTS,
  });
  const assembly = app.synth();
  const templates = new Map<Stack, Template>();
  return {
    stacks,
    assembly,
    template(stack) {
      let template = templates.get(stack);
      if (!template) {
        // A nested stack (the API's product stacks) is a template file of its parent's artifact.
        const json = stack.nestedStackParent
          ? JSON.parse(readFileSync(path.join(assembly.directory, stack.templateFile), 'utf8'))
          : assembly.getStackByName(stack.stackName).template;
        template = Template.fromJSON(json as Record<string, unknown>);
        templates.set(stack, template);
      }
      return template;
    },
    dispose() {
      rmSync(outdir, { recursive: true, force: true });
    },
    nag(stack) {
      const report = new AwsSolutionsChecks().validateScope(stack);
      const lines = (severity: string) =>
        report.violations
          .filter((v) => (severity === 'error' ? v.severity === 'error' : v.severity !== 'error'))
          .flatMap((v) => v.violatingResources.map((r) => `${v.ruleName}: ${r.constructPath}`));
      return { errors: lines('error'), warnings: lines('warning') };
    },
  };
}
