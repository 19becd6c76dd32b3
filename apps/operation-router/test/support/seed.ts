import {
  createFhirServiceAccount,
  createIomtConnector,
  isTerminalStatus,
  newIomtConnectorOperation,
  OperationType,
  type IomtConnector,
  type IomtConnectorOperationDocument,
  type OperationDocument,
} from '@iomt/domain';
import type { RouterWorld } from './router.fixture';
import { waitFor } from '@iomt/local-stack/testing';

/** A new subscription with a FHIR service `fhir1` and its connector `conn1` (Accepted), stored. */
export async function newConnector(world: RouterWorld): Promise<IomtConnector> {
  const subscriptionId = crypto.randomUUID();
  const account = createFhirServiceAccount({ name: 'fhir1', subscriptionId, resourceGroupName: 'rg', location: 'westus2', kind: 'fhir-R4' });
  await world.registry.upsertAccount(account);
  const connector = createIomtConnector(account, { connectorName: 'conn1', location: 'westus2' });
  return world.registry.upsertChildResource(connector);
}

/** A new connector and its Provision operation enqueued at `enqueuedAt`, stored and not yet published. */
export async function newConnectorProvision(world: RouterWorld, enqueuedAt = new Date()): Promise<IomtConnectorOperationDocument> {
  const connector = await newConnector(world);
  const operation = newIomtConnectorOperation(connector, OperationType.Provision, { now: enqueuedAt });
  await world.seedOperation(operation);
  return operation;
}

/** Publishes `operation.requested` for an operation, as the gateway does. */
export function publish(world: RouterWorld, operation: OperationDocument): Promise<void> {
  return world.publisher.publish({ operationId: operation.id, subscriptionId: operation.subscriptionId });
}

/** Waits (bounded polling of Cosmos) until the operation is terminal, and returns it. */
export async function ended(world: RouterWorld, operation: OperationDocument): Promise<OperationDocument> {
  const done = await waitFor(
    () => world.read(operation),
    (op) => op !== undefined && isTerminalStatus(op.provisioningStatus),
    `operation ${operation.id} to end`,
  );
  return done as OperationDocument;
}

/**
 * Waits until the operation's CompletedOperationDocument exists: the router's last write for an
 * ended operation (after its status and its resource's state), and returns it.
 */
export async function archived(world: RouterWorld, operation: OperationDocument) {
  const completed = await waitFor(() => world.readCompleted(operation), (c) => c !== undefined, `the archive of ${operation.id}`);
  if (completed === undefined) throw new Error('unreachable');
  return completed;
}
