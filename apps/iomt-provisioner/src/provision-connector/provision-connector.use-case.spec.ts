import { replyErrorFrom, Subject } from '@iomt/contracts';
import {
  AccountSpecificStreamAnalyticsJob,
  DocumentType,
  OperationStatus,
  OperationType,
  RegionCapacityExhaustedError,
  streamAnalyticsJobSecretId,
  TransientError,
  ValidationError,
} from '@iomt/domain';
import { fakePlanner, IomtWorld } from '../testing/iomt-world';
import {
  commandFor,
  connectorOperation,
  DEVICE_MAPPING,
  FHIR_MAPPING,
  INFRA_SUBSCRIPTION_ID,
  mappingOperation,
  PLAN_ID,
  RESOURCE_IDS,
  sampleRegion,
} from '../testing/samples';
import { ProvisionConnectorUseCase } from './provision-connector.use-case';
import { runCommand } from '@iomt/service-kit';

function setUp() {
  const world = new IomtWorld();
  const operation = connectorOperation(world.connector, OperationType.Provision);
  world.operations.seed(operation);
  const useCase = new ProvisionConnectorUseCase(
    world.operations,
    world.registry,
    world.clusters,
    world.deployer,
    world.mappings,
    fakePlanner,
    world.clock,
  );
  /** The percentages reported, each with how many deployments had been made when it came. */
  const heard: [number, number][] = [];
  const progress = async (percent: number) => void heard.push([percent, world.deployer.deployments.length]);
  const run = (body: unknown = commandFor(operation, RESOURCE_IDS.connector)) =>
    runCommand(Subject.ProvisionIomtConnector, body, (command) => useCase.execute(command, progress));
  return { world, operation, run, heard };
}

describe('ProvisionConnectorUseCase', () => {
  it('deploys the connector template once into a subscription and plan of its region with room', async () => {
    const { world, operation, run } = setUp();
    await expect(run()).resolves.toEqual({ deploymentNames: [`iomt-connector-${operation.id}`] });
    expect(world.deployer.deployments).toHaveLength(1);
    const [request] = world.deployer.deployments;
    expect(request).toMatchObject({
      subscriptionId: INFRA_SUBSCRIPTION_ID,
      location: 'westus2',
      deploymentName: `iomt-connector-${operation.id}`,
      resourceGroupName: 'rg-iomt-fhirsrv-conn1',
      parameters: { appServicePlanId: PLAN_ID },
    });
    const region = await world.clusters.getByRegion('westus2');
    expect(region?.infrastructureSubscriptions.map((s) => s.resourceGroupCount)).toEqual([1, 4]);
    expect(region?.appServicePlans[0]?.appCount).toBe(3);
  });

  it('records the id, name and type of every infrastructure resource on the connector', async () => {
    const { world, run } = setUp();
    await run();
    const connector = world.storedConnector();
    const group = world.deployer.deployments[0]?.resourceGroupName;
    expect(connector).toMatchObject({ infrastructureSubscriptionId: INFRA_SUBSCRIPTION_ID, infrastructureResourceGroupName: group });
    const definitions = [connector.eventHub, connector.storage, connector.keyVault, connector.streamAnalytics, connector.function];
    expect(definitions.map((d) => d.infrastructureResourceType)).toEqual([
      'Microsoft.EventHub/namespaces',
      'Microsoft.Storage/storageAccounts',
      'Microsoft.KeyVault/vaults',
      'Microsoft.StreamAnalytics/streamingjobs',
      'Microsoft.Web/sites',
    ]);
    for (const d of definitions) {
      expect(d.infrastructureResourceId).toBe(
        `/subscriptions/${INFRA_SUBSCRIPTION_ID}/resourceGroups/${group}/providers/${d.infrastructureResourceType}/${d.infrastructureResourceName}`,
      );
    }
    expect(connector.storage.infrastructureResourceName).toMatch(/^iomt[a-z0-9]{8}sa$/);
    expect(connector.function.managedIdentityObjectId).toBe('5b307da8-43d4-492b-8b66-b0294ade872f');
    expect(connector.function.functionAppServicePlanId).toBe(PLAN_ID);
    expect(connector.streamAnalytics.EventHubNamespace).toBe(connector.eventHub.infrastructureResourceName);
  });

  it('writes both mappings and creates the secret metadata with the primary key in use', async () => {
    const { world, run } = setUp();
    await run();
    const id = world.connector.id;
    expect(world.mappings.blobs.get(`${world.connector.subscriptionId}/${id}/deviceMapping`)).toBe(DEVICE_MAPPING);
    expect(world.mappings.blobs.get(`${world.connector.subscriptionId}/${id}/fhirMapping`)).toBe(FHIR_MAPPING);
    const secret = world.registry.stored<AccountSpecificStreamAnalyticsJob>(streamAnalyticsJobSecretId(id));
    expect(secret).toMatchObject({
      type: DocumentType.AccountSpecificStreamAnalyticsJob,
      parentId: id,
      name: 'fhirsrv\\conn1\\streamAnalyticsJob',
      isUsingPrimaryKey: true,
      secretRotationCount: 0,
      secretLastRotated: world.clock.now().toISOString(),
    });
  });

  it('repeats nothing when run again: same deployment, same counters, same secret metadata', async () => {
    const { world, run } = setUp();
    await run();
    const secretBefore = world.registry.stored(streamAnalyticsJobSecretId(world.connector.id));
    world.clock.advance(60_000);
    await expect(run()).resolves.toEqual({ deploymentNames: [world.deployer.deployments[0]?.deploymentName] });
    expect(world.deployer.deployments).toHaveLength(1);
    const region = await world.clusters.getByRegion('westus2');
    expect(region?.infrastructureSubscriptions.map((s) => s.resourceGroupCount)).toEqual([1, 4]);
    expect(world.registry.stored(streamAnalyticsJobSecretId(world.connector.id))).toEqual(secretBefore);
  });

  it('reports progress when the deployment starts and when it has finished', async () => {
    const { run, heard } = setUp();
    await run();
    expect(heard).toEqual([
      [20, 0],
      [80, 1],
    ]);
  });

  it('reports only the start of a deployment that fails', async () => {
    const { world, run, heard } = setUp();
    world.deployer.nextFailure = new TransientError('ARM is busy');
    await expect(run()).rejects.toMatchObject({ retryable: true });
    expect(heard).toEqual([[20, 0]]);
  });

  it('resumes after a failed deployment in the placement it already chose', async () => {
    const { world, run } = setUp();
    world.deployer.nextFailure = new TransientError('ARM is busy');
    await expect(run()).rejects.toMatchObject({ retryable: true });
    expect(world.storedConnector().infrastructureSubscriptionId).toBe(INFRA_SUBSCRIPTION_ID);
    await run();
    const region = await world.clusters.getByRegion('westus2');
    expect(region?.appServicePlans[0]?.appCount).toBe(3);
    expect(world.storedConnector().eventHub.infrastructureResourceId).toBeDefined();
  });

  const failures: Array<[string, (s: ReturnType<typeof setUp>) => unknown, string, boolean]> = [
    ['the operation does not exist', (s) => s.world.operations.documents.clear(), 'ResourceNotFound', false],
    [
      'the operation already ended',
      (s) => s.world.operations.seed({ ...s.operation, provisioningStatus: OperationStatus.Canceled, timeEnded: '2026-01-02T03:05:00.000Z' }),
      'Conflict',
      false,
    ],
    ['the operation is of another kind', (s) => s.world.operations.seed({ ...mappingOperation(s.world.connector, 'deviceMapping', DEVICE_MAPPING), id: s.operation.id }), 'InvalidRequestContent', false],
    ['the connector was deleted', (s) => s.world.registry.documents.delete(s.world.connector.id), 'ResourceNotFound', false],
    ['the region has no metadata', (s) => s.world.clusters.regions.clear(), 'LocationNotAvailableForResourceType', false],
    [
      'the region has no room',
      (s) => s.world.clusters.regions.set('westus2', { ...sampleRegion(), appServicePlans: sampleRegion().appServicePlans.map((p) => ({ ...p, appCount: p.maxApps })) }),
      'RegionCapacityExhausted',
      false,
    ],
    ['ARM is unavailable', (s) => (s.world.deployer.nextFailure = new TransientError('busy')), 'ServiceUnavailable', true],
    ['the deployment fails', (s) => (s.world.deployer.nextFailure = new ValidationError('bad', { code: 'DeploymentFailed' })), 'DeploymentFailed', false],
    ['blob storage is unavailable', (s) => (s.world.mappings.nextFailure = new TransientError('503')), 'ServiceUnavailable', true],
    [
      'the deployment says nothing of its resources',
      (s) => (s.world.deployer.outputsFor = () => ({})),
      'InternalServerError',
      false,
    ],
    ['an unexpected error happens', (s) => (s.world.deployer.nextFailure = new TypeError('x is undefined')), 'InternalServerError', true],
  ];

  it.each(failures.map(([why, arrange, code, retryable]) => ({ why, arrange, code, retryable })))(
    'replies $code (retryable $retryable) when $why',
    async ({ arrange, code, retryable }) => {
    const setup = setUp();
    arrange(setup);
    const error = await setup.run().catch((e: unknown) => e);
    expect(replyErrorFrom(error)).toMatchObject({ code, retryable });
    },
  );

  it('refuses a malformed command without touching anything', async () => {
    const { world, run } = setUp();
    const error = await run({ operationId: 'op', subscriptionId: 'nope', attempt: 0 }).catch((e: unknown) => e);
    expect(replyErrorFrom(error)).toMatchObject({ code: 'InvalidMessage', retryable: false });
    expect(world.deployer.deployments).toHaveLength(0);
  });

  it('refuses a full region with a precise message', async () => {
    const { world, run } = setUp();
    const region = await world.clusters.getByRegion('westus2');
    await world.clusters.upsert({ ...region!, appServicePlans: region!.appServicePlans.map((p) => ({ ...p, appCount: p.maxApps })) });
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegionCapacityExhaustedError);
    expect(replyErrorFrom(error)).toMatchObject({
      code: 'RegionCapacityExhausted',
      message: "Region 'westus2' has no capacity left for a new IoMT connector.",
      target: 'location',
      details: [{ code: 'AppServicePlanFull', message: `Plan ${PLAN_ID} hosts 10 of 10 apps.`, target: PLAN_ID }],
      retryable: false,
    });
    expect(world.deployer.deployments).toEqual([]);
  });
});
