import { ConflictError, EventHubPolicyTarget, IomtConnector } from '@iomt/domain';
import { connectorLeafName } from './work-context';

/**
 * The device hub of a provisioned connector, where customers' connections are write-only policies.
 * @throws ConflictError when the connector has no Event Hubs namespace yet (not provisioned).
 */
export function deviceHubPolicy(connector: IomtConnector, ruleName: string): EventHubPolicyTarget {
  const { infrastructureSubscriptionId, infrastructureResourceGroupName, infrastructureResourceName } = connector.eventHub;
  if (!infrastructureSubscriptionId || !infrastructureResourceGroupName || !infrastructureResourceName) {
    throw new ConflictError(`IoMT connector ${connectorLeafName(connector)} is not provisioned; it has no device hub yet`, {
      target: 'iomtConnectorId',
    });
  }
  return {
    kind: 'eventHubAuthorizationRule',
    subscriptionId: infrastructureSubscriptionId,
    resourceGroupName: infrastructureResourceGroupName,
    namespaceName: infrastructureResourceName,
    eventHubName: connector.eventHub.deviceDataEventHubName,
    ruleName,
  };
}

/** The policy names with `name` added (once, ignoring case) or removed (every casing). */
export function withPolicyName(names: readonly string[], name: string, present: boolean): string[] {
  const others = names.filter((existing) => existing.toLowerCase() !== name.toLowerCase());
  return present ? [...others, name] : others;
}
