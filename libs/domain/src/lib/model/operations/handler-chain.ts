import { OperationNotFoundError } from '../../errors';
import { ResourceTypeName } from '../common/identifiers';
import type { RegistryEntity } from '../registry/registry-documents';
import { OperationDocument } from './operation-codec';
import { OperationStatus, OperationType } from './operation-enums';

/**
 * A unit of work the router sends to a worker: plain data, so it crosses a message queue.
 * Concrete kinds and subjects are defined where the routes are (the router and `contracts`).
 */
export interface OperationCommand {
  /** What to do, e.g. `iomtConnector.provision`. */
  readonly kind: string;
  /** The message subject the command is sent with, which picks the worker's handler. */
  readonly subject: string;
  readonly operationId: string;
  /** The customer subscription: the session the command travels in. */
  readonly subscriptionId: string;
  /** Document id of the resource the work is on (account or connector). */
  readonly resourceId?: string;
}

/**
 * One link of the seed's chain of responsibility ("Processing"): inspects an operation and
 * returns the command to run, or null to pass it on. Handlers must not do the work themselves.
 */
export interface OperationHandler {
  /** Names the handler in logs and errors. */
  readonly name: string;
  handle(operation: OperationDocument, context?: OperationHandlerContext): OperationCommand | null | Promise<OperationCommand | null>;
}

/** What the caller of the chain has read already, so that handlers need not read it again. */
export interface OperationHandlerContext {
  /** The operation's resource (its FHIR service or connector) as read for this run; absent when unknown or gone. */
  readonly resource?: RegistryEntity;
}

function describe(operation: OperationDocument): string {
  const type = OperationType[operation.provisioningOperation] ?? String(operation.provisioningOperation);
  return `operation ${operation.id} (${type} on ${operation.resourceTypeName}, ${OperationStatus[operation.provisioningStatus]})`;
}

function noHandlerFor(operation: OperationDocument): OperationNotFoundError {
  return new OperationNotFoundError(`No handler takes ${describe(operation)}.`, { target: operation.id });
}

/** The seed's last link: nothing handled the operation. Always throws `OperationNotFoundError`. */
export const operationNotFoundHandler: OperationHandler = {
  name: 'OperationNotFound',
  handle(operation) {
    throw noHandlerFor(operation);
  },
};

/**
 * Passes `operation` down `handlers` in order and returns the first command.
 * @throws OperationNotFoundError when every handler returned null (the chain's implicit end),
 * and whatever a handler throws.
 */
export async function runHandlerChain(
  handlers: readonly OperationHandler[],
  operation: OperationDocument,
  context: OperationHandlerContext = {},
): Promise<OperationCommand> {
  for (const handler of handlers) {
    const command = await handler.handle(operation, context);
    if (command !== null) return command;
  }
  throw noHandlerFor(operation);
}

/** The resource kind an operation works on, from its `resourceTypeName`. */
export type OperationResourceKind = 'fhirService' | 'iomtConnector' | 'iomtConnectorMapping' | 'iomtConnectorConnection';

const RESOURCE_KINDS: Readonly<Record<ResourceTypeName, OperationResourceKind>> = {
  [ResourceTypeName.FhirService]: 'fhirService',
  [ResourceTypeName.IomtConnector]: 'iomtConnector',
  [ResourceTypeName.IomtConnectorMapping]: 'iomtConnectorMapping',
  [ResourceTypeName.IomtConnectorConnection]: 'iomtConnectorConnection',
};

/** What an operation works on, for handlers to match. */
export function operationResourceKind(operation: OperationDocument): OperationResourceKind {
  return RESOURCE_KINDS[operation.resourceTypeName];
}

/** A command for `operation` with the conventional kind `{resourceKind}.{operationType}` (e.g. `iomtConnector.provision`). */
export function commandFor(operation: OperationDocument, subject: string): OperationCommand {
  const type = OperationType[operation.provisioningOperation];
  const action = type.charAt(0).toLowerCase() + type.slice(1);
  const resourceId =
    operation.resourceTypeName === ResourceTypeName.FhirService ? operation.accountId : operation.iomtConnectorId;
  return {
    kind: `${operationResourceKind(operation)}.${action}`,
    subject,
    operationId: operation.id,
    subscriptionId: operation.subscriptionId,
    ...(resourceId === undefined ? {} : { resourceId }),
  };
}
