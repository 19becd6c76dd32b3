import { Inject, Injectable } from '@nestjs/common';
import type { OperationDocument } from '@iomt/domain';
import type { ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import { lroHeaders, operationUrls } from '../arm/lro-headers';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';

/** Builds the answers to accepted long-running requests: status, body and the LRO headers. */
@Injectable()
export class AcceptedResponses {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  /**
   * `status` (201/200 for PUT, 202 for DELETE, PATCH and POST) with `Azure-AsyncOperation`,
   * `Location` and `Retry-After` for `operation`, on the caller's host.
   */
  accepted(arm: ArmRequest, operation: OperationDocument, status: number, body?: unknown, pathPrefix?: string): ArmResponse {
    return { status, ...(body === undefined ? {} : { body }), headers: this.headersFor(arm, operation, pathPrefix) };
  }

  /** The LRO headers alone (an idempotent DELETE pointing at the delete already under way); `pathPrefix` as `operationUrls`. */
  headersFor(arm: ArmRequest, operation: OperationDocument, pathPrefix?: string): Record<string, string> {
    const urls = operationUrls({
      pathPrefix,
      baseUrl: arm.publicUrl.origin,
      subscriptionId: operation.subscriptionId,
      location: operation.primaryRegionName ?? 'global',
      operationId: operation.id,
      apiVersion: arm.apiVersion,
    });
    return lroHeaders(urls, this.config.LRO_RETRY_AFTER_SECONDS);
  }
}
