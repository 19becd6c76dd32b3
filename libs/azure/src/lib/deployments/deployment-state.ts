import type { DeploymentExtended } from '@azure/arm-resources';
import type { DeploymentResult } from '@iomt/domain';

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
    result[name] = typeof output === 'object' && output !== null && 'value' in output ? (output as { value: unknown }).value : output;
  }
  return result;
}

/** The result of a succeeded deployment. */
export function deploymentResultOf(deploymentName: string, deployment: DeploymentExtended): DeploymentResult {
  return { deploymentName, outputs: unwrapOutputs(deployment.properties?.outputs) };
}
