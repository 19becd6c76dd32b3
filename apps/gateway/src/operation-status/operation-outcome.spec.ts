import { OperationDocument, OperationStatus } from '@iomt/domain';
import { failureStatus, operationError } from './operation-outcome';

const operation = (provisioningStatus: OperationStatus, exceptionDetails?: string) =>
  ({ provisioningStatus, ...(exceptionDetails === undefined ? {} : { exceptionDetails }) }) as OperationDocument;

describe('operation outcome', () => {
  it.each<[string, OperationStatus, string | undefined, unknown]>([
    ['a Requested operation', OperationStatus.Requested, undefined, undefined],
    ['a Completed operation', OperationStatus.Completed, 'ignored: x', undefined],
    ['a coded failure', OperationStatus.Failed, 'DeploymentFailed: the template failed', { code: 'DeploymentFailed', message: 'the template failed' }],
    ['an uncoded failure', OperationStatus.Failed, 'socket hang up', { code: 'ProvisioningFailed', message: 'socket hang up' }],
    ['a failure without details', OperationStatus.Failed, undefined, { code: 'ProvisioningFailed', message: 'The operation failed.' }],
    ['a cancellation', OperationStatus.Canceled, undefined, { code: 'OperationCanceled', message: 'The operation was canceled.' }],
    ['a coded cancellation', OperationStatus.Canceled, 'Canceled: superseded by a delete', { code: 'Canceled', message: 'superseded by a delete' }],
  ])('gives %s its ARM error', (_case, status, details, error) => {
    expect(operationError(operation(status, details))).toEqual(error);
  });

  it.each([
    ['InvalidRequestContent', 400],
    ['InvalidParameter', 400],
    ['ResourceNotFound', 404],
    ['Conflict', 409],
    ['OperationCanceled', 409],
    ['TooManyRequests', 429],
    ['DeploymentFailed', 500],
    ['ProvisioningFailed', 500],
  ])('answers a %s failure on the Location URL with %s', (code, status) => {
    expect(failureStatus({ code, message: 'm' })).toBe(status);
  });
});
