import type { ArmErrorDetail } from './arm-error';

/** One entry of `deployments/{name}/operations`: what the deployment did to one resource. */
export interface DeploymentOperationRecord {
  readonly operationId: string;
  readonly provisioningState: 'Succeeded' | 'Failed';
  readonly provisioningOperation: 'Create';
  readonly timestamp: string;
  readonly statusCode: string;
  readonly statusMessage?: { readonly error: ArmErrorDetail };
  readonly targetResource: { readonly id: string; readonly resourceType: string; readonly resourceName: string };
}

/** A template deployment in a resource group. */
export interface DeploymentRecord {
  readonly id: string;
  readonly name: string;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly mode: string;
  readonly correlationId: string;
  readonly template: unknown;
  readonly suppliedParameters: unknown;
  readonly parameters: Record<string, { type: string; value?: unknown }>;
  readonly timestamp: string;
  /** The long-running operation that carries it out. */
  readonly operationId: string;
  /** Set when a fault says this deployment must end Failed. */
  readonly injectedFailure?: ArmErrorDetail;
  provisioningState: 'Accepted' | 'Running' | 'Succeeded' | 'Failed';
  duration?: string;
  outputs?: Record<string, { type: string; value: unknown }>;
  outputResources: { id: string }[];
  error?: ArmErrorDetail;
  operations: DeploymentOperationRecord[];
}

/** The `DeploymentExtended` JSON. */
export function deploymentView(record: DeploymentRecord) {
  const {
    id,
    name,
    mode,
    correlationId,
    parameters,
    timestamp,
    provisioningState,
    duration,
    outputs,
    outputResources,
    error,
  } = record;
  return {
    id,
    name,
    type: 'Microsoft.Resources/deployments',
    properties: {
      provisioningState,
      mode,
      correlationId,
      timestamp,
      parameters,
      outputResources,
      ...(duration ? { duration } : {}),
      ...(outputs ? { outputs } : {}),
      ...(error ? { error } : {}),
    },
  };
}

/** The `DeploymentOperation` JSON. */
export function deploymentOperationView(deployment: DeploymentRecord, operation: DeploymentOperationRecord) {
  const { operationId, ...properties } = operation;
  return { id: `${deployment.id}/operations/${operationId}`, operationId, properties };
}
