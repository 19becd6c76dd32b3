import { Inject, Injectable, Module } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { FIXTURE_CONFIG, FIXTURE_SERVICE, type FixtureConfig } from '../../../test/fixtures/fixture.config';
import { FixtureAppModule } from '../../../test/fixtures/fixture.module';
import { LogCapture } from '../../testing/log-capture';
import { resetServiceLoggerForTests } from '../../testing/logger-reset';
import { ConfigValidationError } from '../config/config-validation.error';
import { REDACTED } from '../logging/secret-redaction';
import { createService, type RunningService } from './create-service';

describe('createService', () => {
  let service: RunningService<FixtureConfig> | undefined;
  let logs: LogCapture;

  beforeEach(() => {
    resetServiceLoggerForTests();
    logs = new LogCapture();
  });
  afterEach(async () => {
    await service?.app.close();
    service = undefined;
  });

  const start = async (env: Record<string, string> = {}) => {
    service = await createService(FixtureAppModule, { ...FIXTURE_SERVICE, env: { PORT: '0', ...env }, logDestination: logs });
    return service;
  };

  it('listens on the port the OS chose and logs where', async () => {
    const { app, url } = await start();
    const { port } = app.getHttpServer().address() as AddressInfo;
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(logs.filter((l) => l.msg === `fixture listening on ${url}`)).toEqual([
      expect.objectContaining({ service: 'fixture', level: 'info', url, context: 'Bootstrap' }),
    ]);
    await request(url).get('/healthz').expect(200);
  });

  it('makes the validated settings injectable under the app token', async () => {
    const { app, config } = await start({ LOG_LEVEL: 'debug', FIXTURE_HANG_ON_SHUTDOWN: 'false' });
    expect(app.get(FIXTURE_CONFIG)).toBe(config);
    expect(config).toMatchObject({ PORT: 0, LOG_LEVEL: 'debug', FIXTURE_HANG_ON_SHUTDOWN: false });
  });

  it('logs each request once, under a request id it returns, with secrets redacted', async () => {
    const { url } = await start();
    const response = await request(url).get('/echo').set('Authorization', 'Bearer caller-token').expect(200);
    const requestId = response.headers['x-ms-request-id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const handled = logs.filter((l) => l.msg === 'echo handled');
    const completed = logs.filter((l) => l.msg === 'request completed');
    expect(handled).toEqual([expect.objectContaining({ requestId, apiKey: REDACTED, context: 'EchoController' })]);
    expect(completed).toEqual([
      expect.objectContaining({ requestId, req: expect.objectContaining({ url: '/echo' }), res: expect.anything() }),
    ]);
    expect((completed[0]['req'] as { headers: Record<string, string> }).headers['authorization']).toBe(REDACTED);
    expect(logs.raw.join('\n')).not.toMatch(/caller-token|fixture-api-key/);
  });

  it('does not request-log the probes', async () => {
    const { url } = await start();
    await request(url).get('/healthz').expect(200);
    await request(url).get('/readyz').expect(200);
    expect(logs.filter((l) => l.msg === 'request completed')).toEqual([]);
  });

  it('rejects bad settings before starting anything, naming them', async () => {
    const attempt = start({ PORT: 'eighty', SHUTDOWN_TIMEOUT_MS: '-5' });
    await expect(attempt).rejects.toThrow(ConfigValidationError);
    await expect(attempt).rejects.toMatchObject({ settings: ['PORT', 'SHUTDOWN_TIMEOUT_MS'] });
    expect(logs.raw).toEqual([]);
  });

  it('rejects when the app module cannot be built', async () => {
    @Injectable()
    class NeedsMissing {
      constructor(@Inject('NOT_PROVIDED') readonly missing: unknown) {}
    }
    @Module({ providers: [NeedsMissing] })
    class BrokenModule {}

    const attempt = createService(BrokenModule, { ...FIXTURE_SERVICE, env: { PORT: '0' }, logDestination: logs });
    await expect(attempt).rejects.toThrow(/can't resolve dependencies of the NeedsMissing/);
  });

  it('rejects when the port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = blocker.address() as AddressInfo;
      await expect(start({ PORT: String(port) })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('closes gracefully: shutdown hooks run and the port is released', async () => {
    const { app, url } = await start();
    await request(url).get('/healthz').expect(200);
    await expect(app.close()).resolves.toBeUndefined();
    service = undefined;
    expect(app.getHttpServer().listening).toBe(false);
    expect(logs.filter((l) => l.msg === 'fixture shutdown hook ran')).toHaveLength(1);
  });
});
