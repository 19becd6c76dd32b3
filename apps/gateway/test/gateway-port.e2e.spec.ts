import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createService, type RunningService } from '@iomt/service-kit';
import { LogCapture, resetServiceLoggerForTests } from '@iomt/service-kit/testing';
import { AppModule } from '../src/app.module';
import { GATEWAY_CONFIG, GATEWAY_SERVICE, type GatewayConfig } from '../src/config';
import { LocalStack, startLocalStack } from './support/local-stack';

jest.setTimeout(30_000);

describe('gateway listening port', () => {
  let blocker: Server;
  let stack: LocalStack;
  let gateway: RunningService<GatewayConfig> | undefined;

  beforeAll(async () => {
    stack = await startLocalStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });
  beforeEach(async () => {
    resetServiceLoggerForTests();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    await gateway?.app.close();
    await new Promise((resolve) => blocker.close(resolve));
  });

  it('listens on GATEWAY_PORT even when PORT names a port in use', async () => {
    const busyPort = String((blocker.address() as AddressInfo).port);
    const env = { ...stack.env, PORT: busyPort, GATEWAY_PORT: '0', LOCAL_ARM_TOKEN: 'local-dev-token' };
    gateway = await createService(AppModule, { ...GATEWAY_SERVICE, env, logDestination: new LogCapture() });

    expect(gateway.url).not.toContain(`:${busyPort}`);
    expect(gateway.app.get(GATEWAY_CONFIG)).toMatchObject({ PORT: 0, LOCAL_ARM_TOKEN: 'local-dev-token' });
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
  });
});
