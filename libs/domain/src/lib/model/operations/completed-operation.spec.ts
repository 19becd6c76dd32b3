import { InvalidStatusTransitionError, ValidationError } from '../../errors';
import {
  connectorOperationDocument,
  fhirAccountOperationDocument,
  mappingOperationDocument,
  OPERATION_ID,
  SUBSCRIPTION_ID,
} from '../test-support/document-samples';
import { thrown } from '../test-support/thrown';
import { completedOperationCodec, completedOperationId, completeOperation } from './completed-operation';
import { operationCodec } from './operation-codec';

describe('completeOperation', () => {
  it('archives a terminal operation under a derived id, in its subscription partition', () => {
    const operation = operationCodec.fromDocument(connectorOperationDocument());
    const completed = completeOperation(operation, { accountName: 'fhirservicename', ttl: 90 * 24 * 3600 });
    expect(completed).toEqual({
      id: `${OPERATION_ID}-completed`,
      type: 'completedprovisioningrequest',
      accountName: 'fhirservicename',
      operation,
      ttl: 7776000,
    });
    const doc = completedOperationCodec.toDocument(completed);
    expect(doc.partitionKey).toBe(SUBSCRIPTION_ID);
    expect(doc.operation).not.toHaveProperty('_etag');
    expect(doc.operation).toMatchObject({ partitionKey: SUBSCRIPTION_ID, provisioningStatus: 2 });
  });

  it('is deterministic, so a second write of the same record is a no-op', () => {
    const operation = operationCodec.fromDocument(fhirAccountOperationDocument());
    expect(completeOperation(operation)).toEqual(completeOperation(operation));
    expect(completedOperationId('abc')).toBe('abc-completed');
  });

  it('refuses an operation that is still running', () => {
    const running = operationCodec.fromDocument(mappingOperationDocument());
    const error = thrown(() => completeOperation(running));
    expect(error).toBeInstanceOf(InvalidStatusTransitionError);
    expect((error as Error).message).toBe(
      `Operation ${OPERATION_ID} is Running; only a Completed, Failed or Canceled operation can be archived.`,
    );
  });

  it('refuses to read an archive whose operation is not terminal', () => {
    const error = thrown(() =>
      completedOperationCodec.fromDocument({
        id: 'x-completed',
        type: 'completedprovisioningrequest',
        operation: mappingOperationDocument(),
      }),
    ) as ValidationError;
    expect(error.details.map((d) => d.message)).toEqual([
      'operation.provisioningStatus: must be Completed, Failed or Canceled in a completed operation',
    ]);
  });

  it('refuses an archive without an operation', () => {
    const error = thrown(() =>
      completedOperationCodec.fromDocument({ id: 'x-completed', type: 'completedprovisioningrequest' }),
    ) as ValidationError;
    expect(error.details.map((d) => d.target)).toEqual(['operation']);
  });
});
