import { Injectable } from '@nestjs/common';
import { formatResourceId, operationResultStatusOf } from '@iomt/domain';
import { ok, type ArmResponse } from '../arm/arm-response';
import { operationError } from './operation-outcome';
import { OperationLookup, OperationStatusParams } from './operation-lookup';

/**
 * `GET .../locations/{loc}/operationStatuses/{id}` (the `Azure-AsyncOperation` URL): always 200
 * while the operation can be read, with `{id, name, status, startTime, endTime, percentComplete,
 * error}` (arm-rpc.md §1.5); `error` on Failed and Canceled.
 */
@Injectable()
export class OperationStatusGetHandler {
  constructor(private readonly lookup: OperationLookup) {}

  async handle(params: OperationStatusParams): Promise<ArmResponse> {
    const { operation, id } = await this.lookup.find(params, 'operationStatus');
    const error = operationError(operation);
    return ok({
      id: formatResourceId(id),
      name: operation.id,
      status: operationResultStatusOf(operation.provisioningStatus),
      startTime: operation.timeEnqueued,
      ...(operation.timeEnded === undefined ? {} : { endTime: operation.timeEnded }),
      percentComplete: operation.percentComplete ?? 0,
      ...(error === undefined ? {} : { error }),
    });
  }
}
