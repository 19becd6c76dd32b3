import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { OperationInitiator } from '@iomt/domain';
import { callerIdentityOf } from './caller-identity';
import { GatewayRequest, headerValue, REQUEST_ID_HEADER } from './gateway-request';
import { publicRequestUrl } from './public-url';
import { ArmSystemData, parseSystemDataHeader } from './system-data';

/** W3C `traceparent`: version, trace id, parent span id, flags. */
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/** What an ARM handler knows about its request beyond path and body. */
export interface ArmRequest {
  /** The api-version, checked for the route's resource type. */
  readonly apiVersion: string;
  /** The URL the caller used (from `referer`): LRO and `nextLink` URLs are built on it. */
  readonly publicUrl: URL;
  /** Our request id (`x-ms-request-id`). */
  readonly requestId?: string;
  /** Who created and changed the resource, from `x-ms-arm-resource-system-data`. */
  readonly systemData?: ArmSystemData;
  readonly ifMatch?: string;
  readonly ifNoneMatch?: string;
  /**
   * Who ARM says is calling (`x-ms-home-tenant-id`, `x-ms-client-object-id`...): recorded as the
   * initiator of the operations the request starts, and matched against it when it polls one.
   */
  readonly caller?: OperationInitiator;
  /** Trace ids of the caller, stored on operations (`loggingRootId`, `loggingParentId`). */
  readonly trace: { readonly rootId?: string; readonly parentId?: string };
  /** The JSON body, if any, and its text. */
  readonly body: unknown;
  readonly rawBody?: string;
  /** Query parameters (`$skipToken`, `$top`...). */
  readonly query: Readonly<Record<string, unknown>>;
}

function traceOf(request: GatewayRequest): ArmRequest['trace'] {
  const match = TRACEPARENT.exec(headerValue(request, 'traceparent') ?? '');
  return match === null ? {} : { rootId: match[1], parentId: match[2] };
}

/** Builds the {@link ArmRequest} of a request; a malformed systemData or identity header throws a 400. */
export function armRequestOf(request: GatewayRequest, requestId?: string): ArmRequest {
  const systemDataHeader = request.systemDataHeader;
  return {
    apiVersion: request.armApiVersion ?? '',
    publicUrl: publicRequestUrl(request),
    requestId,
    systemData: systemDataHeader === undefined ? undefined : parseSystemDataHeader(systemDataHeader),
    ifMatch: headerValue(request, 'if-match'),
    ifNoneMatch: headerValue(request, 'if-none-match'),
    caller: callerIdentityOf(request),
    trace: traceOf(request),
    body: request.body,
    rawBody: request.rawBody,
    query: request.query,
  };
}

/** Injects the {@link ArmRequest}: `handle(@Arm() arm: ArmRequest)`. */
export const Arm = createParamDecorator((_data: unknown, context: ExecutionContext): ArmRequest => {
  const http = context.switchToHttp();
  const response = http.getResponse<{ getHeader(name: string): unknown }>();
  const requestId = response.getHeader(REQUEST_ID_HEADER);
  return armRequestOf(http.getRequest<GatewayRequest>(), typeof requestId === 'string' ? requestId : undefined);
});
