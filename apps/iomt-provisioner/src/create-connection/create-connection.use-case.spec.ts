import { replyErrorFrom, Subject } from '@iomt/contracts';
import { OperationType, TransientError } from '@iomt/domain';
import { IomtWorld } from '../testing/iomt-world';
import { commandFor, connectionOperation, FULL_INFRA_SUBSCRIPTION_ID, RESOURCE_IDS } from '../testing/samples';
import { CreateConnectionUseCase } from './create-connection.use-case';
import { runCommand } from '@iomt/service-kit';

function setUp(options: { provisioned?: boolean; existing?: string[] } = {}) {
  const world = new IomtWorld();
  if (options.provisioned ?? true) world.provisionConnector(options.existing);
  const operation = connectionOperation(world.connector, OperationType.CreateConnection, 'device1');
  world.operations.seed(operation);
  const useCase = new CreateConnectionUseCase(world.operations, world.registry, world.policies);
  const run = () => runCommand(Subject.CreateIomtConnection, commandFor(operation, RESOURCE_IDS.connection), (c) => useCase.execute(c));
  return { world, run };
}

describe('CreateConnectionUseCase', () => {
  it('puts a Send-only policy on the device hub and lists it on the connector', async () => {
    const { world, run } = setUp({ existing: ['other'] });
    await expect(run()).resolves.toEqual({ authorizationRuleName: 'device1' });
    expect(world.policies.calls).toEqual([
      {
        action: 'put',
        target: {
          kind: 'eventHubAuthorizationRule',
          subscriptionId: FULL_INFRA_SUBSCRIPTION_ID,
          resourceGroupName: 'rg-iomt-fhirsrv-conn1',
          namespaceName: world.connector.eventHub.infrastructureResourceName,
          eventHubName: 'deviceinput',
          ruleName: 'device1',
        },
      },
    ]);
    expect([...world.policies.policies.values()]).toEqual([['Send']]);
    expect(world.storedConnector().eventHub.deviceWritePolicyNames).toEqual(['other', 'device1']);
  });

  it('lists the name once and writes the connector once when run again', async () => {
    const { world, run } = setUp();
    await run();
    const writes = world.registry.writes;
    await run();
    expect(world.registry.writes).toBe(writes);
    expect(world.policies.policies.size).toBe(1);
    expect(world.storedConnector().eventHub.deviceWritePolicyNames).toEqual(['device1']);
  });

  it.each([
    { why: 'the connector is not provisioned', provisioned: false, code: 'Conflict', retryable: false },
    { why: 'the hub has 12 connections', existing: Array.from({ length: 12 }, (_, i) => `c${i}`), code: 'Conflict', retryable: false },
    { why: 'ARM is unavailable', failure: true, code: 'ServiceUnavailable', retryable: true },
  ])('replies $code (retryable $retryable) when $why', async ({ provisioned, existing, failure, code, retryable }) => {
    const { world, run } = setUp({ provisioned, existing });
    if (failure) world.policies.nextFailure = new TransientError('busy');
    expect(replyErrorFrom(await run().catch((e: unknown) => e))).toMatchObject({ code, retryable });
    expect(world.storedConnector().eventHub.deviceWritePolicyNames).not.toContain('device1');
    expect(world.policies.policies.size).toBe(0);
  });
});
