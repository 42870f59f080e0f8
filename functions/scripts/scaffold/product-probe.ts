import { writeFileSync } from 'node:fs';
import { synthesize } from '@halooid/aws/testing/synth';
import { PRODUCTS, SERVICES } from '@halooid/functions/registry';
import { walkRoutes } from '@halooid/functions/security-fixtures';
import { RouteTable } from '@halooid/local/route-table';
import { startTestPlatform } from '@halooid/local/testing/test-platform';

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
const cdk = (() => {
  const synthesized = synthesize({ stage: 'dev', bundle: false });
  try {
    const all: Record<string, Resource> = {};
    for (const stack of Object.values(synthesized.stacks)) {
      Object.assign(all, synthesized.template(stack).toJSON().Resources as Record<string, Resource>);
    }
    const ofType = (type: string) => Object.entries(all).filter(([, resource]) => resource.Type === type);
    const pathOf = (id: string): string => {
      const resource = all[id];
      if (!resource) return '';
      const parent = resource.Properties.ParentId as { Ref?: string };
      return `${parent.Ref ? pathOf(parent.Ref) : ''}/${String(resource.Properties.PathPart)}`;
    };
    return {
      functions: ofType('AWS::Lambda::Function')
        .map(([, fn]) => String(fn.Properties.FunctionName))
        .filter((name) => name.includes(`-${key}-`)),
      methods: ofType('AWS::ApiGateway::Method')
        .map(([, method]) => {
          const resource = method.Properties.ResourceId as { Ref?: string };
          return `${String(method.Properties.HttpMethod)} ${resource.Ref ? pathOf(resource.Ref) : '/'}`;
        })
        .filter((method) => method.includes(`/${key}/`)),
      alarms: ofType('AWS::CloudWatch::Alarm')
        .map(([, alarm]) => String(alarm.Properties.AlarmDescription))
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
