import type { CallOptions, WriteOptions } from '@iomt/domain';

/** The states ARM notifies with `PUT /subscriptions/{id}?api-version=2.0` (arm-rpc.md §1.9). */
export const SUBSCRIPTION_STATES = ['Registered', 'Warned', 'Suspended', 'Deleted', 'Unregistered'] as const;

/** One of {@link SUBSCRIPTION_STATES}. */
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];

/** What the provider knows of a customer subscription: ARM's last notification. */
export interface SubscriptionRegistration {
  readonly subscriptionId: string;
  readonly state: SubscriptionState;
  readonly registrationDate?: string;
  /** ARM's `properties`, kept as sent (tenantId, quotaId, registeredFeatures...): not strongly parsed. */
  readonly properties?: Readonly<Record<string, unknown>>;
  readonly timeLastUpdated: string;
  readonly _etag?: string;
}

/** Stores the subscription notifications, one document per subscription in its partition. */
export interface SubscriptionRegistrationRepository {
  get(subscriptionId: string, options?: CallOptions): Promise<SubscriptionRegistration | undefined>;

  /**
   * Creates or replaces the registration; returns it with its new `_etag`.
   * @throws ConcurrencyConflictError when `ifMatch` is stale.
   */
  put(registration: SubscriptionRegistration, options?: WriteOptions): Promise<SubscriptionRegistration>;
}

/** DI token of {@link SubscriptionRegistrationRepository}. */
export const SUBSCRIPTION_REGISTRATION_REPOSITORY = Symbol('SUBSCRIPTION_REGISTRATION_REPOSITORY');
