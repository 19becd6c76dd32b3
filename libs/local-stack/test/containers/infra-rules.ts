import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ComposeDocument, ComposeService } from './compose-document';
import { parseStages } from './dockerfile';

/** Microsoft's Service Bus emulator reads its entities from this path in its container. */
export const SERVICE_BUS_EMULATOR_CONFIG_TARGET = '/ServiceBus_Emulator/ConfigFiles/Config.json';
const SERVICE_BUS_EMULATOR_IMAGE = 'mcr.microsoft.com/azure-messaging/servicebus-emulator';
const SQL_EDGE_IMAGE = 'mcr.microsoft.com/azure-sql-edge';

const env = (service: ComposeService, name: string) => service.environment?.[name]?.toString();

/** Each `build` names a context folder and a Dockerfile inside it that exist. */
export function buildProblems(doc: ComposeDocument, root: string): string[] {
  return Object.entries(doc.services).flatMap(([name, service]) => {
    if (service.build === undefined) return service.image === undefined ? [`services.${name}: has neither image nor build`] : [];
    const context = resolve(root, service.build.context);
    if (!existsSync(context)) return [`services.${name}.build.context: ${service.build.context} does not exist`];
    const dockerfile = resolve(context, service.build.dockerfile);
    return existsSync(dockerfile) ? [] : [`services.${name}.build.dockerfile: ${service.build.dockerfile} does not exist`];
  });
}

/** True when the service declares a health check, in compose or in the final stage of its Dockerfile. */
export function hasHealthCheck(service: ComposeService, root: string): boolean {
  if (service.healthcheck !== undefined) return true;
  if (service.build === undefined) return false;
  const dockerfile = resolve(root, service.build.context, service.build.dockerfile);
  if (!existsSync(dockerfile)) return false;
  const final = parseStages(readFileSync(dockerfile, 'utf8')).at(-1);
  return final?.instructions.some((i) => i.keyword === 'HEALTHCHECK' && !/^NONE$/i.test(i.args)) ?? false;
}

/** `depends_on` names services of the file, and waits for health only on services that have a check. */
export function dependencyProblems(doc: ComposeDocument, root: string): string[] {
  return Object.entries(doc.services).flatMap(([name, service]) =>
    Object.entries(service.depends_on ?? {}).flatMap(([target, { condition }]) => {
      const dependency = doc.services[target];
      if (dependency === undefined) return [`services.${name}.depends_on: ${target} is not a service`];
      if (condition === 'service_healthy' && !hasHealthCheck(dependency, root)) {
        return [`services.${name}.depends_on.${target}: waits for service_healthy but ${target} has no health check`];
      }
      return [];
    }),
  );
}

/** Services `name` waits for, directly or through other services. */
export function dependenciesOf(doc: ComposeDocument, name: string): Set<string> {
  const seen = new Set<string>();
  const pending = Object.keys(doc.services[name]?.depends_on ?? {});
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    pending.push(...Object.keys(doc.services[next]?.depends_on ?? {}));
  }
  return seen;
}

/**
 * Microsoft's Service Bus emulator: present, mounting `configFile` (the entity file of the in-repo
 * emulator) at its config path, with the EULA accepted and its SQL Edge database as a dependency.
 */
export function serviceBusEmulatorProblems(doc: ComposeDocument, root: string, configFile: string): string[] {
  const entry = Object.entries(doc.services).find(([, s]) => s.image?.startsWith(SERVICE_BUS_EMULATOR_IMAGE));
  if (entry === undefined) return [`no service runs ${SERVICE_BUS_EMULATOR_IMAGE}`];
  const [name, service] = entry;
  const problems: string[] = [];
  const mount = (service.volumes ?? []).map((v) => v.split(':')).find(([, target]) => target === SERVICE_BUS_EMULATOR_CONFIG_TARGET);
  if (mount === undefined) problems.push(`services.${name}.volumes: nothing is mounted at ${SERVICE_BUS_EMULATOR_CONFIG_TARGET}`);
  else if (resolve(root, mount[0]!) !== configFile) problems.push(`services.${name}.volumes: mounts ${mount[0]}, not the local emulator's ${configFile}`);
  if (env(service, 'ACCEPT_EULA') !== 'Y') problems.push(`services.${name}.environment.ACCEPT_EULA: must be Y`);
  const sql = env(service, 'SQL_SERVER');
  const sqlService = sql === undefined ? undefined : doc.services[sql];
  if (sqlService === undefined || !sqlService.image?.startsWith(SQL_EDGE_IMAGE)) {
    problems.push(`services.${name}.environment.SQL_SERVER: must name a service running ${SQL_EDGE_IMAGE}`);
  } else if (!dependenciesOf(doc, name).has(sql!)) {
    problems.push(`services.${name}.depends_on: does not wait for ${sql}`);
  }
  return problems;
}
