import { iomtConnectorCodec } from '../resources/iomt-connector';
import { isTerminalStatus, OperationStatus, OperationType } from '../operations/operation-enums';
import { operationCodec } from '../operations/operation-codec';
import { connectorDocument, CONNECTOR_ID, SUBSCRIPTION_ID } from '../test-support/registry-samples';
import { connectorOperationDocument, mappingOperationDocument } from '../test-support/operation-samples';
import { createRotateKeysOperation, isPendingRotationOf } from './rotate-keys-operation';

const NOW = new Date('2020-03-31T00:00:00.000Z');
const connector = () => iomtConnectorCodec.fromDocument(connectorDocument());

describe('createRotateKeysOperation', () => {
  it('creates a Requested RotateKeys operation on the connector, in its subscription', () => {
    const operation = createRotateKeysOperation(connector(), { id: '9d6c7b2a-1e0f-4a3b-8c5d-6e7f8a9b0c1d', now: NOW });
    expect(operation).toMatchObject({
      id: '9d6c7b2a-1e0f-4a3b-8c5d-6e7f8a9b0c1d',
      provisioningOperation: OperationType.RotateKeys,
      provisioningStatus: OperationStatus.Requested,
      resourceTypeName: 'IoMTConnectors',
      iomtConnectorId: CONNECTOR_ID,
      subscriptionId: SUBSCRIPTION_ID,
      timeEnqueued: NOW.toISOString(),
      attemptCount: 0,
    });
  });

  it('gives each operation a new id when none is given', () => {
    const first = createRotateKeysOperation(connector(), { now: NOW });
    const second = createRotateKeysOperation(connector(), { now: NOW });
    expect(first.id).not.toBe(second.id);
  });
});

describe('isPendingRotationOf', () => {
  const rotation = (status: OperationStatus, connectorId = CONNECTOR_ID) =>
    operationCodec.fromDocument({
      ...connectorOperationDocument(),
      provisioningOperation: OperationType.RotateKeys,
      provisioningStatus: status,
      iomtConnectorId: connectorId,
      timeEnded: isTerminalStatus(status) ? '2020-02-18T10:05:00.000Z' : undefined,
      attemptCount: 1,
    });

  it.each([
    ['a Requested rotation of the connector', rotation(OperationStatus.Requested), true],
    ['a Running rotation of the connector', rotation(OperationStatus.Running), true],
    ['a Failed rotation of the connector', rotation(OperationStatus.Failed), false],
    ['a Completed rotation of the connector', rotation(OperationStatus.Completed), false],
    ['a Requested rotation of another connector', rotation(OperationStatus.Requested, 'otherconnector0000000000'), false],
    [
      'a Requested provision of the connector',
      operationCodec.fromDocument({ ...connectorOperationDocument(), provisioningStatus: 0, timeEnded: undefined }),
      false,
    ],
    ['a mapping operation', operationCodec.fromDocument(mappingOperationDocument()), false],
  ])('%s → %s', (_case, operation, pending) => {
    expect(isPendingRotationOf(operation, CONNECTOR_ID)).toBe(pending);
  });
});
