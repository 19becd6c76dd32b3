import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serviceBusConnectionString } from '@iomt/local-stack';
import { arm, registerSubscription, serviceId } from './support/arm-calls';
import { GatewayUnderTest, newSubscriptionId, startGateway } from './support/gateway-under-test';
import { operationIdOf, pendingOperations } from './support/store-inspection';

jest.setTimeout(30_000);

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('admission when Service Bus cannot take the message', () => {
  let gateway: GatewayUnderTest;
  beforeAll(async () => {
    gateway = await startGateway({
      SERVICEBUS_CONNECTION_STRING: serviceBusConnectionString('127.0.0.1', await closedPort()),
      PUBLISH_TIMEOUT_MS: '300',
    });
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it('still answers 201 and leaves the operation Requested for the sweeper, logging why', async () => {
    const sub = newSubscriptionId();
    await registerSubscription(gateway, sub);
    const response = await arm(gateway).put(serviceId(sub, 'rg', 'fhir-unpublished'), { location: 'westus2', kind: 'fhir-R4' }).expect(201);
    const operationId = operationIdOf(response.headers['azure-asyncoperation']);
    expect((await pendingOperations(gateway.stack, sub)).map((o) => [o.id, o.provisioningStatus])).toEqual([[operationId, 0]]);
    expect(gateway.logs.filter((line) => line['operationId'] === operationId && line.level === 'warn')).toEqual([
      expect.objectContaining({ msg: expect.stringContaining('stays Requested for the sweeper') }),
    ]);
  });
});
