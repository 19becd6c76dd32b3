import type { DeploymentRequest, EventHubPolicyTarget, IomtConnector } from '@iomt/domain';

/** Where the connector goes, as `@iomt/azure`'s `IomtConnectorPlacement`. */
export interface ConnectorDeploymentPlacement {
  readonly infrastructureSubscriptionId: string;
  readonly location: string;
  readonly appServicePlanId: string;
}

/**
 * Builds the connector's deployment: `@iomt/azure`'s `iomtConnectorDeploymentRequest` and
 * `iomtResourceGroupName` (its templates, names and parameters). A seam so the use case depends
 * on what it needs, not on where the template comes from.
 */
export interface ConnectorDeploymentPlanner {
  /** The infrastructure resource group of the connector, `rg-iomt-{fhir service}-{connector}`. */
  resourceGroupName(connector: IomtConnector): string;

  /** The one deployment of the connector's infrastructure, named from the operation id. */
  deploymentRequest(input: {
    readonly connector: IomtConnector;
    readonly placement: ConnectorDeploymentPlacement;
    readonly operationId: string;
  }): DeploymentRequest;
}

/** DI token of {@link ConnectorDeploymentPlanner}. */
export const CONNECTOR_DEPLOYMENT_PLANNER = Symbol.for('@iomt/iomt-provisioner:ConnectorDeploymentPlanner');

/**
 * Adds and removes the shared access policies of a hub: the shape of `@iomt/azure`'s
 * `EventHubPolicyManager`. The domain's `ResourceDeployer` deploys incrementally and cannot remove
 * one resource, so connections need this narrower port.
 */
export interface DevicePolicyManager {
  /** Creates or updates the policy with exactly these rights (a PUT: doing it twice is harmless). */
  putPolicy(target: EventHubPolicyTarget, rights: readonly ('Listen' | 'Send' | 'Manage')[]): Promise<void>;

  /** Deletes the policy; false when it did not exist. */
  deletePolicy(target: EventHubPolicyTarget): Promise<boolean>;
}

/** DI token of {@link DevicePolicyManager}. */
export const DEVICE_POLICY_MANAGER = Symbol.for('@iomt/iomt-provisioner:DevicePolicyManager');
