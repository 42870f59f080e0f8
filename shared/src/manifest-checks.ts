import * as z from 'zod';
import { validatePattern } from './events/pattern';
import { AUTHENTICATED, HTTP_METHODS, OPERATOR, PUBLIC, routeKey, type ServiceManifest } from './manifest';

const PERMISSION = /^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/;
const PATH = /^\/v1(\/([a-z0-9-]+|\{[a-zA-Z][a-zA-Z0-9]*\}|[a-z0-9-]+\.json))+$/;

/**
 * Everything that must hold across all manifests, as a list of problems (empty
 * when sound). The manifest test runs it over the registry; CDK synth and the
 * local runtime could run it too. Checked: every route has a permission and it
 * is in some capability's catalog, no two routes share method and path, no two
 * operations share an id, path parameters match the params schema, and every
 * schema converts to JSON Schema (so OpenAPI can describe it).
 */
export function checkManifests(services: readonly ServiceManifest[]): string[] {
  const problems: string[] = [];
  const catalog = new Set(
    services.flatMap((service) => service.permissions.map((permission) => permission.name)),
  );
  const seenRoutes = new Map<string, string>();
  const seenOperations = new Map<string, string>();
  const seenCapabilities = new Set<string>();

  for (const service of services) {
    const owner = `${service.product}/${service.capability}`;
    if (seenCapabilities.has(owner)) problems.push(`${owner}: declared twice`);
    seenCapabilities.add(owner);
    for (const permission of service.permissions) {
      if (!PERMISSION.test(permission.name))
        problems.push(`${owner}: permission "${permission.name}" is not product:resource:action`);
      else if (!permission.name.startsWith(`${service.product}:`)) {
        problems.push(`${owner}: permission ${permission.name} belongs to another product`);
      }
    }
    const subscriptionNames = new Set<string>();
    for (const subscription of service.subscriptions ?? []) {
      const where = `${owner} subscription ${subscription.name}`;
      if (!/^[a-z][a-z0-9-]*$/.test(subscription.name)) problems.push(`${where}: name must be kebab-case`);
      if (subscriptionNames.has(subscription.name)) problems.push(`${where}: declared twice`);
      subscriptionNames.add(subscription.name);
      if (!subscription.handler) problems.push(`${where}: names no handler`);
      for (const problem of validatePattern(subscription.pattern)) problems.push(`${where}: ${problem}`);
    }
    for (const route of service.routes) {
      const where = `${owner} ${route.operationId ?? '?'} (${route.method} ${route.path})`;
      if (!route.permission)
        problems.push(`${where}: has no permission; use PUBLIC explicitly for open routes`);
      else if (route.permission === OPERATOR) {
        // Operators act on the platform, so their routes live apart from every tenant's.
        if (!route.path.startsWith('/v1/operator/'))
          problems.push(`${where}: OPERATOR routes live under /v1/operator/`);
      } else if (
        route.permission !== PUBLIC &&
        route.permission !== AUTHENTICATED &&
        !catalog.has(route.permission)
      ) {
        problems.push(`${where}: permission ${route.permission} is not in any capability's catalog`);
      }
      if (route.path.startsWith('/v1/operator/') && route.permission !== OPERATOR)
        problems.push(`${where}: /v1/operator/ routes need the OPERATOR permission`);
      if (!HTTP_METHODS.includes(route.method)) problems.push(`${where}: unsupported method`);
      if (!PATH.test(route.path))
        problems.push(`${where}: path must be /v1/... with kebab-case segments and {params}`);
      const key = routeKey(route.method, route.path);
      const otherRoute = seenRoutes.get(key);
      if (otherRoute) problems.push(`${where}: duplicate route, also declared by ${otherRoute}`);
      seenRoutes.set(key, owner);
      const otherOperation = seenOperations.get(route.operationId);
      if (otherOperation) problems.push(`${where}: duplicate operationId, also used by ${otherOperation}`);
      seenOperations.set(route.operationId, owner);

      const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      const schemaParams = Object.keys(route.params?.shape ?? {}).sort();
      if (pathParams.join() !== schemaParams.join()) {
        problems.push(
          `${where}: path parameters [${pathParams.join()}] do not match params schema [${schemaParams.join()}]`,
        );
      }
      if (route.body && (route.method === 'GET' || route.method === 'DELETE'))
        problems.push(`${where}: ${route.method} takes no body`);
      for (const [part, schema] of Object.entries({
        params: route.params,
        query: route.query,
        body: route.body,
        response: route.response,
      })) {
        if (!schema) continue;
        try {
          z.toJSONSchema(schema, { io: part === 'response' ? 'output' : 'input' });
        } catch (error) {
          problems.push(
            `${where}: ${part} schema cannot be described in OpenAPI: ${(error as Error).message}`,
          );
        }
      }
    }
  }
  return problems;
}
