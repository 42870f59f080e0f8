import { type AnyRoute, PUBLIC, routeKey } from '@halooid/shared/manifest';

export type RoutePermission = AnyRoute['permission'];

/** What a route table needs of a service: a manifest or its entry in registry-index.generated.ts. */
export interface RoutedService {
  routes: readonly Pick<AnyRoute, 'method' | 'path' | 'permission'>[];
}

/** `METHOD /resource/{param}` → the permission it needs, derived from the manifests. */
export function routePermissions(services: readonly RoutedService[]): Map<string, RoutePermission> {
  const table = new Map<string, RoutePermission>();
  for (const service of services) {
    for (const route of service.routes) table.set(routeKey(route.method, route.path), route.permission);
  }
  return table;
}

export { PUBLIC };
