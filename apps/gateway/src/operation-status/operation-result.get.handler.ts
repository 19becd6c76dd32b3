import { Inject, Injectable } from '@nestjs/common';
import { isTerminalStatus, OperationStatus } from '@iomt/domain';
import { armErrorBody } from '../arm/arm-error-body';
import type { ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import { FAILURE_CAUSE_HEADER, failureCauseOf } from '../arm/failure-cause';
import { failureStatus, operationError } from './operation-outcome';
import { OperationLookup, OperationStatusParams } from './operation-lookup';
import { OPERATION_RESULT_RENDERERS, OperationResultRenderer } from './operation-result.renderer';

/**
 * `GET .../locations/{loc}/operationresults/{id}` (the `Location` URL): 202 with `Location` and
 * `Retry-After` while the operation runs; then what the synchronous request would have answered
 * (arm-rpc.md §1.5): 200 with the resource, 204 after a delete, or the failure's status and error.
 * 404 unless the caller may poll the operation (`OperationLookup`).
 */
@Injectable()
export class OperationResultGetHandler {
  constructor(
    private readonly lookup: OperationLookup,
    @Inject(OPERATION_RESULT_RENDERERS) private readonly renderers: readonly OperationResultRenderer[],
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async handle(params: OperationStatusParams, arm: ArmRequest): Promise<ArmResponse> {
    const { operation } = await this.lookup.find(params, 'operationResult', arm.caller);
    if (!isTerminalStatus(operation.provisioningStatus)) {
      return { status: 202, headers: { location: arm.publicUrl.href, 'retry-after': String(this.config.LRO_RETRY_AFTER_SECONDS) } };
    }
    const error = operationError(operation);
    if (error !== undefined) {
      const status = failureStatus(error);
      return { status, body: armErrorBody(error.code, error.message), headers: { [FAILURE_CAUSE_HEADER]: failureCauseOf(status) } };
    }
    if (operation.provisioningStatus !== OperationStatus.Completed) return { status: 204 };
    const renderer = this.renderers.find((candidate) => candidate.resourceTypeName === operation.resourceTypeName);
    const body = renderer === undefined ? undefined : await renderer.render(operation);
    return body === undefined ? { status: 204 } : { status: 200, body };
  }
}
