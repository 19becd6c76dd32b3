import type { DeploymentExtended } from '@azure/arm-resources';
import { type DeploymentRequest, type DeploymentResult, TransientError } from '@iomt/domain';
import { ArmAuthorizationFailedError, ArmDeploymentFailedError, flattenArmError } from '../errors/arm-errors';
import { type ArmErrorObject, hasAuthorizationFailure } from '../errors/azure-errors';

/** Where a deployment stands, from its provisioning state. */
export type DeploymentPhase = 'active' | 'succeeded' | 'failed' | 'canceled';

/**
 * The phase of a deployment. Anything but the terminal states (Accepted, Running, Deploying,
 * Waiting and the states ARM adds over time) counts as active: wait rather than redeploy.
 */
export function deploymentPhase(deployment: DeploymentExtended): DeploymentPhase {
  const state = (deployment.properties?.provisioningState ?? 'NotSpecified').toLowerCase();
  if (state === 'succeeded') return 'succeeded';
  if (state === 'failed') return 'failed';
  if (state === 'canceled' || state === 'deleted' || state === 'deleting') return 'canceled';
  return 'active';
}

/** The template's outputs by name, unwrapped from ARM's `{ type, value }`. */
export function unwrapOutputs(outputs: Record<string, unknown> | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, output] of Object.entries(outputs ?? {})) {
    result[name] =
      typeof output === 'object' && output !== null && 'value' in output
        ? (output as { value: unknown }).value
        : output;
  }
  return result;
}

/** The result of a succeeded deployment. */
export function deploymentResultOf(deploymentName: string, deployment: DeploymentExtended): DeploymentResult {
  return { deploymentName, outputs: unwrapOutputs(deployment.properties?.outputs) };
}

/**
 * The result of a finished deployment, or the error it ended with: Failed → DeploymentFailed (or the
 * authorization failure inside it), Canceled or deleted → TransientError (deploying again is the retry).
 */
export function outcomeOf(request: DeploymentRequest, deployment: DeploymentExtended): DeploymentResult {
  const name = request.deploymentName;
  switch (deploymentPhase(deployment)) {
    case 'succeeded':
      return deploymentResultOf(name, deployment);
    case 'failed':
      throw failedDeploymentError(name, deployment.properties?.error);
    default:
      // Canceled (or deleted while we waited): deploying again is the retry.
      throw new TransientError(
        `The deployment '${name}' ended ${deployment.properties?.provisioningState ?? 'without a state'}`,
        {
          target: name,
        },
      );
  }
}

function failedDeploymentError(name: string, armError: ArmErrorObject | undefined): Error {
  if (hasAuthorizationFailure(armError)) {
    return new ArmAuthorizationFailedError(
      `The deployment '${name}' was not authorized: ${armError?.message ?? ''}`,
      'AuthorizationFailed',
      {
        target: name,
        details: flattenArmError(armError),
      },
    );
  }
  return new ArmDeploymentFailedError(name, armError);
}
