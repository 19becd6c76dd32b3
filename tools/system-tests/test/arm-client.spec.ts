import { randomUUID } from 'node:crypto';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeArm, type FakeArm } from '@iomt/local-stack';
import { ArmClient, ArmRequestError } from '../src';

const API = '2021-04-01';
const EMPTY_TEMPLATE = { $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [] };

describe('ArmClient (against the fake ARM)', () => {
  let arm: FakeArm;
  let client: ArmClient;
  let group: string;
  beforeAll(async () => {
    arm = await startFakeArm();
    client = new ArmClient({ baseUrl: arm.endpoint, defaultPollIntervalMs: 10 });
  });
  afterAll(async () => {
    await arm?.stop();
  });
  beforeEach(async () => {
    arm.reset();
    group = `/subscriptions/${randomUUID()}/resourcegroups/rg-client`;
    await client.put(group, API, { location: 'westus2' });
  });
  const deployment = (name: string) => `${group}/providers/Microsoft.Resources/deployments/${name}`;

  it('follows Azure-AsyncOperation until Succeeded, then reads the resource back', async () => {
    arm.setFaults({ lroReadsBeforeDone: 3 });
    const result = await client.putAndWait<{ properties: { provisioningState: string } }>(deployment('ok'), API, { properties: { mode: 'Incremental', template: EMPTY_TEMPLATE } });
    expect(result.initial.status).toBe(201);
    expect(result.status).toBe('Succeeded');
    expect(result.operation?.status).toBe('Succeeded');
    expect(result.polls).toBe(4);
    expect(result.final.status).toBe(200);
    expect(result.final.body.properties.provisioningState).toBe('Succeeded');
  });

  it('reports a Failed operation with its error', async () => {
    arm.setFaults({ failNextDeployments: 1 });
    const result = await client.putAndWait(deployment('bad'), API, { properties: { mode: 'Incremental', template: EMPTY_TEMPLATE } });
    expect(result.status).toBe('Failed');
    expect(result.operation?.error?.code).toBeDefined();
    expect(JSON.stringify(result.operation?.error)).toContain('InjectedDeploymentFailure');
  });

  it('keeps polling through 429 answers that carry Retry-After', async () => {
    arm.setFaults({ throttleNext: 2, retryAfterSeconds: 0, pathPattern: 'operationStatuses' });
    const result = await client.putAndWait(deployment('throttled'), API, { properties: { mode: 'Incremental', template: EMPTY_TEMPLATE } });
    expect(result.status).toBe('Succeeded');
    const statusReads = arm.calls().log.filter((c) => c.path.includes('operationStatuses')).map((c) => c.status);
    expect(statusReads.slice(0, 2)).toEqual([429, 429]);
    expect(statusReads.at(-1)).toBe(200);
  });

  it('follows a DELETE 202 through its Location URL to the final answer', async () => {
    const result = await client.deleteAndWait(group, API);
    expect(result.initial.status).toBe(202);
    expect(result.status).toBe('Succeeded');
    expect([200, 204]).toContain(result.final.status);
    expect(arm.snapshot().resourceGroups).toEqual([]);
  });

  it('throws an ArmRequestError carrying the ARM error body', async () => {
    const error = await client.get(`${group}/providers/Microsoft.Resources/deployments/none`, API).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArmRequestError);
    expect((error as ArmRequestError).status).toBe(404);
    expect((error as ArmRequestError).code).toMatch(/NotFound/);
    expect((error as ArmRequestError).message).toContain('404');
  });

  it('gives up on an operation that outlives its timeout', async () => {
    const impatient = new ArmClient({ baseUrl: arm.endpoint, defaultPollIntervalMs: 20, operationTimeoutMs: 100 });
    arm.setFaults({ lroReadsBeforeDone: 100 });
    await expect(impatient.putAndWait(deployment('slow'), API, { properties: { mode: 'Incremental', template: EMPTY_TEMPLATE } })).rejects.toThrow(/did not end within 100 ms/);
  });

  it('sends the bearer token and the api-version', async () => {
    const seen: { authorization?: string; url?: string }[] = [];
    await withServer(
      (req, res) => (seen.push({ authorization: req.headers.authorization, url: req.url }), res.writeHead(200).end('{}')),
      async (baseUrl) => expect((await new ArmClient({ baseUrl, token: 'secret-token' }).get('/subscriptions/s/resourcegroups/rg', API)).status).toBe(200),
    );
    expect(seen).toEqual([{ authorization: 'Bearer secret-token', url: `/subscriptions/s/resourcegroups/rg?api-version=${API}` }]);
  });

  it('polls the resource of a PUT answered with a non-terminal provisioningState and no polling header', async () => {
    const states = ['Creating', 'Creating', 'Succeeded'];
    let reads = 0;
    await withServer(
      (req, res) => {
        const state = req.method === 'PUT' ? 'Accepted' : states[Math.min(reads++, states.length - 1)];
        res.writeHead(req.method === 'PUT' ? 201 : 200, { 'content-type': 'application/json' }).end(JSON.stringify({ properties: { provisioningState: state } }));
      },
      async (baseUrl) => {
        const result = await new ArmClient({ baseUrl, defaultPollIntervalMs: 1 }).putAndWait('/subscriptions/s/resourcegroups/rg/providers/X.Y/things/a', API, {});
        expect(result).toMatchObject({ status: 'Succeeded', polls: 3, final: { status: 200, body: { properties: { provisioningState: 'Succeeded' } } } });
      },
    );
  });
});

/** Runs `body` against a plain HTTP server answering with `handler`, then closes it. */
async function withServer(handler: RequestListener, body: (baseUrl: string) => Promise<void>): Promise<void> {
  const server = createServer(handler);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  try {
    await body(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    await new Promise((closed) => server.close(closed));
  }
}
