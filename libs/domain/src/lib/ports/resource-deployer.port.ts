import type { CallOptions } from './call-options';

/** One ARM template deployment into a resource group of an infrastructure subscription. */
export interface DeploymentRequest {
  readonly subscriptionId: string;
  /** Created (with `location` and `tags`) when missing. */
  readonly resourceGroupName: string;
  readonly location: string;
  /** Deterministic, from the model's `deploymentName(operationId, step)`, so a retry re-attaches. */
  readonly deploymentName: string;
  readonly template: Readonly<Record<string, unknown>>;
  /** Parameter values by name; the adapter wraps each as `{ value }`. */
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly tags?: Readonly<Record<string, string>>;
}

/** A finished, successful deployment. */
export interface DeploymentResult {
  readonly deploymentName: string;
  /** The template's `outputs`, by name, unwrapped from `{ type, value }`. */
  readonly outputs: Readonly<Record<string, unknown>>;
}

/** Deploys ARM templates and removes resource groups (incremental mode; waits for the end). */
export interface ResourceDeployer {
  /**
   * Deploys and waits. An already running deployment of the same name is awaited, not restarted.
   * @throws a DomainError: TransientError/ThrottledError when worth retrying, another kind with
   * the deployment's error code otherwise.
   */
  deploy(request: DeploymentRequest, options?: CallOptions): Promise<DeploymentResult>;

  /** Deletes a resource group and waits; a group that does not exist is already deleted. */
  deleteResourceGroup(subscriptionId: string, resourceGroupName: string, options?: CallOptions): Promise<void>;
}

/** DI token of {@link ResourceDeployer}. */
export const RESOURCE_DEPLOYER = Symbol.for('@iomt/domain:ResourceDeployer');
