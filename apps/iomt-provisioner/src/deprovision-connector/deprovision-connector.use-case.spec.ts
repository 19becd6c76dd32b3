import { replyErrorFrom, Subject } from '@iomt/contracts';
import {
  createStreamAnalyticsJobSecretMetadata,
  IomtConnector,
  OperationType,
  ResourceState,
  streamAnalyticsJobSecretId,
  TransientError,
} from '@iomt/domain';
import { runCommand } from '../shared/run-command';
import { IomtWorld } from '../testing/iomt-world';
import { commandFor, connectorOperation, FULL_INFRA_SUBSCRIPTION_ID, NOW, RESOURCE_IDS } from '../testing/samples';
import { DeprovisionConnectorUseCase } from './deprovision-connector.use-case';

function setUp(provisioned = true) {
  const world = new IomtWorld();
  if (provisioned) {
    world.provisionConnector();
    world.registry.seed(createStreamAnalyticsJobSecretMetadata(world.connector, NOW));
    world.mappings.blobs.set(`${world.connector.subscriptionId}/${world.connector.id}/deviceMapping`, '{}');
  }
  const operation = connectorOperation(world.connector, OperationType.Deprovision);
  world.operations.seed(operation);
  const useCase = new DeprovisionConnectorUseCase(world.operations, world.registry, world.deployer, world.mappings);
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

  it('replies a retryable error when ARM cannot delete the group now, and keeps the connector', async () => {
    const { world, run } = setUp();
    world.deployer.nextFailure = new TransientError('429');
    const error = await run().catch((e: unknown) => e);
    expect(replyErrorFrom(error)).toMatchObject({ code: 'ServiceUnavailable', retryable: true });
    expect(world.storedConnector().deleted).toBeUndefined();
  });
});
