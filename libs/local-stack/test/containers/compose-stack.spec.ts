import { loadEmulatorConfig } from '../../src/servicebus';
import type { ServiceConfigDefinition } from './app-config';
import type { ComposeDocument, ComposeService } from './compose-document';
import { validateStack, type StackExpectations } from './stack-validator';
import { APP_FOLDERS, SERVICE_BUS_CONFIG_FILE, WORKSPACE_ROOT, loadAppDefinitions, loadRepositoryCompose } from './workspace-fixture';

let apps: Map<string, ServiceConfigDefinition>;
let expectations: StackExpectations;

beforeAll(async () => {
  apps = await loadAppDefinitions();
  expectations = { root: WORKSPACE_ROOT, serviceBusConfigFile: SERVICE_BUS_CONFIG_FILE, apps };
});

/** A deep copy of the repository's compose document with one change applied. */
function mutated(change: (services: Record<string, ComposeService & Record<string, unknown>>) => void): ComposeDocument {
  const doc = structuredClone(loadRepositoryCompose());
  change(doc.services as Record<string, ComposeService & Record<string, unknown>>);
  return doc;
}

describe('docker-compose.yml', () => {
  it('has a service for each of the five apps', () => {
    expect(APP_FOLDERS).toHaveLength(5);
    expect(apps.size).toBe(5);
  });

  it('is consistent with the Dockerfiles, the apps’ config schemas and the Service Bus entity file', () => {
    expect(validateStack(loadRepositoryCompose(), expectations)).toEqual([]);
  });

  it('mounts an entity file the in-repo emulator accepts, with the queues the services use', () => {
    const namespace = loadEmulatorConfig(SERVICE_BUS_CONFIG_FILE);
    const queues = namespace.queues.map((q) => q.name);
    expect(queues).toEqual(expect.arrayContaining(['operations', 'fhir-commands', 'iomt-commands', 'key-rotation-commands', 'operation-replies']));
  });
});

describe('the stack validator rejects a broken compose document', () => {
  it.each<[string, (s: Record<string, ComposeService & Record<string, unknown>>) => void, string]>([
    ['a setting the app does not know', (s) => (s['gateway']!.environment!['GATEWAY_COLOUR'] = 'blue'), "services.gateway.environment.GATEWAY_COLOUR: not a setting of gateway's config schema"],
    ['an ARM setting on an app without ARM', (s) => (s['operation-router']!.environment!['ARM_MODE'] = 'local'), 'services.operation-router.environment.ARM_MODE: not a setting'],
    ['a required setting left out', (s) => delete s['operation-router']!.environment!['COSMOS_ENDPOINT'], 'services.operation-router.environment: misses COSMOS_ENDPOINT, a required setting of operation-router'],
    ['a value the schema refuses', (s) => (s['key-rotator']!.environment!['ARM_MODE'] = 'cloud'), 'services.key-rotator.environment.ARM_MODE:'],
    ['an unset ${VAR:?} variable', (s) => (s['gateway']!.environment!['COSMOS_KEY'] = '${COSMOS_KEY:?set it in .env}'), 'services.gateway.environment: COSMOS_KEY is required: set it in .env'],
    ['a port other than the app’s default', (s) => (s['operation-router']!.environment!['PORT'] = '9000'), "services.operation-router: listens on 9000, not operation-router's default port 8090"],
    ['the app’s port neither published nor exposed', (s) => (s['iomt-provisioner']!.expose = ['8000']), 'services.iomt-provisioner: neither publishes nor exposes port 8091'],
    ['the gateway published on another container port', (s) => (s['gateway']!.ports = ['8080:3000']), 'services.gateway: neither publishes nor exposes port 8080'],
    ['a Dockerfile that does not exist', (s) => (s['fhir-provisioner']!.build!.dockerfile = 'apps/fhir-provisioner/Dockerfile.old'), 'services.fhir-provisioner.build.dockerfile: apps/fhir-provisioner/Dockerfile.old does not exist'],
    ['a build context that does not exist', (s) => (s['fake-arm']!.build!.context = './nowhere'), 'services.fake-arm.build.context: ./nowhere does not exist'],
    ['an app no service builds', (s) => delete s['key-rotator'], 'services: no service builds apps/key-rotator/Dockerfile'],
    ['an endpoint outside the file', (s) => (s['gateway']!.environment!['COSMOS_ENDPOINT'] = 'http://cosmos.example:8081'), 'services.gateway.environment.COSMOS_ENDPOINT: does not point at a service of this file'],
    ['an endpoint not waited for', (s) => (s['fhir-provisioner']!.depends_on = { azurite: { condition: 'service_healthy' } }), 'services.fhir-provisioner.depends_on: does not wait (even indirectly) for servicebus-emulator'],
    ['a dependency on an unknown service', (s) => (s['gateway']!.depends_on!['redis'] = { condition: 'service_started' }), 'services.gateway.depends_on: redis is not a service'],
    ['service_healthy on a service without health check', (s) => (s['gateway']!.depends_on!['sqledge'] = { condition: 'service_healthy' }), 'services.gateway.depends_on.sqledge: waits for service_healthy but sqledge has no health check'],
    ['another entity file mounted', (s) => (s['servicebus-emulator']!.volumes = ['./other/Config.json:/ServiceBus_Emulator/ConfigFiles/Config.json']), 'services.servicebus-emulator.volumes: mounts ./other/Config.json'],
    ['no entity file mounted', (s) => delete s['servicebus-emulator']!.volumes, 'services.servicebus-emulator.volumes: nothing is mounted at /ServiceBus_Emulator/ConfigFiles/Config.json'],
    ['the EULA not accepted', (s) => delete s['servicebus-emulator']!.environment!['ACCEPT_EULA'], 'services.servicebus-emulator.environment.ACCEPT_EULA: must be Y'],
    ['no SQL Edge behind the emulator', (s) => (s['servicebus-emulator']!.environment!['SQL_SERVER'] = 'azurite'), 'services.servicebus-emulator.environment.SQL_SERVER: must name a service running mcr.microsoft.com/azure-sql-edge'],
    ['no Service Bus emulator', (s) => delete s['servicebus-emulator']!.image, 'no service runs mcr.microsoft.com/azure-messaging/servicebus-emulator'],
  ])('%s', (_case, change, message) => {
    const problems = validateStack(mutated(change), expectations);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
  });

  it('never echoes a setting’s value in a problem', () => {
    const problems = validateStack(
      mutated((s) => (s['gateway']!.environment!['SERVICEBUS_CONNECTION_STRING'] = 'SharedAccessKey=TOP-SECRET-VALUE')),
      expectations,
    );
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).not.toContain('TOP-SECRET-VALUE');
  });
});
