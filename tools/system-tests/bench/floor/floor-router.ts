import type { Container, JSONObject } from '@azure/cosmos';
import type { ServiceBusReceivedMessage } from '@azure/service-bus';
import { FLOOR, floorContainer, floorCosmosClient, floorServiceBus, type FloorEnv } from './floor-env';
import { perCommandRequester, sharedSessionRequester, type Requester } from './floor-replies';
import { consumeSessions } from './floor-sessions';

/**
 * The router's unavoidable work per operation: point reads of the operation and its resource, one
 * batch that starts it (operation Running + resource Provisioning), the command to the worker and
 * its reply, one batch that ends it (operation Completed + resource Provisioned + archive record),
 * then the message completed. Left out: the listing of the subscription's unfinished operations
 * (enqueue order), retries, progress, logging, tracing.
 */
export async function runFloorRouter(env: FloorEnv, sessions: number, replies: 'per-command' | 'shared'): Promise<void> {
  const container = floorContainer(floorCosmosClient(env));
  const client = floorServiceBus(env);
  const sender = client.createSender(FLOOR.commandsQueue);
  const request = replies === 'shared' ? await sharedSessionRequester(client, sender) : perCommandRequester(client, sender);
  consumeSessions(client, FLOOR.operationsQueue, sessions, (message) => runOperation(container, request, message));
}

async function runOperation(container: Container, request: Requester, message: ServiceBusReceivedMessage): Promise<void> {
  const { operationId, subscriptionId } = message.body as { operationId: string; subscriptionId: string };
  const { resource: operation } = await container.item(operationId, subscriptionId).read();
  if (operation === undefined || operation['status'] === 'Completed') return;
  const { resource: account } = await container.item(String(operation['resourceId']), subscriptionId).read();
  if (account === undefined) throw new Error(`resource of ${operationId} missing`);
  const started = await batch(container, subscriptionId, [
    replace({ ...operation, status: 'Running', attemptCount: 1 }),
    replace({ ...account, state: 'Provisioning' }),
  ]);
  await request(subscriptionId, { operationId, subscriptionId, accountId: account.id });
  const ended = { ...started[0], status: 'Completed', timeEnded: new Date().toISOString() };
  await batch(container, subscriptionId, [
    replace(ended),
    replace({ ...started[1], state: 'Provisioned' }),
    { operationType: 'Create' as const, resourceBody: { id: `${operationId}-completed`, partitionKey: subscriptionId, type: 'completed', operation: ended } },
  ]);
}

type Doc = JSONObject & { id: string; _etag?: string };

function replace({ _etag, ...body }: Doc) {
  return { operationType: 'Replace' as const, id: body.id, ...(_etag === undefined ? {} : { ifMatch: _etag }), resourceBody: body };
}

async function batch(container: Container, partitionKey: string, operations: Parameters<Container['items']['batch']>[0]): Promise<Doc[]> {
  const response = await container.items.batch(operations, partitionKey);
  const failed = response.result?.find((r) => r.statusCode >= 400);
  if (failed !== undefined) throw new Error(`batch failed with ${failed.statusCode}`);
  return (response.result ?? []).map((r) => r.resourceBody as Doc);
}
