import { z } from 'zod';
import { caseInsensitiveEnum, parseOrThrow } from '@iomt/domain';
import { SUBSCRIPTION_STATES } from '../ports/subscription-registration.repository.port';

/**
 * ARM's subscription notification (arm-rpc.md §1.9): `state` is checked, everything else is kept as
 * sent and never strongly parsed (ARM adds members over time).
 */
const subscriptionBodySchema = z.looseObject({
  state: caseInsensitiveEnum(SUBSCRIPTION_STATES),
  registrationDate: z.string().optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});

/** A parsed subscription notification. */
export type SubscriptionBody = z.output<typeof subscriptionBodySchema>;

/** 400 `InvalidParameter` naming `state` when it is missing or not one of ARM's states. */
export function parseSubscriptionBody(body: unknown): SubscriptionBody {
  return parseOrThrow(subscriptionBodySchema, body, 'The subscription notification', { code: 'InvalidParameter' });
}
