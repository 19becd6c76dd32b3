import type { ServiceBusReceivedMessage } from '@azure/service-bus';
import type { OperationDocument } from '@iomt/domain';
import { operationCodec } from '@iomt/domain';
import { CosmosOperationRepository } from '@iomt/persistence';
import type { LocalStack } from './local-stack';
import { serviceBusClientOf } from './local-stack';

/** Every document of a subscription's partition, as `id → _etag`: compare two to see whether anything changed. */
export async function partitionSnapshot(stack: LocalStack, subscriptionId: string): Promise<Record<string, string>> {
  const { accountRegistry } = await stack.containers();
  const { resources } = await accountRegistry.items
    .query({ query: 'SELECT c.id, c._etag FROM c WHERE c.partitionKey = @p', parameters: [{ name: '@p', value: subscriptionId }] })
    .fetchAll();
  return Object.fromEntries(resources.map((r: { id: string; _etag: string }) => [r.id, r._etag]));
}

/** The operations of a subscription still Requested or Running. */
export async function pendingOperations(stack: LocalStack, subscriptionId: string): Promise<OperationDocument[]> {
  const { accountRegistry } = await stack.containers();
  return [...(await new CosmosOperationRepository(accountRegistry).listNonTerminal(subscriptionId)).items];
}

/** One stored operation. */
export async function storedOperation(stack: LocalStack, subscriptionId: string, operationId: string): Promise<OperationDocument | undefined> {
  const { accountRegistry } = await stack.containers();
  const { resource } = await accountRegistry.item(operationId, subscriptionId).read();
  return resource === undefined ? undefined : operationCodec.fromDocument(resource);
}

/** The messages waiting in the subscription's session of `operations`, without taking them. */
export async function peekOperationMessages(stack: LocalStack, subscriptionId: string): Promise<ServiceBusReceivedMessage[]> {
  const client = serviceBusClientOf(stack);
  try {
    const receiver = await client.acceptSession('operations', subscriptionId);
    try {
      return await receiver.peekMessages(100);
    } finally {
      await receiver.close();
    }
  } finally {
    await client.close();
  }
}

/** The operation id at the end of an `Azure-AsyncOperation` or `Location` URL. */
export function operationIdOf(url: string): string {
  return new URL(url).pathname.split('/').at(-1) ?? '';
}

/** The path and query of an absolute URL, to call it on the gateway. */
export function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}
