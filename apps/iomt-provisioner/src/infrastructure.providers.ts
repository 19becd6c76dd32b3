import type { Provider } from '@nestjs/common';
import { EVENT_HUB_POLICY_MANAGER, iomtConnectorDeploymentRequest, iomtResourceGroupName } from '@iomt/azure';
import { CLOCK, systemClock } from '@iomt/domain';
import { CONNECTOR_DEPLOYMENT_PLANNER, ConnectorDeploymentPlanner, DEVICE_POLICY_MANAGER } from './shared/iomt-infrastructure.port';

/** `@iomt/azure`'s connector template and names behind the use case's planner seam. */
export const azureConnectorPlanner: ConnectorDeploymentPlanner = {
  resourceGroupName: (connector) => iomtResourceGroupName(connector),
  deploymentRequest: ({ connector, placement, operationId }) => iomtConnectorDeploymentRequest({ connector, placement, operationId }),
};

/** The app's own seams, bound to `@iomt/azure` (whose module binds the domain's ARM ports). */
export const infrastructureProviders: Provider[] = [
  { provide: CLOCK, useValue: systemClock },
  { provide: CONNECTOR_DEPLOYMENT_PLANNER, useValue: azureConnectorPlanner },
  { provide: DEVICE_POLICY_MANAGER, useExisting: EVENT_HUB_POLICY_MANAGER },
];
