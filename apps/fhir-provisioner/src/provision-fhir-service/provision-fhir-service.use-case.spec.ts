import { replyErrorFrom, Subject } from '@iomt/contracts';
import { OperationStatus, OperationType, TransientError, ValidationError } from '@iomt/domain';
import { fakeFhirPlanner, FhirWorld, INFRA_SUBSCRIPTION_ID, PLAN_ID, SERVICE_ID, SUBSCRIPTION_ID } from '../testing/fhir-world';
import { ProvisionFhirServiceUseCase } from './provision-fhir-service.use-case';
import { runCommand } from '@iomt/service-kit';

function setUp() {
  const world = new FhirWorld();
  const operation = world.operation(OperationType.Provision);
  const useCase = new ProvisionFhirServiceUseCase(world.operations, world.registry, world.clusters, world.deployer, fakeFhirPlanner);
  const run = (body: unknown = world.command(operation)) => runCommand(Subject.ProvisionFhirService, body, (c) => useCase.execute(c));
  return { world, operation, run };
}

describe('ProvisionFhirServiceUseCase', () => {
  it("deploys the FHIR template with the operation's settings into the region's first enabled subscription", async () => {
    const { world, operation, run } = setUp();
    await expect(run()).resolves.toEqual({ deploymentNames: [`fhir-service-${operation.id}`] });
    expect(world.deployer.deployments).toEqual([
      expect.objectContaining({
        subscriptionId: INFRA_SUBSCRIPTION_ID,
        resourceGroupName: 'rg-fhir-fhirsrv',
        location: 'West US 2',
        deploymentName: `fhir-service-${operation.id}`,
        parameters: expect.objectContaining({ serviceName: 'fhirsrv', offerThroughput: 1000, appServicePlanId: PLAN_ID }),
      }),
    ]);
  });

  it('reports progress when the deployment starts and when it has finished', async () => {
    const { world, operation } = setUp();
    const useCase = new ProvisionFhirServiceUseCase(world.operations, world.registry, world.clusters, world.deployer, fakeFhirPlanner);
    const heard: [number, number][] = [];
    const progress = async (percent: number) => void heard.push([percent, world.deployer.deployments.length]);
    await useCase.execute(world.command(operation), progress);
    expect(heard).toEqual([
      [20, 0],
      [90, 1],
    ]);
  });

  it('reports only the start of a deployment that fails', async () => {
    const { world, operation } = setUp();
    const useCase = new ProvisionFhirServiceUseCase(world.operations, world.registry, world.clusters, world.deployer, fakeFhirPlanner);
    world.deployer.nextFailure = new ValidationError('bad', { code: 'DeploymentFailed' });
    const heard: number[] = [];
    await expect(useCase.execute(world.command(operation), async (percent) => void heard.push(percent))).rejects.toThrow('bad');
    expect(heard).toEqual([20]);
  });

  it('deploys nothing new when run again', async () => {
    const { world, run } = setUp();
    await run();
    await run();
    expect(world.deployer.deployments).toHaveLength(1);
  });

  it.each([
    { why: 'the operation does not exist', code: 'ResourceNotFound', retryable: false },
    { why: 'the operation was canceled', code: 'Conflict', retryable: false },
    { why: 'the operation is a deprovisioning', code: 'InvalidRequestContent', retryable: false },
    { why: 'the service was created again under its name', code: 'ResourceNotFound', retryable: false },
    { why: 'the region has no metadata', code: 'RegionInfrastructureMissing', retryable: false },
    { why: 'ARM is unavailable', code: 'ServiceUnavailable', retryable: true },
    { why: 'the deployment fails', code: 'DeploymentFailed', retryable: false },
  ])('replies $code (retryable $retryable) when $why', async ({ why, code, retryable }) => {
    const { world, operation, run } = setUp();
    const arrange: Record<string, () => unknown> = {
      'the operation does not exist': () => world.operations.documents.clear(),
      'the operation was canceled': () =>
        world.operations.seed({ ...operation, provisioningStatus: OperationStatus.Canceled, timeEnded: '2026-01-02T03:05:00.000Z' }),
      'the operation is a deprovisioning': () => world.operations.seed({ ...operation, provisioningOperation: OperationType.Deprovision }),
      'the service was created again under its name': () => world.operations.seed({ ...operation, accountId: 'anotherincarnation00000000' }),
      'the region has no metadata': () => world.clusters.regions.clear(),
      'ARM is unavailable': () => (world.deployer.nextFailure = new TransientError('busy')),
      'the deployment fails': () => (world.deployer.nextFailure = new ValidationError('bad', { code: 'DeploymentFailed' })),
    };
    arrange[why]?.();
    expect(replyErrorFrom(await run().catch((e: unknown) => e))).toMatchObject({ code, retryable });
  });

  it('refuses a command about another kind of resource', async () => {
    const { world, run } = setUp();
    const body = { ...world.command(world.operation(OperationType.Provision)), resourceId: `${SERVICE_ID}/iomtconnectors/conn1` };
    expect(replyErrorFrom(await run(body).catch((e: unknown) => e))).toMatchObject({ code: 'InvalidMessage', retryable: false });
    expect(world.deployer.deployments).toHaveLength(0);
    expect(body.subscriptionId).toBe(SUBSCRIPTION_ID);
  });
});
