import { replyErrorFrom, Subject } from '@iomt/contracts';
import { OperationType, TransientError } from '@iomt/domain';
import { IomtWorld } from '../testing/iomt-world';
import { commandFor, connectionOperation, FULL_INFRA_SUBSCRIPTION_ID, RESOURCE_IDS } from '../testing/samples';
import { DeleteConnectionUseCase } from './delete-connection.use-case';
import { runCommand } from '@iomt/service-kit';

function setUp() {
  const world = new IomtWorld();
  world.provisionConnector(['Device1', 'other']);
  const operation = connectionOperation(world.connector, OperationType.DeleteConnection, 'device1');
  world.operations.seed(operation);
  const useCase = new DeleteConnectionUseCase(world.operations, world.registry, world.policies);
  const run = () => runCommand(Subject.DeleteIomtConnection, commandFor(operation, RESOURCE_IDS.connection), (c) => useCase.execute(c));
  return { world, run };
}

describe('DeleteConnectionUseCase', () => {
  it('deletes the policy from the device hub and drops its name, ignoring case', async () => {
    const { world, run } = setUp();
    await expect(run()).resolves.toEqual({});
    expect(world.policies.calls).toEqual([
      {
        action: 'delete',
        target: expect.objectContaining({ subscriptionId: FULL_INFRA_SUBSCRIPTION_ID, eventHubName: 'deviceinput', ruleName: 'device1' }),
      },
    ]);
    expect(world.storedConnector().eventHub.deviceWritePolicyNames).toEqual(['other']);
  });

  it('writes the connector once when run again', async () => {
    const { world, run } = setUp();
    await run();
    const writes = world.registry.writes;
    await run();
    expect(world.registry.writes).toBe(writes);
  });

  it('replies a retryable error and keeps the name when ARM cannot delete now', async () => {
    const { world, run } = setUp();
    world.policies.nextFailure = new TransientError('busy');
    expect(replyErrorFrom(await run().catch((e: unknown) => e))).toMatchObject({ code: 'ServiceUnavailable', retryable: true });
    expect(world.storedConnector().eventHub.deviceWritePolicyNames).toEqual(['Device1', 'other']);
  });
});
