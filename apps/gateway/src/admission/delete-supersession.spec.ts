import { OperationDocument, OperationStatus, OperationType, ResourceTypeName } from '@iomt/domain';
import { hasQueuedWriteSupersededByDelete, isSupersededByDelete } from './delete-supersession';

const operation = (
  provisioningOperation: OperationType,
  provisioningStatus: OperationStatus,
  resourceTypeName: ResourceTypeName = ResourceTypeName.FhirService,
  connector?: string,
) => ({ id: 'op', accountId: 'a1', iomtConnectorId: connector, provisioningOperation, provisioningStatus, resourceTypeName, mappingType: 'fhirmapping' }) as unknown as OperationDocument;

describe('what a DELETE supersedes', () => {
  it.each<[string, OperationDocument, boolean]>([
    ['a queued service create', operation(OperationType.Provision, OperationStatus.Requested), true],
    ['a queued service update', operation(OperationType.Patch, OperationStatus.Requested), true],
    ['a queued connector create', operation(OperationType.Provision, OperationStatus.Requested, ResourceTypeName.IomtConnector, 'c1'), true],
    ['a running create', operation(OperationType.Provision, OperationStatus.Running), false],
    ['a running update', operation(OperationType.Patch, OperationStatus.Running), false],
    ['a queued delete', operation(OperationType.Deprovision, OperationStatus.Requested), false],
    ['a queued key rotation', operation(OperationType.RotateKeys, OperationStatus.Requested, ResourceTypeName.IomtConnector, 'c1'), false],
    ['a queued mapping update', operation(OperationType.UpdateMapping, OperationStatus.Requested, ResourceTypeName.IomtConnectorMapping, 'c1'), false],
    ['a queued connection create', operation(OperationType.CreateConnection, OperationStatus.Requested, ResourceTypeName.IomtConnectorConnection, 'c1'), false],
  ])('%s: %s', (_case, pending, superseded) => {
    expect(isSupersededByDelete(pending)).toBe(superseded);
  });

  it('tells whether the target itself (not its parent or child) has a queued create or update', () => {
    const connectorCreate = operation(OperationType.Provision, OperationStatus.Requested, ResourceTypeName.IomtConnector, 'c1');
    expect(hasQueuedWriteSupersededByDelete([connectorCreate], { accountId: 'a1', connectorId: 'c1' })).toBe(true);
    expect(hasQueuedWriteSupersededByDelete([connectorCreate], { accountId: 'a1' })).toBe(false);
    expect(hasQueuedWriteSupersededByDelete([operation(OperationType.Provision, OperationStatus.Running)], { accountId: 'a1' })).toBe(false);
    expect(hasQueuedWriteSupersededByDelete([], { accountId: 'a1' })).toBe(false);
  });
});
