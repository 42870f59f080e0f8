import { writeFileSync } from 'node:fs';
import { synthesize } from '@halooid/aws/testing/synth';
import { PRODUCTS, SERVICES } from '@halooid/functions/registry';
import { walkRoutes } from '@halooid/functions/security-fixtures';
import { RouteTable } from '@halooid/local/route-table';
import { startTestPlatform } from '@halooid/local/testing/test-platform';
import type { CfnElement } from 'aws-cdk-lib';

/**
 * Run inside a scratch copy of the repository (scaffold.int.test.ts): reports
 * where one product shows up, from that copy's own code: the registry, the
 * local route table, the security sweep's walk, the synthesized CDK template,
 * the web navigation data, and over HTTP the OpenAPI document and the RBAC
 * permission catalog of a running local platform. Writes JSON to argv[3].
 */
const [key, out] = process.argv.slice(2);
if (!key || !out) throw new Error('Usage: product-probe.ts <product-key> <out.json>');

const product = PRODUCTS.find((candidate) => candidate.key === key);
const services = SERVICES.filter((service) => service.product === key);
const routes = services.flatMap((service) => service.routes);
const samplePath = (path: string) => path.replace(/\{\w+\}/g, '0195e0a0-0000-7000-8000-000000000001');

const table = new RouteTable(SERVICES);
const routeTable = routes.map((route) => {
  const lookup = table.lookup(route.method, samplePath(route.path));
  return lookup.kind === 'found' ? `${lookup.match.route.method} ${lookup.match.route.path}` : lookup.kind;
});

const sweep = walkRoutes(SERVICES)
  .filter((walked) => walked.service.startsWith(`${key}-`))
  .map((walked) => walked.name);

type Resource = { Type: string; Properties: Record<string, unknown> };
type Resources = Record<string, Resource>;
/** One synthesized template; a nested stack's also names its parent and the parameters the parent passes it. */
interface Synthesized {
  resources: Resources;
  parent?: { resources: Resources; parameters: Record<string, { Ref?: string }> };
}
const cdk = (() => {
  const synthesized = synthesize({ stage: 'dev', bundle: false });
  try {
    const templates: Synthesized[] = [];
    const resourcesOf = (stack: Parameters<typeof synthesized.template>[0]) =>
      synthesized.template(stack).toJSON().Resources as Resources;
    for (const stack of Object.values(synthesized.stacks)) templates.push({ resources: resourcesOf(stack) });
    // Each product's functions and methods live in a nested stack of the API stack (api-stack.ts).
    const apiResources = resourcesOf(synthesized.stacks.api);
    for (const nested of synthesized.stacks.api.productStacks.values()) {
      const own = nested.nestedStackResource
        ? apiResources[synthesized.stacks.api.getLogicalId(nested.nestedStackResource as CfnElement)]
        : undefined;
      templates.push({
        resources: resourcesOf(nested),
        parent: {
          resources: apiResources,
          parameters: (own?.Properties.Parameters ?? {}) as Record<string, { Ref?: string }>,
        },
      });
    }
    const ofType = (type: string) =>
      templates.flatMap((template) =>
        Object.values(template.resources)
          .filter((resource) => resource.Type === type)
          .map((resource) => ({ resource, template })),
      );
    /** The path of an API resource, following a nested stack's imported parent back into the API stack. */
    const pathOf = (template: Synthesized, id: string): string => {
      const resource = template.resources[id];
      if (!resource) {
        const passed = template.parent?.parameters[id]?.Ref;
        return passed && template.parent ? pathOf({ resources: template.parent.resources }, passed) : '';
      }
      if (resource.Type !== 'AWS::ApiGateway::Resource') return '';
      const parent = resource.Properties.ParentId as { Ref?: string };
      return `${parent.Ref ? pathOf(template, parent.Ref) : ''}/${String(resource.Properties.PathPart)}`;
    };
    return {
      functions: ofType('AWS::Lambda::Function')
        .map(({ resource }) => String(resource.Properties.FunctionName))
        .filter((name) => name.includes(`-${key}-`)),
      methods: ofType('AWS::ApiGateway::Method')
        .map(({ resource, template }) => {
          const parent = resource.Properties.ResourceId as { Ref?: string };
          return `${String(resource.Properties.HttpMethod)} ${parent.Ref ? pathOf(template, parent.Ref) : '/'}`;
        })
        .filter((method) => method.includes(`/${key}/`)),
      alarms: ofType('AWS::CloudWatch::Alarm')
        .map(({ resource }) => String(resource.Properties.AlarmDescription))
        .filter((description) => description.startsWith(`${key}-`)),
    };
  } finally {
    synthesized.dispose();
  }
})();

// What the web shell's navigation lists (web/src/lib/shell/products.ts maps every entry with a `web` part).
const { PRODUCT_LIST } = await import('../../../web/src/lib/products.generated');
const web = PRODUCT_LIST.flatMap((entry) =>
  entry.web ? [{ key: entry.key, displayName: entry.displayName, path: entry.web.path }] : [],
);

const platform = await startTestPlatform();
try {
  const owner = await platform.login('owner@acme.example');
  const openApi = await platform.request('GET', '/v1/openapi.json');
  const permissions = await platform.request('GET', '/v1/rbac/permissions', {
    headers: owner.headers('acme'),
  });
  const list = await platform.request('GET', routes[0] ? samplePath(routes[0].path) : '/', {
    headers: owner.headers('acme'),
  });
  writeFileSync(
    out,
    JSON.stringify({
      registered: product ? { key: product.key, capabilities: services.map((s) => s.capability) } : null,
      routes: routes.map((route) => `${route.method} ${route.path}`),
      routeTable,
      sweep,
      cdk,
      web,
      openApiStatus: openApi.status,
      openApiPaths: Object.keys((openApi.body as { paths: Record<string, unknown> }).paths).filter((path) =>
        path.startsWith(`/v1/${key}/`),
      ),
      permissionsStatus: permissions.status,
      permissions: JSON.stringify(permissions.body),
      firstRouteAsOwner: list.status,
    }),
  );
} finally {
  await platform.stop();
}
