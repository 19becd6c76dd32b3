import { randomUUID } from 'node:crypto';
import { startLocalSystem, type LocalSystem } from '@iomt/launcher';
import {
  ArmClient,
  DEVICE_MAPPING,
  FHIR_MAPPING,
  IOMT_API_VERSION,
  LifecycleWalk,
  SERVICES_API_VERSION,
  UPDATED_CONNECTOR_TAGS,
  UPDATED_SERVICE_TAGS,
  type StepOutcome,
} from '../src';
import { ArmInventory } from './support/arm-inventory';
import { everyMappingBlob, everyStoredDocument } from './support/stored-text';

const EVENT_HUB_RULE = 'Microsoft.EventHub/namespaces/eventhubs/authorizationRules';
const CONNECTOR_TYPES = [
  'Microsoft.EventHub/namespaces',
  'Microsoft.EventHub/namespaces/eventhubs',
  'Microsoft.KeyVault/vaults',
  'Microsoft.Storage/storageAccounts',
  'Microsoft.StreamAnalytics/streamingjobs',
  'Microsoft.Web/sites',
];

describe('the whole life of a FHIR service and an IoMT connector, through the gateway', () => {
  let system: LocalSystem;
  let walk: LifecycleWalk;
  let client: ArmClient;
  let inventory: ArmInventory;
  const names = { subscriptionId: randomUUID(), resourceGroup: 'rg-life', fhirService: 'fhir-life', connector: 'heart-rate', connection: 'devices', location: 'westus2' };
  const fhirGroup = `rg-fhir-${names.fhirService}`;
  const connectorGroup = `rg-iomt-${names.fhirService}-${names.connector}`;
  const rulesOfConnector = () => inventory.resourcesIn(connectorGroup).filter((r) => r.type === EVENT_HUB_RULE).map((r) => r.name.split('/').at(-1));

  beforeAll(async () => {
    system = await startLocalSystem();
    client = new ArmClient({ baseUrl: system.gatewayUrl });
    walk = new LifecycleWalk(client, names);
    inventory = new ArmInventory(system.stack.arm);
  });
  afterAll(async () => {
    await system?.stop();
  });

  it('creates the FHIR service (201, then Succeeded) and deploys its resource group with a Cosmos DB account and a web app', async () => {
    expect(await walk.createFhirService()).toEqual<StepOutcome>({ status: 201, provisioningState: 'Succeeded' });
    expect(inventory.groups(fhirGroup)).toHaveLength(1);
    expect(inventory.typesIn(fhirGroup)).toEqual(expect.arrayContaining(['Microsoft.DocumentDB/databaseAccounts', 'Microsoft.Web/sites']));
    expect(inventory.deploymentsIn(fhirGroup)).toEqual([{ name: expect.stringMatching(/^fhir-service-/), provisioningState: 'Succeeded' }]);
    expect(inventory.groups(connectorGroup)).toEqual([]);
  });

  it('creates the connector (201, then Succeeded) and deploys rg-iomt-... with Event Hubs, storage, Key Vault, Stream Analytics and a Function App', async () => {
    expect(await walk.createConnector()).toEqual<StepOutcome>({ status: 201, provisioningState: 'Succeeded' });
    expect(inventory.groups(connectorGroup)).toHaveLength(1);
    expect(inventory.typesIn(connectorGroup)).toEqual(expect.arrayContaining(CONNECTOR_TYPES));
    const ofType = (type: string) => inventory.resourcesIn(connectorGroup).filter((r) => r.type === type);
    expect(ofType('Microsoft.EventHub/namespaces/eventhubs').map((r) => r.name.split('/').at(-1)).sort()).toEqual(['deviceinput', 'normalizeddeviceinput']);
    expect(ofType('Microsoft.KeyVault/vaults/secrets').map((r) => r.name.split('/').at(-1))).toEqual(['blob-storage-cs']);
    expect(ofType('Microsoft.Storage/storageAccounts/blobServices/containers').map((r) => r.name.split('/').at(-1))).toEqual(['template']);
    const [functionApp] = ofType('Microsoft.Web/sites');
    expect(functionApp.properties['serverFarmId']).toMatch(/\/resourceGroups\/rg-iomt-test-westus2\/providers\/Microsoft\.Web\/serverfarms\/asp-iomt-test-wus2-\d+$/);
    expect(ofType('Microsoft.StreamAnalytics/streamingjobs/inputs')).toEqual([
      expect.objectContaining({ properties: expect.objectContaining({ datasource: expect.objectContaining({ properties: expect.objectContaining({ eventHubName: 'normalizeddeviceinput' }) }) }) }),
    ]);
    expect(ofType('Microsoft.StreamAnalytics/streamingjobs/outputs')).toEqual([
      expect.objectContaining({ properties: expect.objectContaining({ datasource: expect.objectContaining({ properties: expect.objectContaining({ functionAppName: functionApp.name }) }) }) }),
    ]);
    expect(inventory.deploymentsIn(connectorGroup).map((d) => d.provisioningState)).toEqual(['Succeeded']);
    const connector = (await client.get<{ properties: { provisioningState: string } }>(walk.paths.connector, IOMT_API_VERSION)).body;
    expect(connector.properties.provisioningState).toBe('Succeeded');
  });

  it('stores valid device and FHIR mappings (Succeeded, read back, written to the mapping storage)', async () => {
    expect(await walk.setMapping('deviceMapping', DEVICE_MAPPING)).toMatchObject({ provisioningState: 'Succeeded' });
    expect(await walk.setMapping('fhirMapping', FHIR_MAPPING)).toMatchObject({ provisioningState: 'Succeeded' });
    const blobs = Object.values(await everyMappingBlob(system.env));
    expect(blobs).toEqual(expect.arrayContaining([DEVICE_MAPPING, FHIR_MAPPING]));
  });

  it('refuses an invalid mapping with 400 whose details give each problem its line and position, keeping the stored one', async () => {
    const outcome = await walk.refuseInvalidMapping();
    expect(outcome.status).toBe(400);
    expect(outcome.note).toMatch(/problems, first: deviceMapping: Line 1, position \d+/);
    const stored = await client.get<{ properties: { content: unknown } }>(walk.paths.mapping('deviceMapping'), IOMT_API_VERSION);
    expect(stored.body.properties.content).toEqual(DEVICE_MAPPING);
  });

  it('creates a connection (201, then Succeeded): a write policy on the device hub', async () => {
    const before = rulesOfConnector();
    expect(await walk.createConnection()).toEqual<StepOutcome>({ status: 201, provisioningState: 'Succeeded' });
    expect(rulesOfConnector()).toEqual([...before, names.connection]);
    const rule = inventory.resourcesIn(connectorGroup).find((r) => r.type === EVENT_HUB_RULE && r.id.toLowerCase().endsWith(`/eventhubs/deviceinput/authorizationrules/${names.connection}`));
    expect(rule?.properties['rights']).toEqual(['Send']);
  });

  it('answers the keys on listKeys, from Azure, without keeping them in Cosmos', async () => {
    expect((await walk.listKeys()).status).toBe(200);
    const [keys] = walk.keys;
    expect(keys.primaryConnectionString).toContain(`SharedAccessKeyName=${names.connection};SharedAccessKey=${keys.primaryKey}`);
    const stored = await everyStoredDocument(system.env);
    expect(stored).toContain(names.connection);
    expect(stored).not.toContain(keys.primaryKey);
    expect(stored).not.toContain(keys.secondaryKey);
  });

  it('regenerates the primary key in Azure: listKeys then answers the new one', async () => {
    expect((await walk.regeneratePrimaryKey()).status).toBe(200);
    const regenerated = walk.keys[1];
    const listed = await client.post<{ primaryKey: string; secondaryKey: string }>(`${walk.paths.connection}/listKeys`, IOMT_API_VERSION);
    expect(listed.body).toMatchObject({ primaryKey: regenerated.primaryKey, secondaryKey: walk.keys[0].secondaryKey });
    expect(await everyStoredDocument(system.env)).not.toContain(regenerated.primaryKey);
  });

  it('updates the FHIR service tags with PATCH (202, then Succeeded)', async () => {
    const deploymentsBefore = inventory.deploymentsIn(fhirGroup).length;
    expect(await walk.updateServiceTags()).toEqual<StepOutcome>({ status: 202, provisioningState: 'Succeeded' });
    const service = await client.get<{ tags: unknown }>(walk.paths.service, SERVICES_API_VERSION);
    expect(service.body.tags).toEqual(UPDATED_SERVICE_TAGS);
    const deployments = inventory.deploymentsIn(fhirGroup);
    expect(deployments).toHaveLength(deploymentsBefore + 1);
    expect(deployments.every((d) => d.provisioningState === 'Succeeded' && d.name.startsWith('fhir-service-'))).toBe(true);
  });

  it('updates the connector tags with PUT (200, then Succeeded), its infrastructure kept', async () => {
    const typesBefore = inventory.typesIn(connectorGroup);
    expect(await walk.updateConnectorTags()).toEqual<StepOutcome>({ status: 200, provisioningState: 'Succeeded' });
    const connector = await client.get<{ tags: unknown }>(walk.paths.connector, IOMT_API_VERSION);
    expect(connector.body.tags).toEqual(UPDATED_CONNECTOR_TAGS);
    expect(inventory.typesIn(connectorGroup)).toEqual(typesBefore);
    expect(rulesOfConnector()).toContain(names.connection);
    expect(inventory.deploymentsIn(connectorGroup).every((d) => d.provisioningState === 'Succeeded')).toBe(true);
  });

  it('deletes the connection (202, Succeeded, then 404) and its write policy', async () => {
    expect(await walk.deleteAndCheck(walk.paths.connection, IOMT_API_VERSION)).toMatchObject({ status: 202, provisioningState: 'Succeeded' });
    expect(rulesOfConnector()).not.toContain(names.connection);
    expect(inventory.groups(connectorGroup)).toHaveLength(1);
  });

  it('deletes the connector (202, Succeeded, then 404) and its resource group with everything in it', async () => {
    expect(await walk.deleteAndCheck(walk.paths.connector, IOMT_API_VERSION)).toMatchObject({ status: 202, provisioningState: 'Succeeded' });
    expect(inventory.groups(connectorGroup)).toEqual([]);
    expect(inventory.resourcesIn(connectorGroup)).toEqual([]);
    expect(inventory.groups(fhirGroup)).toHaveLength(1);
  });

  it('deletes the FHIR service (202, Succeeded, then 404) and its resource group', async () => {
    expect(await walk.deleteAndCheck(walk.paths.service, SERVICES_API_VERSION)).toMatchObject({ status: 202, provisioningState: 'Succeeded' });
    expect(inventory.groups(fhirGroup)).toEqual([]);
    expect(inventory.resourcesIn(fhirGroup)).toEqual([]);
    const list = await client.get<{ value: unknown[] }>(`/subscriptions/${names.subscriptionId}/providers/Microsoft.HealthcareApis/services`, SERVICES_API_VERSION);
    expect(list.body.value).toEqual([]);
  });
});
