import { assertResourceGroupName, type DeploymentRequest, ErrorCode, ValidationError } from '@iomt/domain';

/** ARM deployment names: 1-64 letters, digits, `-`, `_`, `.`, `(` and `)`. */
const DEPLOYMENT_NAME = /^[-\w.()]{1,64}$/;

/** Checks what ARM would refuse in a request, before any call. @throws ValidationError */
export function checkDeploymentRequest(request: DeploymentRequest): void {
  assertResourceGroupName(request.resourceGroupName);
  if (!DEPLOYMENT_NAME.test(request.deploymentName)) {
    throw new ValidationError(
      `The deployment name '${request.deploymentName}' is invalid: use 1-64 letters, digits, '-', '_', '.', '(' or ')'.`,
      {
        code: ErrorCode.InvalidParameter,
        target: 'deploymentName',
      },
    );
  }
  if (request.location.trim() === '') {
    throw new ValidationError('The deployment location must not be empty.', {
      code: ErrorCode.InvalidLocation,
      target: 'location',
    });
  }
}

/** ARM wants every parameter as `{ value }`. */
export function wrapParameters(parameters: Readonly<Record<string, unknown>>): Record<string, { value: unknown }> {
  return Object.fromEntries(Object.entries(parameters).map(([name, value]) => [name, { value }]));
}
