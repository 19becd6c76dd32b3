import { DomainError, DomainErrorKind, ErrorCode, IInfrastructureResource, IomtConnector } from '@iomt/domain';

/** Where a connector's infrastructure lives: chosen once, then read back from the connector. */
export interface ConnectorPlacement {
  readonly infrastructureSubscriptionId: string;
  readonly infrastructureResourceGroupName: string;
  readonly infrastructureLocation: string;
  /** ARM id of the regional App Service plan hosting the Function App. */
  readonly appServicePlanId: string;
}

/** Output names of the connector template (`@iomt/azure` `IOMT_OUTPUTS`): each `{ id, name, type }`. */
export const CONNECTOR_OUTPUTS = {
  eventHubNamespace: 'eventHubNamespace',
  storageAccount: 'storageAccount',
  keyVault: 'keyVault',
  streamAnalyticsJob: 'streamAnalyticsJob',
  functionApp: 'functionApp',
  functionAppPrincipalId: 'functionAppPrincipalId',
} as const;

/** The deployment succeeded but does not say what it deployed: a template bug, not worth retrying. */
export class MissingDeploymentOutputError extends DomainError {
  readonly code: string = ErrorCode.InternalServerError;
  readonly kind: DomainErrorKind = 'internal';
}

/** The connector with its placement recorded, before anything is deployed (so a re-run reuses it). */
export function withPlacement(connector: IomtConnector, placement: ConnectorPlacement): IomtConnector {
  return {
    ...connector,
    infrastructureSubscriptionId: placement.infrastructureSubscriptionId,
    infrastructureResourceGroupName: placement.infrastructureResourceGroupName,
    infrastructureLocation: placement.infrastructureLocation,
    function: { ...connector.function, functionAppServicePlanId: placement.appServicePlanId },
  };
}

/** The placement recorded on a connector, or undefined before one was chosen. */
export function placementOf(connector: IomtConnector): ConnectorPlacement | undefined {
  const { infrastructureSubscriptionId, infrastructureResourceGroupName, infrastructureLocation } = connector;
  const appServicePlanId = connector.function.functionAppServicePlanId;
  if (!infrastructureSubscriptionId || !infrastructureResourceGroupName || !infrastructureLocation || !appServicePlanId) {
    return undefined;
  }
  return { infrastructureSubscriptionId, infrastructureResourceGroupName, infrastructureLocation, appServicePlanId };
}

function resourceOf(outputs: Readonly<Record<string, unknown>>, name: string, placement: ConnectorPlacement): IInfrastructureResource {
  const value = outputs[name] as { id?: unknown; name?: unknown; type?: unknown } | undefined;
  if (typeof value?.id !== 'string' || typeof value.name !== 'string' || typeof value.type !== 'string') {
    throw new MissingDeploymentOutputError(`The connector deployment has no output '${name}' with the resource's id, name and type`);
  }
  return {
    infrastructureSubscriptionId: placement.infrastructureSubscriptionId,
    infrastructureResourceGroupName: placement.infrastructureResourceGroupName,
    infrastructureLocation: placement.infrastructureLocation,
    infrastructureResourceId: value.id,
    infrastructureResourceName: value.name,
    infrastructureResourceType: value.type,
  };
}

function principalIdOf(outputs: Readonly<Record<string, unknown>>): string | undefined {
  const value = outputs[CONNECTOR_OUTPUTS.functionAppPrincipalId];
  return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? value : undefined;
}

/**
 * The connector with the id, name and type of every deployed resource (the template's outputs)
 * recorded on its five definitions (seed 004 `IInfrastructureResource`), and the wiring between them.
 * @throws MissingDeploymentOutputError when an output is missing or malformed.
 */
export function withDeployedResources(
  connector: IomtConnector,
  placement: ConnectorPlacement,
  outputs: Readonly<Record<string, unknown>>,
): IomtConnector {
  const O = CONNECTOR_OUTPUTS;
  const eventHub = resourceOf(outputs, O.eventHubNamespace, placement);
  const functionApp = resourceOf(outputs, O.functionApp, placement);
  const principalId = principalIdOf(outputs);
  return {
    ...withPlacement(connector, placement),
    eventHub: { ...connector.eventHub, ...eventHub },
    storage: { ...connector.storage, ...resourceOf(outputs, O.storageAccount, placement) },
    keyVault: { ...connector.keyVault, ...resourceOf(outputs, O.keyVault, placement) },
    streamAnalytics: {
      ...connector.streamAnalytics,
      ...resourceOf(outputs, O.streamAnalyticsJob, placement),
      EventHubNamespace: eventHub.infrastructureResourceName,
      EventHubName: connector.eventHub.normalizedEventHubName,
      functionAppName: functionApp.infrastructureResourceName,
    },
    function: {
      ...connector.function,
      ...functionApp,
      functionAppServicePlanId: placement.appServicePlanId,
      ...(principalId === undefined ? {} : { managedIdentityObjectId: principalId }),
    },
  };
}
