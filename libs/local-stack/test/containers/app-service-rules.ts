import { relative, resolve } from 'node:path';
import type { z } from 'zod';
import { defaultPort, requiredSettings, settingsShape, type ServiceConfigDefinition } from './app-config';
import type { ComposeDocument, ComposeService } from './compose-document';
import { interpolate } from './compose-interpolation';
import { dependenciesOf } from './infra-rules';

function hostname(url: string | undefined): string | undefined {
  try {
    return url === undefined ? undefined : new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** Settings whose value names another service of the stack by host name. */
const ENDPOINT_SETTINGS: Readonly<Record<string, (value: string) => string | undefined>> = {
  SERVICEBUS_CONNECTION_STRING: (v) => /(?:^|;)\s*Endpoint=sb:\/\/([^;:/]+)/i.exec(v)?.[1],
  COSMOS_ENDPOINT: hostname,
  ARM_ENDPOINT: hostname,
  MAPPING_STORAGE_CONNECTION_STRING: (v) => hostname(/BlobEndpoint=([^;]+)/i.exec(v)?.[1]),
};

/** The environment compose hands the container, with `${...}` resolved against `variables`. */
export function containerEnv(service: ComposeService, variables: Readonly<Record<string, string>> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), variables)]));
}

function settingProblems(at: string, env: Record<string, string>, definition: ServiceConfigDefinition): string[] {
  const shape = settingsShape(definition.configSchema);
  const unknown = Object.keys(env).filter((name) => !(name in shape));
  const missing = requiredSettings(shape).filter((name) => env[name] === undefined);
  const problems = [
    ...unknown.map((name) => `${at}.environment.${name}: not a setting of ${definition.serviceName}'s config schema`),
    ...missing.map((name) => `${at}.environment: misses ${name}, a required setting of ${definition.serviceName}`),
  ];
  if (problems.length > 0) return problems;
  const parsed = definition.configSchema.safeParse(env);
  // zod messages name the rule, never the value: nothing secret is echoed.
  return parsed.success ? [] : parsed.error.issues.map((i: z.core.$ZodIssue) => `${at}.environment.${i.path.join('.')}: ${i.message}`);
}

function portProblems(at: string, service: ComposeService, env: Record<string, string>, definition: ServiceConfigDefinition): string[] {
  const expected = defaultPort(settingsShape(definition.configSchema));
  const parsed = definition.configSchema.safeParse(env);
  const listening = parsed.success ? (parsed.data as { PORT: number }).PORT : expected;
  if (listening !== expected) return [`${at}: listens on ${listening}, not ${definition.serviceName}'s default port ${expected}`];
  const published = (service.ports ?? []).map((p) => Number(p.split(':').at(-1)!.replace(/\/tcp$/, '')));
  const exposed = (service.expose ?? []).map(Number);
  return [...published, ...exposed].includes(expected) ? [] : [`${at}: neither publishes nor exposes port ${expected}`];
}

function wiringProblems(doc: ComposeDocument, name: string, env: Record<string, string>): string[] {
  const waitsFor = dependenciesOf(doc, name);
  return Object.entries(ENDPOINT_SETTINGS).flatMap(([setting, hostOf]) => {
    if (env[setting] === undefined) return [];
    const host = hostOf(env[setting]!);
    if (host === undefined || doc.services[host] === undefined) return [`services.${name}.environment.${setting}: does not point at a service of this file`];
    return waitsFor.has(host) ? [] : [`services.${name}.depends_on: does not wait (even indirectly) for ${host}, which ${setting} points at`];
  });
}

/**
 * Rules of one app's compose service: every setting it sets is known to the app's config schema,
 * every required one is set, the whole environment passes the schema, it listens on the app's
 * default port and publishes or exposes it, and its endpoints point at services it waits for.
 */
export function appServiceProblems(doc: ComposeDocument, name: string, definition: ServiceConfigDefinition): string[] {
  const at = `services.${name}`;
  const service = doc.services[name]!;
  let env: Record<string, string>;
  try {
    env = containerEnv(service);
  } catch (error) {
    return [`${at}.environment: ${(error as Error).message}`];
  }
  const problems = settingProblems(at, env, definition);
  return [...problems, ...(problems.length > 0 ? [] : portProblems(at, service, env, definition)), ...wiringProblems(doc, name, env)];
}

/** The names of the compose services that build `dockerfile` (relative to root, e.g. `apps/gateway/Dockerfile`). */
export function servicesBuilding(doc: ComposeDocument, root: string, dockerfile: string): string[] {
  return Object.entries(doc.services)
    .filter(([, s]) => s.build !== undefined && relative(root, resolve(root, s.build.context, s.build.dockerfile)) === dockerfile)
    .map(([name]) => name);
}
