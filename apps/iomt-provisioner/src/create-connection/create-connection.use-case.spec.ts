import { replyErrorFrom, Subject } from '@iomt/contracts';
import { OperationType, TransientError } from '@iomt/domain';
import { withDeployedResources } from '../shared/connector-infrastructure';
import { runCommand } from '../shared/run-command';
import { FAKE_TEMPLATES, IomtWorld } from '../testing/iomt-world';
import { commandFor, connectionOperation, INFRA_SUBSCRIPTION_ID, PLAN_ID, RESOURCE_IDS } from '../testing/samples';
import { CreateConnectionUseCase } from './create-connection.use-case';

const PLACEMENT = {
  infrastructureSubscriptionId: INFRA_SUBSCRIPTION_ID,
  infrastructureResourceGroupName: 'rg-iomt-fhirsrv-conn1-abc',
  infrastructureLocation: 'westus2',
  appServicePlanId: PLAN_ID,
};

function setUp(options: { provisioned?: boolean; existing?: string[] } = {}) {
  const world = new IomtWorld();
  if (options.provisioned ?? true) {
    const placed = withDeployedResources(world.connector, PLACEMENT, undefined);
    const existing = options.existing ?? [];
    world.connector = world.registry.seed({ ...placed, eventHub: { ...placed.eventHub, deviceWritePolicyNames: existing } });
  }
  const operation = connectionOperation(world.connector, OperationType.CreateConnection, 'device1');
  world.operations.seed(operation);
  const useCase = new CreateConnectionUseCase(world.operations, world.registry, world.deployer, FAKE_TEMPLATES);
  const run = () => runCommand(Subject.CreateIomtConnection, commandFor(operation, RESOURCE_IDS.connection), (c) => useCase.execute(c));
  return { world, operation, run };
}

describe('CreateConnectionUseCase', () => {
  it('deploys a write-only policy on the device hub and lists it on the connector', async () => {
    const { world, operation, run } = setUp({ existing: ['other'] });
    await expect(run()).resolves.toEqual({ authorizationRuleName: 'device1' });
    expect(world.deployer.deployments).toEqual([
      expect.objectContaining({
        subscriptionId: INFRA_SUBSCRIPTION_ID,
        resourceGroupName: 'rg-iomt-fhirsrv-conn1-abc',
        deploymentName: `connection-${operation.id}`,
        template: FAKE_TEMPLATES.deviceWritePolicy,
        parameters: { namespaceName: world.connector.eventHub.infrastructureResourceName, eventHubName: 'deviceinput', policyName: 'device1' },
      }),
    ]);
    expect(world.storedConnector().eventHub.deviceWritePolicyNames).toEqual(['other', 'device1']);
  });

  it('deploys once and lists the name once when run again', async () => {
    const { world, run } = setUp();
    await run();
    await run();
    expect(world.deployer.deployments).toHaveLength(1);
    expect(world.storedConnector().eventHub.deviceWritePolicyNames).toEqual(['device1']);
  });

  it.each([
    { why: 'the connector is not provisioned', provisioned: false, code: 'Conflict', retryable: false },
    { why: 'the hub has 12 connections', provisioned: true, existing: Array.from({ length: 12 }, (_, i) => `c${i}`), code: 'Conflict', retryable: false },
    { why: 'ARM is unavailable', provisioned: true, failure: true, code: 'ServiceUnavailable', retryable: true },
  ])('replies $code (retryable $retryable) when $why', async ({ provisioned, existing, failure, code, retryable }) => {
    const { world, run } = setUp({ provisioned, existing });
    if (failure) world.deployer.nextFailure = new TransientError('busy');
    expect(replyErrorFrom(await run().catch((e: unknown) => e))).toMatchObject({ code, retryable });
    expect(world.storedConnector().eventHub.deviceWritePolicyNames).not.toContain('device1');
  });
});
