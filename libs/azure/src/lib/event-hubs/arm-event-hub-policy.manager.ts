import {
  assertResourceGroupName,
  type CallOptions,
  ErrorCode,
  type EventHubPolicyTarget,
  ValidationError,
} from '@iomt/domain';
import type { ArmClients } from '../client/arm-clients';
import { mapArmError, withArmErrors } from '../errors/arm-error.mapper';
import { isNotFound } from '../errors/azure-errors';
import type { EventHubPolicyManager, EventHubPolicyRight } from './event-hub-policy-manager.port';

const RIGHTS: readonly EventHubPolicyRight[] = ['Listen', 'Send', 'Manage'];

/** {@link EventHubPolicyManager} with `@azure/arm-eventhub` (direct PUT and DELETE of the rule). */
export class ArmEventHubPolicyManager implements EventHubPolicyManager {
  constructor(private readonly clients: ArmClients) {}

  async putPolicy(
    target: EventHubPolicyTarget,
    rights: readonly EventHubPolicyRight[],
    options: CallOptions = {},
  ): Promise<void> {
    assertResourceGroupName(target.resourceGroupName);
    checkRights(rights);
    const { resourceGroupName: rg, namespaceName: ns, eventHubName: hub, ruleName: rule } = target;
    const body = { rights: [...rights] };
    const callOptions = { abortSignal: options.signal };
    await withArmErrors(
      async () => {
        const client = this.clients.eventHubs(target.subscriptionId);
        if (hub === undefined) await client.namespaces.createOrUpdateAuthorizationRule(rg, ns, rule, body, callOptions);
        else await client.eventHubs.createOrUpdateAuthorizationRule(rg, ns, hub, rule, body, callOptions);
      },
      (error) => mapArmError(error, `put the authorization rule '${rule}' of '${scopeOf(target)}'`),
      options.signal,
    );
  }

  async deletePolicy(target: EventHubPolicyTarget, options: CallOptions = {}): Promise<boolean> {
    assertResourceGroupName(target.resourceGroupName);
    const { resourceGroupName: rg, namespaceName: ns, eventHubName: hub, ruleName: rule } = target;
    const callOptions = { abortSignal: options.signal };
    return withArmErrors(
      async () => {
        const client = this.clients.eventHubs(target.subscriptionId);
        // DELETE answers 204 for a rule that is already gone; GET first tells the caller which it was.
        try {
          if (hub === undefined) await client.namespaces.getAuthorizationRule(rg, ns, rule, callOptions);
          else await client.eventHubs.getAuthorizationRule(rg, ns, hub, rule, callOptions);
        } catch (error) {
          if (isNotFound(error)) return false;
          throw error;
        }
        if (hub === undefined) await client.namespaces.deleteAuthorizationRule(rg, ns, rule, callOptions);
        else await client.eventHubs.deleteAuthorizationRule(rg, ns, hub, rule, callOptions);
        return true;
      },
      (error) => mapArmError(error, `delete the authorization rule '${rule}' of '${scopeOf(target)}'`),
      options.signal,
    );
  }
}

function checkRights(rights: readonly EventHubPolicyRight[]): void {
  const unknown = rights.filter((r) => !RIGHTS.includes(r));
  if (rights.length === 0 || unknown.length > 0) {
    throw new ValidationError(
      `Policy rights must be a non-empty list of ${RIGHTS.join(', ')}; got ${JSON.stringify(rights)}.`,
      {
        code: ErrorCode.InvalidParameter,
        target: 'rights',
      },
    );
  }
  if (rights.includes('Manage') && !(rights.includes('Listen') && rights.includes('Send'))) {
    throw new ValidationError("A policy with 'Manage' must also have 'Listen' and 'Send' (an Event Hubs rule).", {
      code: ErrorCode.InvalidParameter,
      target: 'rights',
    });
  }
}

function scopeOf(target: EventHubPolicyTarget): string {
  return target.eventHubName === undefined ? target.namespaceName : `${target.namespaceName}/${target.eventHubName}`;
}
