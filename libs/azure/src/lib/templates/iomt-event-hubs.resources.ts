import { type ArmTemplateResource, expression, literal, parameter, resourceIdOf, variable } from './arm-template';
import {
  EVENT_HUB_PARTITIONS,
  EVENT_HUB_RETENTION_DAYS,
  IOMT_API_VERSIONS,
  IOMT_FUNCTION_POLICY_NAMES,
  P,
  V,
} from './iomt-connector.constants';

const NAMESPACE_TYPE = 'Microsoft.EventHub/namespaces';
const HUB_TYPE = 'Microsoft.EventHub/namespaces/eventhubs';
const RULE_TYPE = 'Microsoft.EventHub/namespaces/eventhubs/authorizationRules';

/** Resource-id variables of the Event Hubs part. */
export function eventHubVariables(): Record<string, string> {
  const ns = parameter(P.eventHubNamespaceName);
  const device = parameter(P.deviceEventHubName);
  const normalized = parameter(P.normalizedEventHubName);
  return {
    [V.namespaceId]: expression(resourceIdOf(NAMESPACE_TYPE, ns)),
    [V.deviceHubId]: expression(resourceIdOf(HUB_TYPE, ns, device)),
    [V.normalizedHubId]: expression(resourceIdOf(HUB_TYPE, ns, normalized)),
    [V.deviceListenRuleId]: expression(
      resourceIdOf(RULE_TYPE, ns, device, literal(IOMT_FUNCTION_POLICY_NAMES.deviceListen)),
    ),
    [V.normalizedSendRuleId]: expression(
      resourceIdOf(RULE_TYPE, ns, normalized, literal(IOMT_FUNCTION_POLICY_NAMES.normalizedSend)),
    ),
    [V.readerRuleId]: expression(resourceIdOf(RULE_TYPE, ns, normalized, parameter(P.streamAnalyticsPolicyName))),
  };
}

function hub(nameParameter: string): ArmTemplateResource {
  return {
    type: HUB_TYPE,
    apiVersion: IOMT_API_VERSIONS.eventHub,
    name: expression(`concat(${parameter(P.eventHubNamespaceName)}, '/', ${parameter(nameParameter)})`),
    dependsOn: [expression(variable(V.namespaceId))],
    properties: { partitionCount: EVENT_HUB_PARTITIONS, messageRetentionInDays: EVENT_HUB_RETENTION_DAYS },
  };
}

function rule(
  hubParameter: string,
  hubVariable: string,
  ruleName: string,
  rights: readonly string[],
): ArmTemplateResource {
  return {
    type: RULE_TYPE,
    apiVersion: IOMT_API_VERSIONS.eventHub,
    name: expression(
      `concat(${parameter(P.eventHubNamespaceName)}, '/', ${parameter(hubParameter)}, '/', ${ruleName})`,
    ),
    dependsOn: [expression(variable(hubVariable))],
    properties: { rights: [...rights] },
  };
}

/**
 * The Event Hubs namespace with the device hub (devices write, the normalization function
 * listens) and the normalized hub (the function sends, Stream Analytics listens), each use with
 * its own least-privilege policy so that rotating one never disturbs another.
 */
export function eventHubResources(): ArmTemplateResource[] {
  return [
    {
      type: NAMESPACE_TYPE,
      apiVersion: IOMT_API_VERSIONS.eventHub,
      name: expression(parameter(P.eventHubNamespaceName)),
      location: expression(parameter(P.location)),
      tags: expression(parameter(P.tags)),
      sku: { name: 'Standard', tier: 'Standard', capacity: expression(parameter(P.throughputUnits)) },
      properties: { minimumTlsVersion: '1.2', isAutoInflateEnabled: false },
    },
    hub(P.deviceEventHubName),
    hub(P.normalizedEventHubName),
    rule(P.deviceEventHubName, V.deviceHubId, literal(IOMT_FUNCTION_POLICY_NAMES.deviceListen), ['Listen']),
    rule(P.normalizedEventHubName, V.normalizedHubId, literal(IOMT_FUNCTION_POLICY_NAMES.normalizedSend), ['Send']),
    rule(P.normalizedEventHubName, V.normalizedHubId, parameter(P.streamAnalyticsPolicyName), ['Listen']),
  ];
}
