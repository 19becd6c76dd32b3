import { Inject, Injectable } from '@nestjs/common';
import {
  formatResourceId,
  locationsEqual,
  OPERATION_REPOSITORY,
  OperationDocument,
  OperationInitiator,
  OperationRepository,
  OperationStatusResourceId,
  operationStatusResourceId,
  ResourceNotFoundError,
} from '@iomt/domain';
import { mayPollOperation } from './polling-identity';

/** Route parameters of the status URLs. */
export interface OperationStatusParams {
  readonly subscriptionId: string;
  readonly location: string;
  readonly operationId: string;
}

/** A found operation and the id of the URL it was asked for by. */
export interface FoundOperation {
  readonly operation: OperationDocument;
  readonly id: OperationStatusResourceId;
}

/**
 * Finds the operation behind a status URL. It must belong to the URL's subscription (the lookup is
 * in that subscription's partition, so another subscription's id is simply not found) and region,
 * and the caller must be whoever initiated it (`mayPollOperation`): anything else is the same 404
 * as an unknown id, so a poller cannot learn that someone else's operation exists (arm-rpc.md
 * §1.5, operation result rules).
 */
@Injectable()
export class OperationLookup {
  constructor(@Inject(OPERATION_REPOSITORY) private readonly operations: OperationRepository) {}

  async find(
    params: OperationStatusParams,
    kind: OperationStatusResourceId['kind'],
    caller: OperationInitiator | undefined,
  ): Promise<FoundOperation> {
    const id = operationStatusResourceId({ ...params, subscriptionId: params.subscriptionId.toLowerCase(), kind });
    const operation = await this.operations.get(id.subscriptionId, id.operationId);
    if (
      operation === undefined ||
      !locationsEqual(operation.primaryRegionName ?? 'global', id.location) ||
      !mayPollOperation(operation.initiator, caller)
    ) {
      throw new ResourceNotFoundError(`The operation '${id.operationId}' was not found.`, { target: formatResourceId(id) });
    }
    return { operation, id };
  }
}
