import type { ArmResourceRecord, ArmState } from './arm-state';
import { isJsonObject } from './json-merge';
import { parseResourceId } from './resource-id';

/** The `ResourceTestStatus` an input test answers. */
export interface InputTestStatus {
  readonly status: 'TestSucceeded' | 'TestFailed';
  readonly error?: { readonly code: string; readonly message: string };
}

/**
 * Tests an input definition the way ASA's connection test does for Event Hubs: the hub must
 * exist and the shared access key must be one of the policy's current keys (a rotated-away key
 * fails). Other input types pass.
 */
export function testInput(state: ArmState, properties: Record<string, unknown>): InputTestStatus {
  const datasource = properties.datasource;
  if (!isJsonObject(datasource)) return failed('properties.datasource is missing.');
  if (typeof datasource.type !== 'string' || !/EventHub$/i.test(datasource.type)) return { status: 'TestSucceeded' };
  const source = isJsonObject(datasource.properties) ? datasource.properties : {};
  const namespace = String(source.serviceBusNamespace ?? '');
  const hubName = String(source.eventHubName ?? '');
  const hub = findHub(state, namespace, hubName);
  if (!hub) return failed(`The event hub '${hubName}' in namespace '${namespace}' was not found.`);
  if (source.authenticationMode === 'Msi') return { status: 'TestSucceeded' };
  const policyName = String(source.sharedAccessPolicyName ?? '');
  const rule = findRule(state, hub, policyName);
  if (!rule)
    return failed(`The shared access policy '${policyName}' was not found on event hub '${namespace}/${hubName}'.`);
  const keys = state.listKeys(rule.id) as { primaryKey: string; secondaryKey: string };
  if (source.sharedAccessPolicyKey !== keys.primaryKey && source.sharedAccessPolicyKey !== keys.secondaryKey) {
    return failed(`The shared access policy key for '${policyName}' on '${namespace}/${hubName}' is not valid.`);
  }
  return { status: 'TestSucceeded' };
}

function findHub(state: ArmState, namespace: string, hub: string): ArmResourceRecord | undefined {
  return state.list({ type: 'Microsoft.EventHub/namespaces/eventhubs' }).find((record) => {
    const names = parseResourceId(record.id)?.names ?? [];
    return names[0]?.toLowerCase() === namespace.toLowerCase() && names[1]?.toLowerCase() === hub.toLowerCase();
  });
}

/** A policy on the hub itself, else on its namespace. */
function findRule(state: ArmState, hub: ArmResourceRecord, policy: string): ArmResourceRecord | undefined {
  const namespaceId = parseResourceId(hub.id)?.parentId ?? '';
  return (
    state.resource(`${hub.id}/authorizationRules/${policy}`) ??
    state.resource(`${namespaceId}/authorizationRules/${policy}`)
  );
}

function failed(message: string): InputTestStatus {
  return { status: 'TestFailed', error: { code: 'BadRequest', message } };
}
