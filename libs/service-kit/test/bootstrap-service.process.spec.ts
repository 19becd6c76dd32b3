import { ServiceProcess } from '../src/testing/service-process';

const FIXTURE_MAIN = 'libs/service-kit/test/fixtures/fixture.main.ts';
const listening = (line: { msg?: string }) => /^fixture listening on http/.test(line.msg ?? '');

describe('bootstrapService (real process)', () => {
  const started: ServiceProcess[] = [];
  const spawn = (env: Record<string, string>) => {
    const service = new ServiceProcess(FIXTURE_MAIN, { PORT: '0', ...env });
    started.push(service);
    return service;
  };
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.stop()));
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('on %s runs the shutdown hooks and exits 0', async (signal) => {
    const service = spawn({});
    const { url } = await service.waitForLine(listening);
    const response = await fetch(`${String(url)}/healthz`);
    expect(response.status).toBe(200);

    service.kill(signal);

    await expect(service.exited).resolves.toEqual({ code: 0, signal: null });
    await service.waitForLine((l) => l.msg === 'fixture shutdown hook ran' && l['signal'] === signal);
  }, 30_000);

  it('forces exit 1 when shutdown outlasts SHUTDOWN_TIMEOUT_MS', async () => {
    const service = spawn({ FIXTURE_HANG_ON_SHUTDOWN: 'true', SHUTDOWN_TIMEOUT_MS: '300' });
    await service.waitForLine(listening);

    service.kill('SIGTERM');

    await expect(service.exited).resolves.toEqual({ code: 1, signal: null });
    await service.waitForLine((l) => l.level === 'error' && l.msg === 'shutdown did not finish within 300 ms; forcing exit');
  }, 30_000);

  it('exits 1 with one fatal line naming a bad setting and no stack trace', async () => {
    const service = spawn({ PORT: '99999', LOG_LEVEL: 'chatty' });

    await expect(service.exited).resolves.toEqual({ code: 1, signal: null });
    expect(service.stdout).toEqual([]);
    expect(service.stderr).toEqual([
      expect.objectContaining({
        level: 'fatal',
        service: 'fixture',
        settings: ['PORT', 'LOG_LEVEL'],
        msg: 'Invalid configuration: PORT must be an integer from 0 to 65535; LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
      }),
    ]);
    expect(JSON.stringify(service.stderr)).not.toMatch(/\bat \S+ \(/);
  }, 30_000);

  it('exits 1 with a fatal JSON line, secrets redacted, on an uncaught error', async () => {
    const service = spawn({});
    const { url } = await service.waitForLine(listening);

    expect((await fetch(`${String(url)}/crash`)).status).toBe(200);

    await expect(service.exited).resolves.toEqual({ code: 1, signal: null });
    const line = await service.waitForLine((l) => l.level === 'fatal');
    expect(line).toMatchObject({ service: 'fixture', msg: 'uncaught error; exiting', err: { type: 'Error' } });
    expect(JSON.stringify([...service.stdout, ...service.stderr])).not.toContain('fixture-sas-key');
  }, 30_000);
});
