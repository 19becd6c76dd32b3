import type { DeploymentRequest, DeploymentResult, ResourceDeployer } from '../index';

/**
 * Deploys nothing: records requests, remembers finished deployment names (a deployment of a name
 * already finished is not run again, as ARM re-attaches) and fails when told to.
 */
export class RecordingDeployer implements ResourceDeployer {
  readonly deployments: DeploymentRequest[] = [];
  readonly finished = new Set<string>();
  readonly deletedGroups: string[] = [];
  /** The outputs a deployment returns. */
  outputsFor: (request: DeploymentRequest) => Record<string, unknown> = () => ({});
  /** Thrown by the next call to deploy or delete, then cleared. */
  nextFailure: Error | undefined;

  async deploy(request: DeploymentRequest): Promise<DeploymentResult> {
    this.throwPlannedFailure();
    if (!this.finished.has(request.deploymentName)) this.deployments.push(request);
    this.finished.add(request.deploymentName);
    return { deploymentName: request.deploymentName, outputs: this.outputsFor(request) };
  }

  async deleteResourceGroup(subscriptionId: string, resourceGroupName: string): Promise<void> {
    this.throwPlannedFailure();
    this.deletedGroups.push(`${subscriptionId}/${resourceGroupName}`);
  }

  private throwPlannedFailure(): void {
    const failure = this.nextFailure;
    this.nextFailure = undefined;
    if (failure !== undefined) throw failure;
  }
}
