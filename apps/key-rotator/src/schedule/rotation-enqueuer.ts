import { Logger } from '@nestjs/common';
import {
  type AccountRegistryReadRepository,
  type AccountSpecificStreamAnalyticsJob,
  type Clock,
  ConcurrencyConflictError,
  ConflictError,
  createRotateKeysOperation,
  type IomtConnector,
  type IomtConnectorOperationDocument,
  DocumentType,
  isPendingRotationOf,
  type OperationPublisher,
  type OperationRepository,
  ResourceState,
} from '@iomt/domain';
import { inOperationSpan, traceIdsOfActiveSpan } from '@iomt/service-kit';
import { ROOT_CONTEXT } from '@opentelemetry/api';

/** What happened to one due secret. */
export type EnqueueOutcome =
  /** A RotateKeys operation was stored and published. */
  | 'enqueued'
  /** A rotation of the connector is already Requested or Running. */
  | 'pending'
  /** The connector is gone, not provisioned, or changed meanwhile: the next tick looks again. */
  | 'skipped';

/** The ports the schedule uses. */
export interface EnqueuerPorts {
  readonly registry: AccountRegistryReadRepository;
  readonly operations: OperationRepository;
  readonly publisher: OperationPublisher;
  readonly clock: Clock;
}

/**
 * Turns one due secret into a RotateKeys operation in the `operations` queue, in the customer
 * subscription's session, so the router runs it only when no other operation of the subscription
 * runs. Idempotent: no second operation while one of the connector is not terminal, and the
 * operation is written with the connector under its ETag, so two schedulers racing on one
 * connector create one operation.
 */
export class RotationEnqueuer {
  private readonly logger = new Logger(RotationEnqueuer.name);

  constructor(private readonly ports: EnqueuerPorts) {}

  async enqueue(secret: AccountSpecificStreamAnalyticsJob): Promise<EnqueueOutcome> {
    const { registry, clock } = this.ports;
    const connector = await registry.getChildResourceById(secret.subscriptionId, secret.parentId, DocumentType.IomtConnector);
    if (connector === undefined || connector.state !== ResourceState.Provisioned) return 'skipped';
    if (await this.hasPendingRotation(secret.subscriptionId, connector.id)) return 'pending';
    // A scheduled rotation has no request: its trace starts here, and the document names it.
    const fields = { subscriptionId: secret.subscriptionId };
    return inOperationSpan('enqueue RotateKeys', { fields, parent: ROOT_CONTEXT }, async (span) => {
      const operation = createRotateKeysOperation(connector, { now: clock.now(), ...traceIdsOfActiveSpan() });
      span.setAttribute('iomt.operation.id', operation.id);
      return this.store(connector, operation);
    });
  }

  private async store(connector: IomtConnector, operation: IomtConnectorOperationDocument): Promise<EnqueueOutcome> {
    const { operations, publisher } = this.ports;
    try {
      await operations.createWithResource(connector, operation, { resourceIfMatch: connector._etag });
    } catch (error) {
      if (error instanceof ConcurrencyConflictError || error instanceof ConflictError) return 'skipped';
      throw error;
    }
    try {
      await publisher.publish({ operationId: operation.id, subscriptionId: operation.subscriptionId });
    } catch (error) {
      // The operation is stored as Requested: the router's outbox sweeper publishes it later.
      this.logger.warn(`Rotation ${operation.id} of connector ${connector.id} is stored but not published yet: ${(error as Error).message}`);
    }
    return 'enqueued';
  }

  private async hasPendingRotation(subscriptionId: string, connectorId: string): Promise<boolean> {
    let continuationToken: string | undefined;
    do {
      const page = await this.ports.operations.listNonTerminal(subscriptionId, { continuationToken });
      if (page.items.some((operation) => isPendingRotationOf(operation, connectorId))) return true;
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined);
    return false;
  }
}
