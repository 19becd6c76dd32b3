import { CosmosClient } from '@azure/cosmos';
import { request } from 'node:https';
import { createTestContainer, localClient } from './cosmos-server.test-helpers';
import { CosmosServerHandle, startCosmosServer } from './start-cosmos-server';

describe('startCosmosServer', () => {
  let server: CosmosServerHandle;
  let client: CosmosClient;

  beforeAll(async () => {
    server = await startCosmosServer({ port: 0 });
    client = localClient(server);
  });

  afterAll(async () => {
    client.dispose();
    await server.stop();
  });

  it('listens on an ephemeral loopback port over HTTPS', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.endpoint).toBe(`https://127.0.0.1:${server.port}`);
    expect(server.clientOptions.endpoint).toBe(server.endpoint);
    expect(server.clientOptions.connectionPolicy).toEqual({ enableEndpointDiscovery: false });
    expect(server.clientOptions.agent).toBe(server.clientOptions.agent);
  });

  it('serves @azure/cosmos: create, read, replace with If-Match, 404 and 412', async () => {
    const container = await createTestContainer(client);
    const { resource: created } = await container.items.create({ id: 'a', partitionKey: 'p', n: 1 });
    const read = await container.item('a', 'p').read();
    expect(read.resource).toMatchObject({ id: 'a', n: 1 });
    await container.item('a', 'p').replace({ id: 'a', partitionKey: 'p', n: 2 }, {
      accessCondition: { type: 'IfMatch', condition: created!._etag },
    });
    await expect(
      container.item('a', 'p').replace({ id: 'a', partitionKey: 'p', n: 3 }, {
        accessCondition: { type: 'IfMatch', condition: created!._etag },
      }),
    ).rejects.toMatchObject({ code: 412 });
    expect((await container.item('missing', 'p').read()).statusCode).toBe(404);
  });

  it('keeps connections alive instead of closing them after every response', async () => {
    const connection = await new Promise<string | undefined>((resolve, reject) => {
      const req = request(`${server.endpoint}/`, { agent: server.clientOptions.agent }, (res) => {
        res.resume();
        resolve(res.headers.connection);
      });
      req.on('error', reject).end();
    });
    expect(connection).toBe('keep-alive');
  });

  it('runs several servers side by side, each with its own empty state', async () => {
    const other = await startCosmosServer();
    const otherClient = localClient(other);
    try {
      expect(other.port).not.toBe(server.port);
      await createTestContainer(client);
      const { resources } = await otherClient.databases.readAll().fetchAll();
      expect(resources).toEqual([]);
    } finally {
      otherClient.dispose();
      await other.stop();
    }
  });

  it('stops idempotently and frees the port', async () => {
    const other = await startCosmosServer();
    await other.stop();
    await expect(other.stop()).resolves.toBeUndefined();
    const again = await startCosmosServer({ port: other.port });
    expect(again.port).toBe(other.port);
    await again.stop();
  });

  it.each([-1, 65536, 1.5, Number.NaN])('rejects port %p with a RangeError', async (port) => {
    await expect(startCosmosServer({ port })).rejects.toThrow(RangeError);
  });
});
