import type { Provider } from '@nestjs/common';
import { operationNotFoundHandler, runHandlerChain, type OperationDocument, type OperationHandler, type OperationHandlerContext } from '@iomt/domain';
import { ConnectionHandler } from './connection.handler';
import { FhirServiceHandler } from './fhir-service.handler';
import { IomtConnectorHandler } from './iomt-connector.handler';
import { KeyRotationHandler } from './key-rotation.handler';
import { MappingHandler } from './mapping.handler';
import type { RouterCommand } from './router-command';

/** DI token of the ordered handler chain (`OperationHandler[]`). */
export const OPERATION_HANDLERS = Symbol('OPERATION_HANDLERS');

/**
 * The chain, in order (seed 004 "Processing"). Handlers match disjoint (resource type, operation
 * type) pairs, so the order only decides who looks first; it follows how often each kind comes.
 */
const CHAIN = [
  // The seed's original handler: FHIR service accounts.
  FhirServiceHandler,
  // Connector lifecycle; it passes RotateKeys on, which shares the connector resource type.
  IomtConnectorHandler,
  MappingHandler,
  ConnectionHandler,
  // After IomtConnectorHandler: the only other taker of the `IoMTConnectors` resource type.
  KeyRotationHandler,
] as const;

/** The handler classes and the ordered chain, ending with the seed's OperationNotFound link. */
export const operationHandlerProviders: Provider[] = [
  ...CHAIN,
  {
    provide: OPERATION_HANDLERS,
    useFactory: (...handlers: OperationHandler[]) => handlerChain(handlers),
    inject: [...CHAIN],
  },
];

/** The chain of `handlers` closed by the seed's last link, which throws OperationNotFoundError. */
export function handlerChain(handlers: readonly OperationHandler[]): OperationHandler[] {
  return [...handlers, operationNotFoundHandler];
}

/**
 * Runs `operation` down the chain.
 * @throws OperationNotFoundError (not retryable) when nothing takes it; a resolver's ResourceNotFoundError.
 */
export async function chooseCommand(
  handlers: readonly OperationHandler[],
  operation: OperationDocument,
  context: OperationHandlerContext = {},
): Promise<RouterCommand> {
  return (await runHandlerChain(handlers, operation, context)) as RouterCommand;
}
