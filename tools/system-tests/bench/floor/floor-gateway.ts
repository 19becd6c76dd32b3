import type { Container, JSONValue } from '@azure/cosmos';
import type { ServiceBusSender } from '@azure/service-bus';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FLOOR, floorContainer, floorCosmosClient, floorServiceBus, type FloorEnv } from './floor-env';

const PUT_PATH = /^\/subscriptions\/([^/]+)\/services\/([^/?]+)$/;
const GET_PATH = /^\/subscriptions\/([^/]+)\/operations\/([^/?]+)$/;
const UNFINISHED = 'SELECT * FROM c WHERE c.partitionKey = @sub AND c.type = "provisioningrequest" AND c.status IN ("Requested", "Running")';

/**
 * The gateway's unavoidable work, on node:http alone: a PUT is the admission snapshot (one query of
 * the subscription's partition; @azure/cosmos adds its query-plan request), one transactional batch
 * (resource + operation) and one session message; a GET of an operation is one point read.
 * No validation, auth, logging or tracing. Resolves with the port it listens on.
 */
export async function runFloorGateway(env: FloorEnv): Promise<number> {
  const container = floorContainer(floorCosmosClient(env));
  const sender = floorServiceBus(env).createSender(FLOOR.operationsQueue);
  const server = createServer((req, res) => {
    handle(req, res, container, sender).catch((error: unknown) => answer(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function handle(req: IncomingMessage, res: ServerResponse, container: Container, sender: ServiceBusSender): Promise<void> {
  const url = req.url ?? '';
  const put = PUT_PATH.exec(url);
  if (req.method === 'PUT' && put) return answer(res, 201, await admit(container, sender, put[1], put[2], await bodyOf(req)));
  const get = GET_PATH.exec(url);
  if (req.method === 'GET' && get) {
    const { resource } = await container.item(get[2], get[1]).read();
    return resource === undefined ? answer(res, 404, {}) : answer(res, 200, { status: resource['status'], timeEnded: resource['timeEnded'] });
  }
  answer(res, 404, {});
}

async function admit(container: Container, sender: ServiceBusSender, subscriptionId: string, name: string, properties: JSONValue) {
  const query = { query: UNFINISHED, parameters: [{ name: '@sub', value: subscriptionId }] };
  await container.items.query(query, { partitionKey: subscriptionId }).fetchNext();
  const resourceId = randomUUID();
  const operationId = randomUUID();
  const timeEnqueued = new Date().toISOString();
  const resource = { id: resourceId, partitionKey: subscriptionId, type: 'account', name, state: 'Accepted', properties };
  const operation = { id: operationId, partitionKey: subscriptionId, type: 'provisioningrequest', status: 'Requested', resourceId, timeEnqueued };
  const response = await container.items.batch(
    [
      { operationType: 'Create', resourceBody: resource },
      { operationType: 'Create', resourceBody: operation },
    ],
    subscriptionId,
  );
  if (response.result?.some((r) => r.statusCode >= 400)) throw new Error(`batch failed: ${response.code}`);
  await sender.sendMessages({ body: { operationId, subscriptionId }, sessionId: subscriptionId, messageId: operationId });
  return { operationId };
}

async function bodyOf(req: IncomingMessage): Promise<JSONValue> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as JSONValue;
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
