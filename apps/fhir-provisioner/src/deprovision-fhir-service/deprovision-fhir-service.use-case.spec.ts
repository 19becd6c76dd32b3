import { replyErrorFrom, Subject } from '@iomt/contracts';
import { OperationType, ResourceState, streamAnalyticsJobSecretId, TransientError } from '@iomt/domain';
import { DISABLED_INFRA_SUBSCRIPTION_ID, fakeFhirPlanner, FhirWorld, INFRA_SUBSCRIPTION_ID } from '../testing/fhir-world';
import { DeprovisionFhirServiceUseCase } from './deprovision-fhir-service.use-case';
import { runCommand } from '@iomt/service-kit';

function setUp() {
  const world = new FhirWorld();
  const operation = world.operation(OperationType.Deprovision);
  const useCase = new DeprovisionFhirServiceUseCase(
    world.operations,
    world.registry,
    world.clusters,
    world.deployer,
    world.mappings,
    fakeFhirPlanner,
  );
  const run = () => runCommand(Subject.DeprovisionFhirService, world.command(operation), (c) => useCase.execute(c));
  return { world, run };
}

describe('DeprovisionFhirServiceUseCase', () => {
  it("deprovisions the service's connectors first, then deletes its group wherever it may be", async () => {
    const { world, run } = setUp();
    await expect(run()).resolves.toEqual({});
    expect(world.deployer.deletedGroups).toEqual([
      `${INFRA_SUBSCRIPTION_ID}/rg-iomt-fhirsrv-conn1`,
      `${DISABLED_INFRA_SUBSCRIPTION_ID}/rg-fhir-fhirsrv`,
      `${INFRA_SUBSCRIPTION_ID}/rg-fhir-fhirsrv`,
    ]);
    for (const connector of world.connectors) {
      expect(world.registry.stored(connector.id)).toMatchObject({ state: ResourceState.Deprovisioned, deleted: true });
    }
    expect(world.registry.stored(streamAnalyticsJobSecretId(world.connectors[0]!.id))).toMatchObject({ deleted: true });
    expect(world.mappings.blobs.size).toBe(0);
  });

  it('repeats no connector work when run again', async () => {
    const { world, run } = setUp();
    await run();
    const writes = world.registry.writes;
    await run();
    expect(world.registry.writes).toBe(writes);
    expect(world.deployer.deletedGroups.filter((g) => g.includes('rg-iomt'))).toHaveLength(1);
  });

  it('resumes after ARM failed midway: the connector already done is not redone', async () => {
    const { world, run } = setUp();
    const deleteGroup = world.deployer.deleteResourceGroup.bind(world.deployer);
    let calls = 0;
    world.deployer.deleteResourceGroup = async (subscription, group) => {
      calls += 1;
      if (calls === 2) throw new TransientError('busy');
      return deleteGroup(subscription, group);
    };
    expect(replyErrorFrom(await run().catch((e: unknown) => e))).toMatchObject({ code: 'ServiceUnavailable', retryable: true });
    expect(world.registry.stored(world.connectors[0]!.id)).toMatchObject({ deleted: true });
    await run();
    expect(world.deployer.deletedGroups.filter((g) => g.includes('rg-iomt'))).toHaveLength(1);
    expect(world.deployer.deletedGroups.filter((g) => g.includes('rg-fhir'))).toHaveLength(2);
  });
});
