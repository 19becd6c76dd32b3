import type { Container, ItemDefinition } from '@azure/cosmos';
import { CallOptions, WriteOptions } from '@iomt/domain';
import { withCosmosErrors } from '@iomt/persistence';
import type { SubscriptionRegistration, SubscriptionRegistrationRepository } from '../../ports/subscription-registration.repository.port';

/** Document type of a subscription's registration, in the subscription's partition. */
export const SUBSCRIPTION_REGISTRATION_TYPE = 'subscriptionRegistration';

/** The registration document's id: one per subscription. */
export const registrationDocumentIdOf = (subscriptionId: string) => `registration-${subscriptionId.toLowerCase()}`;

/** The registration a stored document holds. */
export function toRegistration(document: ItemDefinition): SubscriptionRegistration {
  const { subscriptionId, state, registrationDate, properties, timeLastUpdated, _etag } = document as unknown as SubscriptionRegistration;
  return {
    subscriptionId,
    state,
    ...(registrationDate === undefined ? {} : { registrationDate }),
    ...(properties === undefined ? {} : { properties }),
    timeLastUpdated,
    ...(_etag === undefined ? {} : { _etag }),
  };
}

/** {@link SubscriptionRegistrationRepository} on the account registry container. */
export class CosmosSubscriptionRegistrationRepository implements SubscriptionRegistrationRepository {
  constructor(private readonly container: Container) {}

  async get(subscriptionId: string, options: CallOptions = {}): Promise<SubscriptionRegistration | undefined> {
    const partitionKey = subscriptionId.toLowerCase();
    const { resource } = await withCosmosErrors(
      `read the registration of subscription ${subscriptionId}`,
      () => this.container.item(registrationDocumentIdOf(subscriptionId), partitionKey).read({ abortSignal: options.signal }),
      options.signal,
    ).catch((error: unknown) => (isNotFound(error) ? { resource: undefined } : Promise.reject(error)));
    return resource?.['type'] === SUBSCRIPTION_REGISTRATION_TYPE ? toRegistration(resource) : undefined;
  }

  async put(registration: SubscriptionRegistration, options: WriteOptions = {}): Promise<SubscriptionRegistration> {
    const { _etag: _ignored, ...fields } = registration;
    const body = { ...fields, id: registrationDocumentIdOf(registration.subscriptionId), type: SUBSCRIPTION_REGISTRATION_TYPE, partitionKey: registration.subscriptionId.toLowerCase() };
    const action = `store the registration of subscription ${registration.subscriptionId}`;
    const { resource } = await withCosmosErrors(
      action,
      () =>
        options.ifMatch === undefined
          ? this.container.items.upsert(body, { abortSignal: options.signal })
          : this.container.item(body.id, body.partitionKey).replace(body, {
              accessCondition: { type: 'IfMatch', condition: options.ifMatch },
              abortSignal: options.signal,
            }),
      options.signal,
    );
    return toRegistration(resource as ItemDefinition);
  }
}

function isNotFound(error: unknown): boolean {
  return (error as { kind?: string }).kind === 'notFound';
}
