import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadServiceDefinition, type ServiceConfigDefinition } from './app-config';
import { parseComposeDocument, type ComposeDocument } from './compose-document';

/** The repository root. */
export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');

/**
 * The Service Bus entity file `npm start`'s in-repo emulator loads (config/servicebus/Config.json,
 * see the launcher), which docker-compose must mount into Microsoft's emulator.
 */
export const SERVICE_BUS_CONFIG_FILE = join(WORKSPACE_ROOT, 'config/servicebus/Config.json');

/** Every app folder (`apps/gateway`, ...): each one is a service with its own image. */
export const APP_FOLDERS: readonly string[] = readdirSync(join(WORKSPACE_ROOT, 'apps'))
  .filter((name) => existsSync(join(WORKSPACE_ROOT, 'apps', name, 'src', 'config.ts')))
  .map((name) => `apps/${name}`);

/** The repository's docker-compose.yml, parsed. */
export function loadRepositoryCompose(): ComposeDocument {
  return parseComposeDocument(readFileSync(join(WORKSPACE_ROOT, 'docker-compose.yml'), 'utf8'));
}

/** Each app folder with the ServiceDefinition its config.ts exports. */
export async function loadAppDefinitions(): Promise<Map<string, ServiceConfigDefinition>> {
  const entries = await Promise.all(
    APP_FOLDERS.map(async (folder) => [folder, await loadServiceDefinition(join(WORKSPACE_ROOT, folder))] as const),
  );
  return new Map(entries);
}
