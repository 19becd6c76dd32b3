import { ServiceProcess } from '@iomt/service-kit/testing';

// Starts the gateway exactly as `npx nx serve gateway` does.
const GATEWAY_MAIN = 'apps/gateway/src/main.ts';

describe('gateway process', () => {
  let gateway: ServiceProcess | undefined;
  afterEach(async () => {
    await gateway?.stop();
    gateway = undefined;
  });

  it('starts, answers /healthz, and exits 0 on SIGTERM', async () => {
    gateway = new ServiceProcess(GATEWAY_MAIN, { PORT: '0', LOCAL_ARM_TOKEN: 'local-dev-token' });
    const { url } = await gateway.waitForLine((l) => l['service'] === 'gateway' && /listening on/.test(l.msg ?? ''));
    const response = await fetch(`${String(url)}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });

    gateway.kill('SIGTERM');

    await expect(gateway.exited).resolves.toEqual({ code: 0, signal: null });
    expect(JSON.stringify(gateway.stdout)).not.toContain('local-dev-token');
  }, 30_000);

  it('exits 1 naming GATEWAY_PORT when it is malformed', async () => {
    gateway = new ServiceProcess(GATEWAY_MAIN, { GATEWAY_PORT: 'eighty' });

    await expect(gateway.exited).resolves.toEqual({ code: 1, signal: null });
    expect(gateway.stderr).toEqual([
      expect.objectContaining({ level: 'fatal', service: 'gateway', settings: ['GATEWAY_PORT'] }),
    ]);
  }, 30_000);
});
