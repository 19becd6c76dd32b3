import { Inject, Injectable } from '@nestjs/common';
import { assertSubscriptionId, CLOCK, Clock, ValidationError } from '@iomt/domain';
import { ArmErrorCode } from '../arm/arm-error-codes';
import type { ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import {
  SUBSCRIPTION_REGISTRATION_REPOSITORY,
  SubscriptionRegistration,
  SubscriptionRegistrationRepository,
} from '../ports/subscription-registration.repository.port';
import { SubscriptionDeletionCascade } from './subscription-deletion.cascade';
import { parseSubscriptionBody } from './subscription.request-body';

/**
 * `PUT /subscriptions/{id}?api-version=2.0`, ARM's subscription lifecycle notification (arm-rpc.md
 * §1.9): the latest state always wins, except that `Deleted` is final. 201 the first time, 200
 * after, echoing the notification. `Deleted` starts deprovisioning every FHIR service; when some
 * were busy the answer is 202, which ARM answers by notifying again later.
 */
@Injectable()
export class SubscriptionPutHandler {
  constructor(
    @Inject(SUBSCRIPTION_REGISTRATION_REPOSITORY) private readonly registrations: SubscriptionRegistrationRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly cascade: SubscriptionDeletionCascade,
  ) {}

  async handle(requestedId: string, arm: ArmRequest): Promise<ArmResponse> {
    const subscriptionId = assertSubscriptionId(requestedId).toLowerCase();
    const body = parseSubscriptionBody(arm.body);
    const stored = await this.registrations.get(subscriptionId);
    if (stored?.state === 'Deleted' && body.state !== 'Deleted') {
      throw new ValidationError(`The subscription '${subscriptionId}' is Deleted; it cannot become ${body.state}.`, {
        code: ArmErrorCode.InvalidSubscriptionState,
        target: 'state',
      });
    }
    const registration: SubscriptionRegistration = {
      subscriptionId,
      state: body.state,
      ...(body.registrationDate === undefined ? {} : { registrationDate: body.registrationDate }),
      ...(body.properties === undefined ? {} : { properties: body.properties }),
      timeLastUpdated: this.clock.now().toISOString(),
    };
    await this.registrations.put(registration, { ifMatch: stored?._etag });
    const echo = { ...body, state: body.state };
    if (body.state === 'Deleted') {
      const outcome = await this.cascade.run(subscriptionId, arm);
      if (outcome.deferred > 0) return { status: 202, body: echo };
    }
    return { status: stored === undefined ? 201 : 200, body: echo };
  }
}
