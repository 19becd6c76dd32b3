import { resourceGroupName, subscriptionId, text } from '../validation/rules';

/**
 * Where a service's infrastructure lives (seed 004 `IInfrastructureEntity`): the infrastructure
 * subscription, not the customer's. Absent until the provisioner has placed the resource.
 */
export interface IInfrastructureEntity {
  /** Infrastructure subscription id, e.g. `c243745d-50bb-48d1-9e62-3f72efb3166c`. */
  readonly infrastructureSubscriptionId?: string;
  /** Resource group in that subscription, e.g. `rg-iomt-fhirsrv-name`. */
  readonly infrastructureResourceGroupName?: string;
  /** The resource location, e.g. `westus2`. */
  readonly infrastructureLocation?: string;
}

/** One Azure resource deployed on a customer's behalf (seed 004 `IInfrastructureResource`). */
export interface IInfrastructureResource extends IInfrastructureEntity {
  /** The resource id, e.g. `Microsoft.EventHub/namespaces/accountA-iomt1-ehn` or a full ARM id. */
  readonly infrastructureResourceId?: string;
  /** The resource name, e.g. `accountA-iomt1-ehn`. */
  readonly infrastructureResourceName?: string;
  /** The resource type, e.g. `Microsoft.EventHub/namespaces`. */
  readonly infrastructureResourceType?: string;
}

/** Schema fields of {@link IInfrastructureEntity}. */
export const infrastructureEntityShape = {
  infrastructureSubscriptionId: subscriptionId().optional(),
  infrastructureResourceGroupName: resourceGroupName().optional(),
  infrastructureLocation: text().optional(),
};

/** Schema fields of {@link IInfrastructureResource}. */
export const infrastructureResourceShape = {
  ...infrastructureEntityShape,
  infrastructureResourceId: text().optional(),
  infrastructureResourceName: text().optional(),
  infrastructureResourceType: text().optional(),
};
