import { OperationNotFoundError, TransientError } from '../../errors';
import {
  connectionOperationDocument,
  connectorOperationDocument,
  fhirAccountOperationDocument,
  mappingOperationDocument,
  OPERATION_ID,
} from '../test-support/document-samples';
import { rejected, thrown } from '../test-support/thrown';
import {
  commandFor,
  OperationCommand,
  OperationHandler,
  operationNotFoundHandler,
  operationResourceKind,
  runHandlerChain,
} from './handler-chain';
import { operationCodec, OperationDocument } from './operation-codec';

const fhirOperation = operationCodec.fromDocument(fhirAccountOperationDocument());
const connectorOperation = operationCodec.fromDocument(connectorOperationDocument());
const mappingOperation = operationCodec.fromDocument(mappingOperationDocument());
const connectionOperation = operationCodec.fromDocument(connectionOperationDocument());

/** A handler taking one resource kind, answering synchronously or asynchronously. */
function handlerFor(kind: string, subject: string, asynchronous = false): OperationHandler & { calls: number } {
  return {
    name: kind,
    calls: 0,
    handle(operation: OperationDocument) {
      this.calls += 1;
      const command = operationResourceKind(operation) === kind ? commandFor(operation, subject) : null;
      return asynchronous ? Promise.resolve(command) : command;
    },
  };
}

describe('runHandlerChain', () => {
  it.each<[string, OperationDocument, OperationCommand]>([
    ['FHIR service', fhirOperation, { kind: 'fhirService.provision', subject: 'fhir', operationId: OPERATION_ID, subscriptionId: fhirOperation.subscriptionId, resourceId: fhirOperation.accountId! }],
    ['connector', connectorOperation, { kind: 'iomtConnector.provision', subject: 'iomt', operationId: OPERATION_ID, subscriptionId: fhirOperation.subscriptionId, resourceId: 'k7x2mq9d4w1zr8c3t6y0b5n2p' }],
    ['mapping', mappingOperation, { kind: 'iomtConnectorMapping.updateMapping', subject: 'mapping', operationId: OPERATION_ID, subscriptionId: fhirOperation.subscriptionId, resourceId: 'k7x2mq9d4w1zr8c3t6y0b5n2p' }],
  ])('returns the command of the first handler that takes a %s operation', async (_kind, operation, command) => {
    const chain = [
      handlerFor('fhirService', 'fhir'),
      handlerFor('iomtConnector', 'iomt', true),
      handlerFor('iomtConnectorMapping', 'mapping'),
    ];
    await expect(runHandlerChain(chain, operation)).resolves.toEqual(command);
  });

  it('stops at the first handler that returns a command', async () => {
    const first = handlerFor('iomtConnector', 'first');
    const second = handlerFor('iomtConnector', 'second');
    const command = await runHandlerChain([first, second], connectorOperation);
    expect(command.subject).toBe('first');
    expect([first.calls, second.calls]).toEqual([1, 0]);
  });

  it('throws OperationNotFoundError when no handler takes the operation', async () => {
    const error = await rejected(runHandlerChain([handlerFor('fhirService', 'fhir')], connectionOperation));
    expect(error).toBeInstanceOf(OperationNotFoundError);
    expect((error as Error).message).toBe(
      `No handler takes operation ${OPERATION_ID} (CreateConnection on IoMTConnectors/connections, Requested).`,
    );
    await expect(runHandlerChain([], fhirOperation)).rejects.toBeInstanceOf(OperationNotFoundError);
  });

  it('ends with the explicit operationNotFoundHandler as the seed describes', async () => {
    const chain = [handlerFor('fhirService', 'fhir'), operationNotFoundHandler];
    await expect(runHandlerChain(chain, fhirOperation)).resolves.toMatchObject({ subject: 'fhir' });
    await expect(runHandlerChain(chain, connectorOperation)).rejects.toBeInstanceOf(OperationNotFoundError);
    expect(thrown(() => operationNotFoundHandler.handle(fhirOperation))).toBeInstanceOf(OperationNotFoundError);
  });

  it("passes a handler's own error on", async () => {
    const failing: OperationHandler = {
      name: 'failing',
      handle: () => Promise.reject(new TransientError('lookup failed')),
    };
    await expect(runHandlerChain([failing, handlerFor('fhirService', 'fhir')], fhirOperation)).rejects.toBeInstanceOf(
      TransientError,
    );
  });
});
