import { StackComponent } from './launcher';

/**
 * The infrastructure `npm start` runs before the services. Each issue that adds a local server
 * (Service Bus emulator, Cosmos, Azurite, fake ARM) adds its component here.
 */
export function localStackComponents(_env: NodeJS.ProcessEnv, _host: string): StackComponent[] {
  return [];
}
