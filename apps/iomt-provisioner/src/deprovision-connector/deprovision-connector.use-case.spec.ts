import { replyErrorFrom, Subject } from '@iomt/contracts';
import {
  createStreamAnalyticsJobSecretMetadata,
  IomtConnector,
  OperationType,
  ResourceState,
  streamAnalyticsJobSecretId,
  TransientError,
} from '@iomt/domain';
import { IomtWorld } from '../testing/iomt-world';
import { commandFor, connectorOperation, FULL_INFRA_SUBSCRIPTION_ID, NOW, RESOURCE_IDS, sampleRegion } from '../testing/samples';
import { DeprovisionConnectorUseCase } from './deprovision-connector.use-case';
import { runCommand } from '@iomt/service-kit';

/** The plan `IomtWorld.provisionConnector` places the connector on. */
const WORLD_PLAN = 'plan';

/** westus2 counting the world's connector: 2 apps on its plan, 3 groups in its subscription. */
async function seedRegionCounting(world: IomtWorld): Promise<void> {
  const region = sampleRegion();
  await world.clusters.upsert({
    ...region,
    infrastructureSubscriptions: region.infrastructureSubscriptions.map((s) =>
      s.subscriptionId === FULL_INFRA_SUBSCRIPTION_ID ? { ...s, maxResourceGroups: 5, resourceGroupCount: 3 } : s,
    ),
    appServicePlans: [
      ...region.appServicePlans,
      { resourceId: WORLD_PLAN, infrastructureSubscriptionId: FULL_INFRA_SUBSCRIPTION_ID, resourceGroupName: 'rg-plans', maxApps: 10, appCount: 2 },
    ],
  });
}

async function counts(world: IomtWorld) {
  const region = await world.clusters.getByRegion('westus2');
  return {
    apps: region?.appServicePlans.find((p) => p.resourceId === WORLD_PLAN)?.appCount,
    groups: region?.infrastructureSubscriptions.find((s) => s.subscriptionId === FULL_INFRA_SUBSCRIPTION_ID)?.resourceGroupCount,
  };
}

function setUp(provisioned = true) {
  const world = new IomtWorld();
  void seedRegionCounting(world);
  if (provisioned) {
    world.provisionConnector();
    world.registry.seed(createStreamAnalyticsJobSecretMetadata(world.connector, NOW));
    world.mappings.blobs.set(`${world.connector.subscriptionId}/${world.connector.id}/deviceMapping`, '{}');
  }
  const operation = connectorOperation(world.connector, OperationType.Deprovision);
  world.operations.seed(operation);
  const useCase = new DeprovisionConnectorUseCase(world.operations, world.registry, world.deployer, world.mappings, world.clusters);
  const run = () =>
    runCommand(Subject.DeprovisionIomtConnector, commandFor(operation, RESOURCE_IDS.connector), (c) => useCase.execute(c));
  return { world, run };
}

describe('DeprovisionConnectorUseCase', () => {
  it('deletes the resource group and mappings, marks the connector Deprovisioned and soft-deletes it with its secret', async () => {
    const { world, run } = setUp();
    await expect(run()).resolves.toEqual({});
    expect(world.deployer.deletedGroups).toEqual([`${FULL_INFRA_SUBSCRIPTION_ID}/rg-iomt-fhirsrv-conn1`]);
    expect(world.mappings.blobs.size).toBe(0);
    expect(world.storedConnector()).toMatchObject({ state: ResourceState.Deprovisioned, deleted: true });
    expect(world.registry.stored(streamAnalyticsJobSecretId(world.connector.id))).toMatchObject({ deleted: true });
  });

  it('does nothing more when run again after it finished', async () => {
    const { world, run } = setUp();
    await run();
    const writes = world.registry.writes;
    await expect(run()).resolves.toEqual({});
    expect(world.deployer.deletedGroups).toHaveLength(1);
    expect(world.registry.writes).toBe(writes);
  });

  it('finishes the job when an earlier attempt died after deleting the group', async () => {
    const { world, run } = setUp();
    world.registry.nextUpsertFailure = new TransientError('Cosmos is busy');
    await expect(run()).rejects.toMatchObject({ retryable: true });
    expect(world.storedConnector().deleted).toBeUndefined();
    await run();
    expect(world.storedConnector()).toMatchObject({ state: ResourceState.Deprovisioned, deleted: true });
  });

  it('deletes no group for a connector that was never placed', async () => {
    const { world, run } = setUp(false);
    await run();
    expect(world.deployer.deletedGroups).toEqual([]);
    expect(world.registry.stored<IomtConnector>(world.connector.id)).toMatchObject({ deleted: true });
  });

  it('gives the connector\'s app and resource group slots back to its region', async () => {
    const { world, run } = setUp();
    await run();
    expect(await counts(world)).toEqual({ apps: 1, groups: 2 });
  });

  it('gives the slots back once when run again after it finished', async () => {
    const { world, run } = setUp();
    await run();
    await run();
    expect(await counts(world)).toEqual({ apps: 1, groups: 2 });
  });

  it('gives the slots back once when an earlier attempt died before marking the connector Deprovisioned', async () => {
    const { world, run } = setUp();
    world.registry.nextUpsertFailure = new TransientError('Cosmos is busy');
    await expect(run()).rejects.toMatchObject({ retryable: true });
    expect(await counts(world)).toEqual({ apps: 2, groups: 3 });
    await run();
    expect(await counts(world)).toEqual({ apps: 1, groups: 2 });
  });

  it('gives nothing back for a connector that was never placed', async () => {
    const { world, run } = setUp(false);
    await run();
    expect(await counts(world)).toEqual({ apps: 2, groups: 3 });
  });

  it('still deletes a connector whose plan its region no longer lists, releasing nothing', async () => {
    const { world, run } = setUp();
    await world.clusters.upsert(sampleRegion());
    await expect(run()).resolves.toEqual({});
    expect(world.storedConnector()).toMatchObject({ state: ResourceState.Deprovisioned, deleted: true });
    expect(await world.clusters.getByRegion('westus2')).toMatchObject({ appServicePlans: sampleRegion().appServicePlans });
  });

  it('replies a retryable error when ARM cannot delete the group now, and keeps the connector', async () => {
    const { world, run } = setUp();
    world.deployer.nextFailure = new TransientError('429');
    const error = await run().catch((e: unknown) => e);
    expect(replyErrorFrom(error)).toMatchObject({ code: 'ServiceUnavailable', retryable: true });
    expect(world.storedConnector().deleted).toBeUndefined();
  });
});
