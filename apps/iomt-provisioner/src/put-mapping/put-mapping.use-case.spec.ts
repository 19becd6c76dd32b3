import { replyErrorFrom, Subject } from '@iomt/contracts';
import { OperationType, TransientError } from '@iomt/domain';
import { IomtWorld } from '../testing/iomt-world';
import { commandFor, connectorOperation, DEVICE_MAPPING, FHIR_MAPPING, mappingOperation, RESOURCE_IDS } from '../testing/samples';
import { PutMappingUseCase } from './put-mapping.use-case';
import { runCommand } from '@iomt/service-kit';

const NEW_FHIR_MAPPING = FHIR_MAPPING.replace('count/min', 'beats/min');

function setUp(content = NEW_FHIR_MAPPING, mappingType = 'fhirMapping') {
  const world = new IomtWorld();
  const operation = mappingOperation(world.connector, mappingType, content);
  world.operations.seed(operation);
  const useCase = new PutMappingUseCase(world.operations, world.registry, world.mappings);
  const run = () => runCommand(Subject.PutIomtMapping, commandFor(operation, RESOURCE_IDS.fhirMapping), (c) => useCase.execute(c));
  return { world, operation, run };
}

const blobKey = (world: IomtWorld, type: string) => `${world.connector.subscriptionId}/${world.connector.id}/${type}`;

describe('PutMappingUseCase', () => {
  it('stores the mapping in blob storage and on the connector', async () => {
    const { world, run } = setUp();
    await expect(run()).resolves.toEqual({ mappingName: 'fhirMapping' });
    expect(world.mappings.blobs.get(blobKey(world, 'fhirMapping'))).toBe(NEW_FHIR_MAPPING);
    expect(world.storedConnector().iomtProperties).toMatchObject({ fhirMapping: NEW_FHIR_MAPPING, deviceMapping: DEVICE_MAPPING });
  });

  it('writes the connector only once when run again', async () => {
    const { world, run } = setUp();
    await run();
    const writes = world.registry.writes;
    await run();
    expect(world.registry.writes).toBe(writes);
    expect(world.mappings.blobs.get(blobKey(world, 'fhirMapping'))).toBe(NEW_FHIR_MAPPING);
  });

  it('refuses a mapping that does not validate, storing nothing', async () => {
    const { world, run } = setUp('{"templateType":"CollectionContent","template":[{"templateType":"Nope"}]}', 'deviceMapping');
    const error = await run().catch((e: unknown) => e);
    expect(replyErrorFrom(error)).toMatchObject({ code: 'InvalidRequestContent', retryable: false, target: 'mappingContent' });
    expect(world.mappings.blobs.size).toBe(0);
    expect(world.storedConnector().iomtProperties.deviceMapping).toBe(DEVICE_MAPPING);
  });

  it.each([
    { why: 'the operation is a connector operation', code: 'InvalidRequestContent', retryable: false },
    { why: 'blob storage is unavailable', code: 'ServiceUnavailable', retryable: true },
  ])('replies $code (retryable $retryable) when $why', async ({ why, code, retryable }) => {
    const { world, operation, run } = setUp();
    if (why.startsWith('the operation')) {
      world.operations.seed({ ...connectorOperation(world.connector, OperationType.Provision), id: operation.id });
    } else {
      world.mappings.nextFailure = new TransientError('503');
    }
    expect(replyErrorFrom(await run().catch((e: unknown) => e))).toMatchObject({ code, retryable });
    expect(world.storedConnector().iomtProperties.fhirMapping).toBe(FHIR_MAPPING);
  });
});
