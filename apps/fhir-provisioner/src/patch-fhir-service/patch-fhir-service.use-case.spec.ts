import { replyErrorFrom, Subject } from '@iomt/contracts';
import { OperationType } from '@iomt/domain';
import { fakeFhirPlanner, FhirWorld, INFRA_SUBSCRIPTION_ID } from '../testing/fhir-world';
import { PatchFhirServiceUseCase } from './patch-fhir-service.use-case';
import { runCommand } from '@iomt/service-kit';

function setUp(type = OperationType.Patch) {
  const world = new FhirWorld();
  const { properties } = world.account;
  world.account = world.registry.seed({
    ...world.account,
    properties: { ...properties, cosmosDbConfiguration: { offerThroughput: 2000 }, corsConfiguration: { ...properties.corsConfiguration, origins: ['https://new.contoso.com'] } },
  });
  const operation = world.operation(type);
  const useCase = new PatchFhirServiceUseCase(world.operations, world.registry, world.clusters, world.deployer, fakeFhirPlanner);
  const run = () => runCommand(Subject.PatchFhirService, world.command(operation), (c) => useCase.execute(c));
  return { world, operation, run };
}

describe('PatchFhirServiceUseCase', () => {
  it("redeploys the template with the service's new settings under the patch operation's deployment name", async () => {
    const { world, operation, run } = setUp();
    await expect(run()).resolves.toEqual({ deploymentNames: [`fhir-service-${operation.id}`] });
    expect(world.deployer.deployments).toEqual([
      expect.objectContaining({
        subscriptionId: INFRA_SUBSCRIPTION_ID,
        resourceGroupName: 'rg-fhir-fhirsrv',
        parameters: expect.objectContaining({ offerThroughput: 2000, corsOrigins: ['https://new.contoso.com'] }),
      }),
    ]);
  });

  it('deploys nothing new when run again', async () => {
    const { world, run } = setUp();
    await run();
    await run();
    expect(world.deployer.deployments).toHaveLength(1);
  });

  it('refuses a provisioning operation', async () => {
    const { world, run } = setUp(OperationType.Provision);
    expect(replyErrorFrom(await run().catch((e: unknown) => e))).toMatchObject({ code: 'InvalidRequestContent', retryable: false });
    expect(world.deployer.deployments).toHaveLength(0);
  });
});
