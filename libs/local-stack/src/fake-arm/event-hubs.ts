import { z } from 'zod';
import { ArmError } from './arm-error';
import type { ArmResourceRecord, ArmState, ResourceBehaviour } from './arm-state';
import { EVENT_HUBS_KEY_BYTES, ensureKeys, newAccessKey } from './access-keys';
import { parseBody } from './body-schema';
import { parseResourceId } from './resource-id';
import type { ArmRequest, ArmRoute } from './router';

const NAMESPACE_TYPE = 'Microsoft.EventHub/namespaces';
const NAMESPACE_RULE_TYPE = 'Microsoft.EventHub/namespaces/authorizationRules';
const HUB_RULE_TYPE = 'Microsoft.EventHub/namespaces/eventhubs/authorizationRules';
const NAMESPACE =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.EventHub/namespaces/{namespaceName}';
/** Azure creates this rule with every namespace. */
export const ROOT_RULE = 'RootManageSharedAccessKey';

const KEY_SLOTS = ['primaryKey', 'secondaryKey'] as const;
const regenerateBody = z.object({
  keyType: z.enum(['PrimaryKey', 'SecondaryKey']),
  key: z.string().min(1).optional(),
});
const rights = z.array(z.enum(['Listen', 'Send', 'Manage'])).min(1);

/** Namespaces get the root rule and their endpoint; rules get keys and checked rights. */
export function eventHubBehaviours(): ResourceBehaviour[] {
  const ruleBehaviour = (type: string): ResourceBehaviour => ({
    type,
    beforeWrite: (incoming) => checkRights(incoming.properties.rights),
    listKeys: (record) => accessKeys(record),
  });
  return [
    {
      type: NAMESPACE_TYPE,
      afterWrite: (record, state) => {
        record.properties.serviceBusEndpoint = `https://${record.name}.servicebus.windows.net:443/`;
        const rootId = `${record.id}/authorizationRules/${ROOT_RULE}`;
        if (!state.resource(rootId)) state.write({ id: rootId, properties: { rights: ['Listen', 'Manage', 'Send'] } });
      },
    },
    ruleBehaviour(NAMESPACE_RULE_TYPE),
    ruleBehaviour(HUB_RULE_TYPE),
  ];
}

/** listKeys and regenerateKeys on namespace and event hub authorization rules. */
export function eventHubRoutes(state: ArmState): ArmRoute[] {
  const scopes = [
    { prefix: `${NAMESPACE}/authorizationRules/{authorizationRuleName}`, type: NAMESPACE_RULE_TYPE },
    { prefix: `${NAMESPACE}/eventhubs/{eventHubName}/authorizationRules/{authorizationRuleName}`, type: HUB_RULE_TYPE },
  ];
  return scopes.flatMap(({ prefix, type }) => [
    {
      method: 'POST',
      template: `${prefix}/listKeys`,
      handle: (r: ArmRequest) => ({ status: 200, body: accessKeys(requireRule(state, r, type)) }),
    },
    {
      method: 'POST',
      template: `${prefix}/regenerateKeys`,
      handle: (r: ArmRequest) => {
        const rule = requireRule(state, r, type);
        const body = parseBody(regenerateBody, r.body, 'regenerate keys request');
        ensureKeys(rule, KEY_SLOTS, EVENT_HUBS_KEY_BYTES);
        rule.secrets[body.keyType === 'PrimaryKey' ? 'primaryKey' : 'secondaryKey'] =
          body.key ?? newAccessKey(EVENT_HUBS_KEY_BYTES);
        return { status: 200, body: accessKeys(rule) };
      },
    },
  ]);
}

/** The `AccessKeys` answer, with connection strings formed as Azure forms them. */
export function accessKeys(rule: ArmResourceRecord) {
  const { primaryKey, secondaryKey } = ensureKeys(rule, KEY_SLOTS, EVENT_HUBS_KEY_BYTES);
  const [namespace, ...rest] = parseResourceId(rule.id)?.names ?? [];
  const hub = rest.length > 1 ? rest[0] : undefined;
  const connectionString = (key: string) =>
    `Endpoint=sb://${namespace}.servicebus.windows.net/;SharedAccessKeyName=${rule.name};SharedAccessKey=${key}` +
    (hub ? `;EntityPath=${hub}` : '');
  return {
    primaryConnectionString: connectionString(primaryKey),
    secondaryConnectionString: connectionString(secondaryKey),
    primaryKey,
    secondaryKey,
    keyName: rule.name,
  };
}

function requireRule(state: ArmState, request: ArmRequest, type: string): ArmResourceRecord {
  const id = request.path.replace(/\/(listKeys|regenerateKeys)\/*$/i, '');
  const rule = state.resource(id);
  if (!rule) {
    throw new ArmError(
      404,
      'NotFound',
      `The authorization rule '${request.params.authorizationRuleName}' (${type}) was not found under '${id}'.`,
    );
  }
  return rule;
}

function checkRights(value: unknown): void {
  if (value === undefined) return;
  const result = rights.safeParse(value);
  if (!result.success) {
    throw new ArmError(
      400,
      'InvalidRequestContent',
      `properties.rights must be a non-empty list of 'Listen', 'Send' and 'Manage', got ${JSON.stringify(value)}.`,
    );
  }
}
