import { Injectable } from '@nestjs/common';
import { formatResourceId, operationResultStatusOf } from '@iomt/domain';
import type { ArmRequest } from '../arm/arm-request';
import { ok, type ArmResponse } from '../arm/arm-response';
import { FAILURE_CAUSE_HEADER, failureCauseOf } from '../arm/failure-cause';
import { failureStatus, operationError } from './operation-outcome';
import { OperationLookup, OperationStatusParams } from './operation-lookup';

/**
 * `GET .../locations/{loc}/operationStatuses/{id}` (the `Azure-AsyncOperation` URL): always 200
 * while the operation can be read, with `{id, name, status, startTime, endTime, percentComplete,
 * error}` (arm-rpc.md §1.5); `error` on Failed and Canceled, with `x-ms-failurecause`. 404 unless
 * the caller may poll the operation (`OperationLookup`).
 */
@Injectable()
export class OperationStatusGetHandler {
  constructor(private readonly lookup: OperationLookup) {}

  async handle(params: OperationStatusParams, arm: ArmRequest): Promise<ArmResponse> {
    const { operation, id } = await this.lookup.find(params, 'operationStatus', arm.caller);
    const error = operationError(operation);
    const response = ok({
      id: formatResourceId(id),
      name: operation.id,
      status: operationResultStatusOf(operation.provisioningStatus),
      startTime: operation.timeEnqueued,
      ...(operation.timeEnded === undefined ? {} : { endTime: operation.timeEnded }),
      percentComplete: operation.percentComplete ?? 0,
      ...(error === undefined ? {} : { error }),
    });
    // The status itself is read fine (200); the header attributes the operation's failure.
    return error === undefined ? response : { ...response, headers: { [FAILURE_CAUSE_HEADER]: failureCauseOf(failureStatus(error)) } };
  }
}
