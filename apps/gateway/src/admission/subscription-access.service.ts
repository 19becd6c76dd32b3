import { Inject, Injectable } from '@nestjs/common';
import { ValidationError } from '@iomt/domain';
import { ArmErrorCode } from '../arm/arm-error-codes';
import { CodedConflictError } from '../arm/arm-errors';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config';
import {
  SUBSCRIPTION_REGISTRATION_REPOSITORY,
  SubscriptionRegistration,
  SubscriptionRegistrationRepository,
  SubscriptionState,
} from '../ports/subscription-registration.repository.port';

/** What a request does to resources, for the subscription-state rules. */
export type AccessKind = 'read' | 'write' | 'delete';

/** States in which each kind of request is served (arm-rpc.md §1.9). */
const ALLOWED: Readonly<Record<AccessKind, readonly SubscriptionState[]>> = {
  read: ['Registered', 'Warned', 'Suspended', 'Deleted', 'Unregistered'],
  write: ['Registered'],
  delete: ['Registered', 'Warned', 'Suspended'],
};

/**
 * Enforces the subscription lifecycle: writes (PUT, PATCH, POST) need `Registered`; DELETE is also
 * served in `Warned` and `Suspended`; GET always. Refusals: 409 `InvalidSubscriptionState` in
 * Warned/Suspended (ARM's own answer there), 400 for a deleted, unregistered or unknown subscription.
 * On the local stack (`LOCAL_AUTO_REGISTER_SUBSCRIPTIONS`) an unknown subscription counts as
 * Registered, since no ARM is there to announce it.
 */
@Injectable()
export class SubscriptionAccess {
  constructor(
    @Inject(SUBSCRIPTION_REGISTRATION_REPOSITORY) private readonly registrations: SubscriptionRegistrationRepository,
    @Inject(GATEWAY_CONFIG) private readonly config: Pick<GatewayConfig, 'LOCAL_AUTO_REGISTER_SUBSCRIPTIONS'>,
  ) {}

  async assertAllowed(subscriptionId: string, access: AccessKind): Promise<void> {
    if (access === 'read') return;
    this.assertAllowedGiven(subscriptionId, await this.registrations.get(subscriptionId), access);
  }

  /** {@link assertAllowed} on a registration already read (the write snapshot reads it with the rest). */
  assertAllowedGiven(subscriptionId: string, registration: SubscriptionRegistration | undefined, access: AccessKind): void {
    if (access === 'read') return;
    const state = registration?.state ?? (this.config.LOCAL_AUTO_REGISTER_SUBSCRIPTIONS ? 'Registered' : undefined);
    if (state !== undefined && ALLOWED[access].includes(state)) return;
    if (state === 'Warned' || state === 'Suspended') {
      throw new CodedConflictError(
        ArmErrorCode.InvalidSubscriptionState,
        `The subscription '${subscriptionId}' is ${state}; only GET and DELETE requests are allowed.`,
        { target: 'subscriptionId' },
      );
    }
    const why = state === undefined ? 'is not registered with Microsoft.HealthcareApis' : `is ${state}`;
    throw new ValidationError(`The subscription '${subscriptionId}' ${why}.`, {
      code: state === undefined ? ArmErrorCode.SubscriptionNotRegistered : ArmErrorCode.InvalidSubscriptionState,
      target: 'subscriptionId',
    });
  }
}
