import { type AnyRoute, PUBLIC, routeKey, type ServiceManifest } from '@halooid/shared/manifest';

export type RoutePermission = AnyRoute['permission'];

/** `METHOD /resource/{param}` → the permission it needs, derived from the manifests. */
export function routePermissions(services: readonly ServiceManifest[]): Map<string, RoutePermission> {
  const table = new Map<string, RoutePermission>();
  for (const service of services) {
    for (const route of service.routes) table.set(routeKey(route.method, route.path), route.permission);
  }
  return table;
}

export { PUBLIC };
