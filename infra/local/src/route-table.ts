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
  /** Per segment, 0 for a literal and 1 for a parameter: literals win, leftmost first, as in API Gateway. */
  specificity: number[];
}

export type RouteLookup =
  | { kind: 'found'; match: MatchedRoute }
  | { kind: 'method_not_allowed'; allowed: string[] }
  | { kind: 'not_found' }
  | { kind: 'bad_path' };

/** Matches request paths to manifest routes the way API Gateway matches resources. */
export class RouteTable {
  readonly #routes: CompiledRoute[];

  constructor(services: readonly ServiceManifest[]) {
    this.#routes = services
      .flatMap((service) => service.routes.map((route) => compile(service, route)))
      .sort((a, b) => compareSpecificity(a.specificity, b.specificity));
  }

  /**
   * API Gateway first picks the resource (the most literal path template that
   * matches), then the method on it: `GET /tasks/bulk` with only `POST
   * /tasks/bulk` declared is a 405, never `GET /tasks/{taskId}` with id "bulk".
   */
  lookup(method: string, path: string): RouteLookup {
    const resource = this.#routes.find((compiled) => compiled.pattern.test(path));
    if (!resource) return { kind: 'not_found' };
    const onResource = this.#routes.filter((compiled) => compiled.route.path === resource.route.path);
    const compiled = onResource.find((candidate) => candidate.route.method === method);
    if (!compiled)
      return { kind: 'method_not_allowed', allowed: onResource.map((c) => c.route.method).sort() };
    const found = compiled.pattern.exec(path) ?? [];
    let values: string[];
    try {
      values = found.slice(1).map((value) => decodeURIComponent(value));
    } catch {
      return { kind: 'bad_path' }; // a malformed %-escape
    }
    const pathParameters = compiled.names.length
      ? Object.fromEntries(compiled.names.map((name, index) => [name, values[index] ?? '']))
      : null;
    return { kind: 'found', match: { service: compiled.service, route: compiled.route, pathParameters } };
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
    specificity: segments.map((segment) => (segment.startsWith('{') ? 1 : 0)),
  };
}

function compareSpecificity(a: number[], b: number[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return b.length - a.length;
}
