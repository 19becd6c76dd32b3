/** The ARM error body (common-types `ErrorResponse`): `{"error":{"code","message",...}}`. */
export interface ArmErrorDetail {
  readonly code: string;
  readonly message: string;
  readonly target?: string;
  readonly details?: readonly ArmErrorDetail[];
}

/** The JSON body of every error the fake ARM returns. */
export interface ArmErrorBody {
  readonly error: ArmErrorDetail;
}

/**
 * An error answered to the client as an HTTP status with an ARM error body. Route handlers throw
 * it; the request pipeline turns it into the response.
 */
export class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
    readonly details?: readonly ArmErrorDetail[],
  ) {
    super(message);
    this.name = 'ArmError';
  }

  /** The response body for this error. */
  toBody(): ArmErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

/** 400 InvalidRequestContent: a body the route cannot accept. */
export function invalidRequestContent(message: string): ArmError {
  return new ArmError(400, 'InvalidRequestContent', message);
}

/** 404 ResourceNotFound for a resource id and its type. */
export function resourceNotFound(type: string, id: string): ArmError {
  return new ArmError(404, 'ResourceNotFound', `The Resource '${type}' under id '${id}' was not found.`);
}

/** 404 ResourceGroupNotFound. */
export function resourceGroupNotFound(name: string): ArmError {
  return new ArmError(404, 'ResourceGroupNotFound', `Resource group '${name}' could not be found.`);
}
