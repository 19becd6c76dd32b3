import type { ArmResponse } from './http-io';

/** What a route handler receives. */
export interface ArmRequest {
  readonly method: string;
  /** The path without query, URL-decoded. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Path parameters by the names in the route template. */
  readonly params: Readonly<Record<string, string>>;
  /** The parsed JSON body, `undefined` when empty. */
  readonly body: unknown;
  /** `http://host:port` as the client reached us, for absolute polling URLs. */
  readonly baseUrl: string;
}

/** A route handler; the state is in memory, so handlers are synchronous. */
export type ArmHandler = (request: ArmRequest) => ArmResponse;

/**
 * One REST path. `template` uses `{name}` for one segment and `{name*}` for the rest of the
 * path; it is matched case-insensitively (SDKs differ: `resourceGroups` vs `resourcegroups`).
 */
export interface ArmRoute {
  readonly method: string;
  readonly template: string;
  readonly handle: ArmHandler;
  /** A finer label for call counts (e.g. the resource type behind a generic route). */
  readonly label?: (params: Readonly<Record<string, string>>) => string;
}

/** A matched route with its parameters and the label the call log counts it under. */
export interface RouteMatch {
  readonly route: ArmRoute;
  readonly params: Readonly<Record<string, string>>;
  readonly label: string;
}

interface CompiledRoute {
  readonly route: ArmRoute;
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

/** Matches method + path against routes in declaration order (specific routes first). */
export class ArmRouter {
  private readonly compiled: readonly CompiledRoute[];

  constructor(routes: readonly ArmRoute[]) {
    this.compiled = routes.map(compile);
  }

  /** The first route matching both; `methods` lists what the path allows when only the path matched. */
  match(method: string, path: string): RouteMatch | { readonly methods: readonly string[] } | undefined {
    const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
    const allowed = new Set<string>();
    for (const candidate of this.compiled) {
      const found = candidate.pattern.exec(trimmed);
      if (!found) continue;
      if (candidate.route.method !== method) {
        allowed.add(candidate.route.method);
        continue;
      }
      const params = Object.fromEntries(candidate.names.map((name, i) => [name, found[i + 1]]));
      const label = candidate.route.label?.(params) ?? candidate.route.template;
      return { route: candidate.route, params, label };
    }
    return allowed.size > 0 ? { methods: [...allowed] } : undefined;
  }
}

function compile(route: ArmRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.template
    .replace(/\/+$/, '')
    .split(/(\{[A-Za-z]+\*?\})/)
    .map((part) => {
      const param = /^\{([A-Za-z]+)(\*?)\}$/.exec(part);
      if (!param) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(param[1]);
      return param[2] ? '(.+)' : '([^/]+)';
    })
    .join('');
  return { route, pattern: new RegExp(`^${source}$`, 'i'), names };
}
