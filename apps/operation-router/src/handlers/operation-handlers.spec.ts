import { Subject } from '@iomt/contracts';
import { OperationNotFoundError, OperationType, ResourceNotFoundError, ResourceTypeName, type OperationDocument } from '@iomt/domain';
import { InMemoryAccountRegistry } from '../testing/in-memory-account-registry';
import { CONNECTOR_ID, operationsOn, sampleResources, SERVICE_ID, SUBSCRIPTION } from '../testing/samples';
import { ConnectionHandler } from './connection.handler';
import { FhirServiceHandler } from './fhir-service.handler';
import { IomtConnectorHandler } from './iomt-connector.handler';
import { KeyRotationHandler } from './key-rotation.handler';
import { MappingHandler } from './mapping.handler';
import { chooseCommand, handlerChain } from './operation-handlers';
import { OperationTargetResolver } from './operation-target.resolver';

const resources = sampleResources();
const ops = operationsOn(resources);

function chainWith(registry: InMemoryAccountRegistry) {
  const targets = new OperationTargetResolver(registry.asPort());
  return handlerChain([
    new FhirServiceHandler(targets),
    new IomtConnectorHandler(targets),
    new MappingHandler(targets),
    new ConnectionHandler(targets),
    new KeyRotationHandler(targets),
  ]);
}

describe('the handler chain', () => {
  const registry = new InMemoryAccountRegistry();
  registry.seed(resources.account);
  registry.seed(resources.connector);
  const chain = chainWith(registry);

  it.each<[string, string, string, () => OperationDocument]>([
    ['FHIR Provision', Subject.ProvisionFhirService, SERVICE_ID, () => ops.fhir(OperationType.Provision)],
    ['FHIR Patch', Subject.PatchFhirService, SERVICE_ID, () => ops.fhir(OperationType.Patch)],
    ['FHIR Deprovision', Subject.DeprovisionFhirService, SERVICE_ID, () => ops.fhir(OperationType.Deprovision)],
    ['connector Provision', Subject.ProvisionIomtConnector, CONNECTOR_ID, () => ops.connector(OperationType.Provision)],
    ['connector Patch (re-provision)', Subject.ProvisionIomtConnector, CONNECTOR_ID, () => ops.connector(OperationType.Patch)],
    ['connector Deprovision', Subject.DeprovisionIomtConnector, CONNECTOR_ID, () => ops.connector(OperationType.Deprovision)],
    ['connector RotateKeys', Subject.RotateConnectorKeys, CONNECTOR_ID, () => ops.connector(OperationType.RotateKeys)],
    ['UpdateMapping', Subject.PutIomtMapping, `${CONNECTOR_ID}/mappings/deviceMapping`, () => ops.mapping()],
    ['CreateConnection', Subject.CreateIomtConnection, `${CONNECTOR_ID}/connections/writer`, () => ops.connection(OperationType.CreateConnection)],
    ['DeleteConnection', Subject.DeleteIomtConnection, `${CONNECTOR_ID}/connections/writer`, () => ops.connection(OperationType.DeleteConnection)],
  ])('routes %s to %s about %s', async (_label, subject, resourceId, build) => {
    const operation = build();
    await expect(chooseCommand(chain, operation)).resolves.toEqual({
      kind: subject,
      subject,
      operationId: operation.id,
      subscriptionId: SUBSCRIPTION,
      resourceId,
    });
  });

  it('ends with OperationNotFound when no handler takes the operation', async () => {
    // A FHIR service cannot rotate keys: the schema forbids it, so forge the document.
    const forged = { ...ops.fhir(OperationType.Provision), provisioningOperation: OperationType.RotateKeys } as OperationDocument;
    const error = await chooseCommand(chain, forged).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationNotFoundError);
    expect(error).toMatchObject({ retryable: false, message: expect.stringContaining('RotateKeys on services') });
  });

  it.each<[string, () => OperationDocument, string]>([
    ['FHIR service', () => ops.fhir(OperationType.Provision), 'accountId'],
    ['connector', () => ops.connector(OperationType.Provision), 'iomtConnectorId'],
    ['connector of a mapping', () => ops.mapping(), 'iomtConnectorId'],
  ])('fails for good when the %s no longer exists', async (_label, build, target) => {
    const empty = chainWith(new InMemoryAccountRegistry());
    const error = await chooseCommand(empty, build()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundError);
    expect(error).toMatchObject({ target, retryable: false });
  });

  it.each<[string, () => OperationDocument, string]>([
    ['FHIR service', () => ops.fhir(OperationType.Provision), SERVICE_ID],
    ['connector', () => ops.connector(OperationType.Provision), CONNECTOR_ID],
    ['connector of a mapping', () => ops.mapping(), `${CONNECTOR_ID}/mappings/deviceMapping`],
  ])('names the %s from the resource the caller read, without reading it again', async (_label, build, resourceId) => {
    const operation = build();
    const known = operation.resourceTypeName === ResourceTypeName.FhirService ? resources.account : resources.connector;
    // An empty registry: any read would find nothing and fail the choice.
    const empty = chainWith(new InMemoryAccountRegistry());
    await expect(chooseCommand(empty, operation, { resource: known })).resolves.toMatchObject({ resourceId });
  });

  it('reads the resource when the one the caller read is another', async () => {
    const operation = ops.connector(OperationType.Provision);
    const other = { ...resources.connector, id: 'another-connector' };
    await expect(chooseCommand(chain, operation, { resource: other })).resolves.toMatchObject({ resourceId: CONNECTOR_ID });
    const empty = chainWith(new InMemoryAccountRegistry());
    await expect(chooseCommand(empty, operation, { resource: other })).rejects.toBeInstanceOf(ResourceNotFoundError);
  });
});
