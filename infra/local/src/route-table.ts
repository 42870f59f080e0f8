import { type AnyRoute, type ServiceManifest, serviceName } from '@halooid/shared/manifest';

export interface MatchedRoute {
  service: ServiceManifest;
  route: AnyRoute;
  pathParameters: Record<string, string> | null;
}

interface CompiledRoute {
  service: ServiceManifest;
  route: AnyRoute;
  pattern: RegExp;
  names: string[];
  /** Literal segments count: `/tasks/bulk` wins over `/tasks/{taskId}`, as in API Gateway. */
  specificity: number;
}

export type RouteLookup =
  | { kind: 'found'; match: MatchedRoute }
  | { kind: 'method_not_allowed'; allowed: string[] }
  | { kind: 'not_found' };

/** Matches request paths to manifest routes the way API Gateway matches resources. */
export class RouteTable {
  readonly #routes: CompiledRoute[];

  constructor(services: readonly ServiceManifest[]) {
    this.#routes = services
      .flatMap((service) => service.routes.map((route) => compile(service, route)))
      .sort((a, b) => b.specificity - a.specificity);
  }

  lookup(method: string, path: string): RouteLookup {
    const allowed: string[] = [];
    for (const compiled of this.#routes) {
      const found = compiled.pattern.exec(path);
      if (!found) continue;
      if (compiled.route.method !== method) {
        allowed.push(compiled.route.method);
        continue;
      }
      const values = found.slice(1).map((value) => decodeURIComponent(value));
      const pathParameters = compiled.names.length
        ? Object.fromEntries(compiled.names.map((name, index) => [name, values[index] ?? '']))
        : null;
      return { kind: 'found', match: { service: compiled.service, route: compiled.route, pathParameters } };
    }
    return allowed.length ? { kind: 'method_not_allowed', allowed: allowed.sort() } : { kind: 'not_found' };
  }

  /** `taskodex-tasks` → its manifest, for loading handlers. */
  static serviceKey(service: ServiceManifest): string {
    return serviceName(service);
  }
}

function compile(service: ServiceManifest, route: AnyRoute): CompiledRoute {
  const names: string[] = [];
  const segments = route.path.split('/').filter(Boolean);
  const source = segments
    .map((segment) => {
      const parameter = /^\{(\w+)\}$/.exec(segment);
      if (!parameter?.[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(parameter[1]);
      return '([^/]+)';
    })
    .join('/');
  return {
    service,
    route,
    pattern: new RegExp(`^/${source}/?$`),
    names,
    specificity: segments.filter((segment) => !segment.startsWith('{')).length,
  };
}
