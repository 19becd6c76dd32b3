import type { Container, ItemDefinition, JSONObject, OperationInput } from '@azure/cosmos';
import {
  CallOptions,
  CompletedOperation,
  completedOperationCodec,
  ConflictError,
  CreatedOperation,
  CreateOperationOptions,
  DocumentType,
  operationCodec,
  OperationDocument,
  OperationRepository,
  OperationStatus,
  OperationTransition,
  PagedResult,
  PageOptions,
  RegistryEntity,
  registryEntityToDocument,
  ValidationError,
  WrittenTransition,
} from '@iomt/domain';
import { withCosmosErrors } from '../cosmos/cosmos-error.mapper';
import { queryPage } from '../cosmos/query-page';
import { bodyOf, NOT_DELETED, readDocument, withoutSystemProperties, writeOptions } from '../cosmos/stored-documents';
import { executeBatch } from '../cosmos/transactional-batch';
import { decodeOperation } from './operation-documents';
import { writeOperationTransition } from './operation-transition.batch';
import { registryEntityOf } from '../registry/cosmos-account-registry-management.repository';

// Times are ISO 8601 UTC strings (`Date.toISOString()`), so they compare in time order as strings.
export const NON_TERMINAL_OPERATIONS_QUERY =
  'SELECT * FROM c WHERE c.partitionKey = @subscriptionId AND c.type = @type ' +
  `AND c.provisioningStatus IN (@requested, @running) AND ${NOT_DELETED} ORDER BY c.timeEnqueued`;
/**
 * The sweeper's query: the one query that crosses partitions by design, since it looks for
 * forgotten operations of every subscription. It runs rarely and filters on indexed fields.
 */
export const REQUESTED_BEFORE_QUERY =
  'SELECT * FROM c WHERE c.type = @type AND c.provisioningStatus = @requested ' +
  `AND c.timeEnqueued < @cutoff AND ${NOT_DELETED} ORDER BY c.timeEnqueued`;


/** A further document written in the batch of {@link CosmosOperationRepository.createWithResource}. */
export interface AlongsideWrite {
  /** In the operation's partition (`partitionKey` = the operation's). */
  readonly document: JSONObject;
  /** Create it, failing the batch (409) when it exists. */
  readonly createOnly?: boolean;
  /** Replace the version read, failing the batch (412) when it has changed since. */
  readonly ifMatch?: string;
}

/** {@link CosmosOperationRepository.createWithResource}'s options: the port's, and further documents of the same batch. */
export interface CosmosCreateOperationOptions extends CreateOperationOptions {
  /**
   * Further documents of the operation's partition written in the same transactional batch (upserted
   * unless told otherwise), e.g. a caller's metadata about the resource: one round trip, all or nothing.
   */
  readonly alongside?: readonly AlongsideWrite[];
}

function alongsideInput({ document, createOnly, ifMatch }: AlongsideWrite): OperationInput {
  if (ifMatch !== undefined) return { operationType: 'Replace', id: String(document['id']), ifMatch, resourceBody: document };
  return { operationType: createOnly === true ? 'Create' : 'Upsert', resourceBody: document };
}

/** Operations (type `provisioningrequest`) and their archive records in the account registry container. */
export class CosmosOperationRepository implements OperationRepository {
  constructor(private readonly container: Container) {}

  async createWithResource(
    resource: RegistryEntity,
    operation: OperationDocument,
    options: CosmosCreateOperationOptions = {},
  ): Promise<CreatedOperation> {
    const resourceDocument = registryEntityToDocument(resource);
    const operationDocument = operationCodec.toDocument(operation);
    if (resourceDocument.partitionKey !== operationDocument.partitionKey) {
      throw new ValidationError('An operation must be in the subscription of its resource', { target: 'subscriptionId' });
    }
    const alongside = options.alongside ?? [];
    if (alongside.some(({ document }) => document['partitionKey'] !== operationDocument.partitionKey)) {
      throw new ValidationError('Documents written alongside an operation must be in its subscription', { target: 'alongside' });
    }
    const resourceWrite: OperationInput =
      options.resourceIfMatch === undefined
        ? { operationType: 'Create', resourceBody: bodyOf(resourceDocument) as JSONObject }
        : { operationType: 'Replace', id: resource.id, ifMatch: options.resourceIfMatch, resourceBody: bodyOf(resourceDocument) as JSONObject };
    const action = `accept operation ${operation.id} on ${resource.type} ${resource.id}`;
    const [written, accepted] = await executeBatch(
      this.container,
      operationDocument.partitionKey,
      [
        resourceWrite,
        { operationType: 'Create', resourceBody: bodyOf(operationDocument) as JSONObject },
        ...alongside.map(alongsideInput),
      ],
      action,
      options.signal,
    );
    return { resource: registryEntityOf(written.resourceBody, action), operation: decodeOperation(accepted.resourceBody) };
  }

  async get(subscriptionId: string, operationId: string, options: CallOptions = {}): Promise<OperationDocument | undefined> {
    const document = await readDocument(this.container, operationId, subscriptionId, `read operation ${operationId}`, options);
    return document?.type === DocumentType.Operation ? decodeOperation(document) : undefined;
  }

  async update(operation: OperationDocument, options: CallOptions & { readonly ifMatch: string }): Promise<OperationDocument> {
    if (typeof options?.ifMatch !== 'string' || options.ifMatch === '') {
      throw new ValidationError('An operation is only updated against the ETag it was read with', { target: 'ifMatch' });
    }
    const document = operationCodec.toDocument(operation);
    const { resource } = await withCosmosErrors(
      `update operation ${operation.id}`,
      () => this.container.item(operation.id, document.partitionKey).replace(bodyOf(document), writeOptions(options.ifMatch, options.signal)),
      options.signal,
    );
    return decodeOperation(resource);
  }

  writeTransition(transition: OperationTransition, options: CallOptions = {}): Promise<WrittenTransition> {
    return writeOperationTransition(this.container, transition, options);
  }

  async listNonTerminal(subscriptionId: string, options: PageOptions = {}): Promise<PagedResult<OperationDocument>> {
    const parameters = [
      { name: '@subscriptionId', value: subscriptionId },
      { name: '@type', value: DocumentType.Operation },
      { name: '@requested', value: OperationStatus.Requested },
      { name: '@running', value: OperationStatus.Running },
    ];
    const action = `list the unfinished operations of subscription ${subscriptionId}`;
    const page = await queryPage(this.container, { query: NON_TERMINAL_OPERATIONS_QUERY, parameters }, subscriptionId, options, action);
    return { items: page.documents.map(decodeOperation), continuationToken: page.continuationToken };
  }

  async listRequestedBefore(cutoff: Date, options: PageOptions = {}): Promise<PagedResult<OperationDocument>> {
    if (Number.isNaN(cutoff.getTime())) throw new ValidationError('The cutoff must be a valid date', { target: 'cutoff' });
    const parameters = [
      { name: '@type', value: DocumentType.Operation },
      { name: '@requested', value: OperationStatus.Requested },
      { name: '@cutoff', value: cutoff.toISOString() },
    ];
    const action = `list operations still Requested since before ${cutoff.toISOString()}`;
    const page = await queryPage(this.container, { query: REQUESTED_BEFORE_QUERY, parameters }, undefined, options, action);
    return { items: page.documents.map(decodeOperation), continuationToken: page.continuationToken };
  }

  /** Creates the record; when it already exists (a redelivered reply) returns the stored one unchanged. */
  async writeCompleted(completed: CompletedOperation, options: CallOptions = {}): Promise<CompletedOperation> {
    const document = completedOperationCodec.toDocument(completed);
    const action = `archive operation ${completed.operation.id}`;
    try {
      const { resource } = await withCosmosErrors(
        action,
        () => this.container.items.create(bodyOf(document), { abortSignal: options.signal }),
        options.signal,
      );
      return completedOperationCodec.fromDocument(withoutSystemProperties(resource as ItemDefinition));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const stored = await readDocument(this.container, completed.id, document.partitionKey, action, options);
      if (stored === undefined) throw error;
      return completedOperationCodec.fromDocument(stored);
    }
  }
}
