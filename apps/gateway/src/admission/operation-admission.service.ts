import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ConcurrencyConflictError,
  ConflictError,
  CreatedOperation,
  OPERATION_PUBLISHER,
  OPERATION_REPOSITORY,
  OperationDocument,
  OperationMessage,
  OperationPublisher,
  OperationRepository,
  OperationType,
  RegistryEntity,
  resourceIdKey,
  ThrottledError,
} from '@iomt/domain';
import type { ArmSystemData } from '../arm/system-data';
import { SystemDataRecorder, type SystemDataRequest } from '../arm/system-data.recorder';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { ADMISSION_STORE, AdmissionStore, NameClaimWrite, SystemDataWrite } from '../ports/admission-store.port';
import { isSupersededByDelete } from './delete-supersession';
import { OperationTarget, targetOfOperation, targetsOverlap } from './operation-target';

/** What a handler hands over to admit an operation. */
export interface AdmissionRequest {
  /** The resource document in its target state (written in the same batch as the operation). */
  readonly resource: RegistryEntity;
  readonly operation: OperationDocument;
  /** The stored resource's `_etag` when replacing it; absent to create it. */
  readonly resourceIfMatch?: string;
  /** The ARM id of the resource, for the message and logs. */
  readonly resourceId: string;
  /** ARM's systemData of the write, recorded in the same batch when the write is admitted. */
  readonly systemData?: SystemDataRequest;
  /**
   * Set when the write creates the resource: its name is claimed in the same batch (replacing, at
   * `ifMatch`, the claim of an earlier creation), so a concurrent creation of the name gets 409.
   */
  readonly claimName?: { readonly ifMatch?: string };
}

/** What {@link OperationAdmission.admit} wrote, and the resource's systemData to answer with. */
export interface AdmittedOperation extends CreatedOperation {
  readonly systemData?: ArmSystemData;
}

/** Options of {@link OperationAdmission.assertAdmissible}. */
export interface AdmissibilityOptions {
  /** Names the resource in the 409's message and target. */
  readonly resourceId: string;
  /** System operations (a deleted subscription's cascade) are not held to the queue limit. */
  readonly ignoreQueueLimit?: boolean;
  /** A DELETE: queued creates and updates it supersedes do not block it (`isSupersededByDelete`). */
  readonly deletes?: boolean;
}

/**
 * Admits long-running requests (ARCHITECTURE.md invariants 1 and 3): refuses one that overlaps an
 * unfinished operation (409) or that would overfill the subscription's queue (429), writes the
 * resource and its Requested operation in one batch, then publishes the operation id into the
 * subscription's session. A failed publication still admits: the sweeper re-publishes operations
 * left Requested.
 */
@Injectable()
export class OperationAdmission {
  private readonly logger = new Logger(OperationAdmission.name);

  constructor(
    @Inject(OPERATION_REPOSITORY) private readonly operations: OperationRepository,
    @Inject(ADMISSION_STORE) private readonly store: AdmissionStore,
    private readonly systemData: SystemDataRecorder,
    @Inject(OPERATION_PUBLISHER) private readonly publisher: OperationPublisher,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Every unfinished operation of the subscription, oldest first. */
  async pendingOperations(subscriptionId: string): Promise<OperationDocument[]> {
    const pending: OperationDocument[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await this.operations.listNonTerminal(subscriptionId, { continuationToken, pageSize: 100 });
      pending.push(...page.items);
      continuationToken = page.continuationToken;
    } while (continuationToken !== undefined);
    return pending;
  }

  /** @throws ConflictError for an overlapping unfinished operation; ThrottledError when the queue is full. */
  assertAdmissible(pending: readonly OperationDocument[], target: OperationTarget, options: AdmissibilityOptions): void {
    const blocking = pending.find((operation) => {
      const other = targetOfOperation(operation);
      if (options.deletes === true && isSupersededByDelete(operation)) return false;
      return other !== undefined && targetsOverlap(other, target);
    });
    if (blocking !== undefined) {
      throw new ConflictError(
        `The resource '${options.resourceId}' or a resource it belongs to or contains has an unfinished operation ` +
          `'${blocking.id}' (${OperationType[blocking.provisioningOperation]}); retry when it has ended.`,
        { target: options.resourceId },
      );
    }
    const limit = this.config.MAX_QUEUED_OPERATIONS_PER_SUBSCRIPTION;
    if (!options.ignoreQueueLimit && pending.length >= limit) {
      throw new ThrottledError(
        `The subscription has ${pending.length} unfinished operations, the most this provider queues; retry later.`,
        this.config.THROTTLED_RETRY_AFTER_SECONDS * 1000,
      );
    }
  }

  /** Writes the resource, operation and systemData in one batch, then publishes; see the class comment. */
  async admit(request: AdmissionRequest): Promise<AdmittedOperation> {
    const prepared = request.systemData === undefined ? undefined : await this.systemData.prepare(request.systemData);
    const created = await this.write(request, prepared?.write);
    if (prepared?.forget === true && request.systemData !== undefined) await this.systemData.forget(request.systemData.subject);
    await this.publish(created.operation, request.resourceId);
    return { ...created, systemData: prepared?.systemData };
  }

  private async write(request: AdmissionRequest, systemData: SystemDataWrite | undefined): Promise<CreatedOperation> {
    try {
      return await this.store.createWithResource(request.resource, request.operation, {
        resourceIfMatch: request.resourceIfMatch,
        systemData,
        nameClaim: nameClaimOf(request),
      });
    } catch (error) {
      // A concurrent request created or changed the resource between our read and this write.
      if (error instanceof ConflictError || error instanceof ConcurrencyConflictError) {
        throw new ConflictError(`The resource '${request.resourceId}' was created or changed by another request meanwhile; retry.`, {
          target: request.resourceId,
          cause: error,
        });
      }
      throw error;
    }
  }

  private async publish(operation: OperationDocument, resourceId: string): Promise<void> {
    // resourceId is not in the port's message type but is in the operation.requested contract.
    const message: OperationMessage & { resourceId: string } = {
      operationId: operation.id,
      subscriptionId: operation.subscriptionId,
      resourceId,
    };
    try {
      await this.publisher.publish(message, { signal: AbortSignal.timeout(this.config.PUBLISH_TIMEOUT_MS) });
    } catch (error) {
      this.logger.warn(
        { operationId: operation.id, err: error },
        'publishing the operation failed; it stays Requested for the sweeper to publish',
      );
    }
  }
}

function nameClaimOf(request: AdmissionRequest): NameClaimWrite | undefined {
  if (request.claimName === undefined) return undefined;
  return { subscriptionId: request.operation.subscriptionId, resourceKey: resourceIdKey(request.resourceId), ifMatch: request.claimName.ifMatch };
}
