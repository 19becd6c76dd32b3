import { join } from 'node:path';
import type { z } from 'zod';

/** The part of a service's `ServiceDefinition` (from `@iomt/service-kit`) the container rules read. */
export interface ServiceConfigDefinition {
  readonly serviceName: string;
  readonly configSchema: z.ZodType;
}

type AnySchema = z.ZodType & { _zod: { def: { type: string; in?: AnySchema } } };

const isDefinition = (value: unknown): value is ServiceConfigDefinition =>
  typeof value === 'object' && value !== null && 'serviceName' in value && 'configSchema' in value;

/**
 * The `ServiceDefinition` an app's `src/config.ts` exports (the one its `main.ts` boots with).
 * Loaded by path at run time so this test follows the apps' settings as their owners add them.
 * @throws Error when the module exports none, or several.
 */
export async function loadServiceDefinition(appDir: string): Promise<ServiceConfigDefinition> {
  const module = (await import(join(appDir, 'src', 'config'))) as Record<string, unknown>;
  const definitions = Object.values(module).filter(isDefinition);
  if (definitions.length !== 1) throw new Error(`${appDir}/src/config.ts exports ${definitions.length} ServiceDefinitions, expected one`);
  return definitions[0]!;
}

/**
 * The settings (environment variable schemas) a service's config schema knows: the object shape
 * under any `.transform()`/`.pipe()` wrappers (the gateway resolves GATEWAY_PORT in one).
 */
export function settingsShape(schema: z.ZodType): Readonly<Record<string, z.ZodType>> {
  let current = schema as AnySchema;
  while (current._zod.def.type === 'pipe' && current._zod.def.in !== undefined) current = current._zod.def.in;
  if (current._zod.def.type !== 'object') throw new Error(`a config schema must be an object schema, found ${current._zod.def.type}`);
  return (current as unknown as z.ZodObject).shape;
}

/** Settings without a default: parsing them unset fails. */
export function requiredSettings(shape: Readonly<Record<string, z.ZodType>>): string[] {
  return Object.entries(shape)
    .filter(([, setting]) => !setting.safeParse(undefined).success)
    .map(([name]) => name);
}

/** The port a service listens on when PORT is unset: the default of its PORT setting. */
export function defaultPort(shape: Readonly<Record<string, z.ZodType>>): number {
  const parsed = shape['PORT']?.safeParse(undefined);
  if (!parsed?.success || typeof parsed.data !== 'number') throw new Error('the config schema has no PORT setting with a default');
  return parsed.data;
}
