import { ServiceProcess } from '@iomt/service-kit/testing';
import { LocalStack, startLocalStack } from './support/local-stack';

// Starts the gateway exactly as `npx nx serve gateway` does.
const GATEWAY_MAIN = 'apps/gateway/src/main.ts';

describe('gateway process', () => {
  let gateway: ServiceProcess | undefined;
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startLocalStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });
  afterEach(async () => {
    await gateway?.stop();
    gateway = undefined;
  });

  it('starts, answers /healthz, and exits 0 on SIGTERM', async () => {
    gateway = new ServiceProcess(GATEWAY_MAIN, { ...stack.env, PORT: '0', LOCAL_ARM_TOKEN: 'local-dev-token' });
    const { url } = await gateway.waitForLine((l) => l['service'] === 'gateway' && /listening on/.test(l.msg ?? ''));
    const response = await fetch(`${String(url)}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });

    gateway.kill('SIGTERM');

    await expect(gateway.exited).resolves.toEqual({ code: 0, signal: null });
    expect(JSON.stringify(gateway.stdout)).not.toContain('local-dev-token');
  }, 30_000);

  it('exits 1 naming GATEWAY_PORT when it is malformed', async () => {
    gateway = new ServiceProcess(GATEWAY_MAIN, { ...stack.env, GATEWAY_PORT: 'eighty' });

    await expect(gateway.exited).resolves.toEqual({ code: 1, signal: null });
    expect(gateway.stderr).toEqual([
      expect.objectContaining({ level: 'fatal', service: 'gateway', settings: ['GATEWAY_PORT'] }),
    ]);
  }, 30_000);

  it('exits 1 naming LOCAL_ARM_TOKEN when it is set with a HOST other than loopback', async () => {
    gateway = new ServiceProcess(GATEWAY_MAIN, { ...stack.env, PORT: '0', HOST: '0.0.0.0', LOCAL_ARM_TOKEN: 'local-dev-token' });

    await expect(gateway.exited).resolves.toEqual({ code: 1, signal: null });
    expect(gateway.stderr).toEqual([
      expect.objectContaining({ level: 'fatal', service: 'gateway', settings: ['LOCAL_ARM_TOKEN'] }),
    ]);
    expect(JSON.stringify(gateway.stderr)).not.toContain('local-dev-token');
  }, 30_000);
});
