/** A queue, or a topic subscription: what a server receives from. */
export type ServiceBusEntity =
  | { readonly queueName: string }
  | { readonly topicName: string; readonly subscriptionName: string };

/** The entity's path as the broker names it (`<topic>/Subscriptions/<subscription>` for subscriptions). */
export function entityPathOf(entity: ServiceBusEntity): string {
  return 'queueName' in entity ? entity.queueName : `${entity.topicName}/Subscriptions/${entity.subscriptionName}`;
}
