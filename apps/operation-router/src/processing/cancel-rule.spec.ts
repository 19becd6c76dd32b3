import { OperationType, ResourceState, startOperationAttempt, type OperationDocument } from '@iomt/domain';
import { operationsOn, sampleResources } from '../testing/samples';
import { isSupersededCreate, type ResourceSnapshot } from './cancel-rule';

const ops = operationsOn(sampleResources());
const other = operationsOn(sampleResources());
const live: ResourceSnapshot = { exists: true, state: ResourceState.Accepted };

describe('isSupersededCreate', () => {
  it.each<[string, () => OperationDocument, () => OperationDocument[], ResourceSnapshot, boolean]>([
    ['a connector create with a later delete of it', () => ops.connector(OperationType.Provision), () => [ops.connector(OperationType.Deprovision, 1)], live, true],
    ['a connector create whose FHIR service is deleted later', () => ops.connector(OperationType.Provision), () => [ops.fhir(OperationType.Deprovision, 1)], live, true],
    ['a FHIR service create with a later delete of it', () => ops.fhir(OperationType.Provision), () => [ops.fhir(OperationType.Deprovision, 1)], live, true],
    ['a create whose resource is marked Deprovisioning', () => ops.connector(OperationType.Provision), () => [], { exists: true, state: ResourceState.Deprovisioning }, true],
    ['a create whose resource document is gone', () => ops.connector(OperationType.Provision), () => [], { exists: false }, true],
    ['a create with no delete', () => ops.connector(OperationType.Provision), () => [], live, false],
    ['a create with an earlier delete (the create came after it)', () => ops.connector(OperationType.Provision, 5), () => [ops.connector(OperationType.Deprovision)], live, false],
    ['a create with a delete of another connector', () => ops.connector(OperationType.Provision), () => [other.connector(OperationType.Deprovision, 1)], live, false],
    ['a FHIR service create with a delete of a connector under it', () => ops.fhir(OperationType.Provision), () => [ops.connector(OperationType.Deprovision, 1)], live, false],
    ['a create already Running (it runs to its end; the delete follows it)', () => startOperationAttempt(ops.connector(OperationType.Provision), new Date()), () => [ops.connector(OperationType.Deprovision, 1)], live, false],
    ['a Patch with a later delete', () => ops.connector(OperationType.Patch), () => [ops.connector(OperationType.Deprovision, 1)], live, false],
    ['a delete itself', () => ops.connector(OperationType.Deprovision), () => [ops.connector(OperationType.Deprovision, 1)], { exists: true, state: ResourceState.Deprovisioning }, false],
  ])('%s → %s', (_label, create, pending, resource, expected) => {
    const operation = create();
    expect(isSupersededCreate(operation, [operation, ...pending()], resource)).toBe(expected);
  });
});
