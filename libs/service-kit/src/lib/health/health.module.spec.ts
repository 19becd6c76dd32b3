import { Injectable, Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { ShutdownReadinessProbe, withShutdownReadinessProbe } from '../../testing/shutdown-readiness.probe';
import { REDACTED } from '../logging/secret-redaction';
import { HealthModule, type HealthModuleOptions } from './health.module';
import { READINESS_INDICATORS, type ReadinessIndicator, type ReadinessReport } from './readiness-indicator';

@Injectable()
class SwitchIndicator implements ReadinessIndicator {
  readonly name = 'switch';
  report: ReadinessReport = { ready: true, details: { queue: 'operations' } };
  failure?: Error;
  hang = false;

  check(): Promise<ReadinessReport> {
    if (this.hang) return new Promise(() => undefined);
    return this.failure ? Promise.reject(this.failure) : Promise.resolve(this.report);
  }
}

const EXPORTED_INDICATOR = Symbol('EXPORTED_INDICATOR');

@Module({
  providers: [{ provide: EXPORTED_INDICATOR, useValue: { name: 'imported', check: () => ({ ready: true }) } }],
  exports: [EXPORTED_INDICATOR],
})
class IndicatorSourceModule {}

async function startApp(options: HealthModuleOptions): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [HealthModule.forRoot(options)] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

describe('HealthModule', () => {
  let app: INestApplication | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function withSwitch(checkTimeoutMs?: number) {
    app = await startApp({ providers: [SwitchIndicator], indicators: [SwitchIndicator], checkTimeoutMs });
    return app.get(SwitchIndicator);
  }

  it('answers /healthz with 200 even when a dependency is down', async () => {
    const indicator = await withSwitch();
    indicator.report = { ready: false };
    await request(app!.getHttpServer()).get('/healthz').expect(200, { status: 'ok' });
  });

  it('answers /readyz with 200 and every indicator when all are up', async () => {
    await withSwitch();
    const response = await request(app!.getHttpServer()).get('/readyz').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      info: { lifecycle: { status: 'up', phase: 'running' }, switch: { status: 'up', queue: 'operations' } },
      error: {},
      details: { lifecycle: { status: 'up', phase: 'running' }, switch: { status: 'up', queue: 'operations' } },
    });
    expect(response.headers['cache-control']).toContain('no-store');
  });

  it('answers /readyz with 503 and the terminus body when an indicator is down', async () => {
    const indicator = await withSwitch();
    indicator.report = { ready: false, details: { reason: 'receiver closed' } };
    const response = await request(app!.getHttpServer()).get('/readyz').expect(503);
    expect(response.body).toMatchObject({
      status: 'error',
      info: { lifecycle: { status: 'up' } },
      error: { switch: { status: 'down', reason: 'receiver closed' } },
    });
  });

  it('reports a throwing indicator as down with its message, secrets masked', async () => {
    const indicator = await withSwitch();
    indicator.failure = new Error('CBS failed for Endpoint=sb://x/;SharedAccessKey=abc123');
    const response = await request(app!.getHttpServer()).get('/readyz').expect(503);
    expect(response.body.error.switch).toEqual({
      status: 'down',
      message: `CBS failed for Endpoint=sb://x/;SharedAccessKey=${REDACTED}`,
    });
  });

  it('reports an indicator that does not answer in time as down', async () => {
    const indicator = await withSwitch(50);
    indicator.hang = true;
    const response = await request(app!.getHttpServer()).get('/readyz').expect(503);
    expect(response.body.error.switch).toEqual({ status: 'down', message: 'no answer within 50 ms' });
  });

  it('resolves indicators exported by imported modules, after the built-in one', async () => {
    app = await startApp({ imports: [IndicatorSourceModule], indicators: [EXPORTED_INDICATOR] });
    const names = app.get<ReadinessIndicator[]>(READINESS_INDICATORS).map((i) => i.name);
    expect(names).toEqual(['lifecycle', 'imported']);
    await request(app.getHttpServer()).get('/readyz').expect(200);
  });

  it('answers /readyz with 503 while the app shuts down', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [withShutdownReadinessProbe(HealthModule.forRoot())],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    await request(app.getHttpServer()).get('/readyz').expect(200);

    await app.close();
    const { answer } = app.get(ShutdownReadinessProbe);
    app = undefined;

    expect(answer?.status).toBe(503);
    expect(answer?.body['details']).toEqual({ lifecycle: { status: 'down', phase: 'shutting-down' } });
  });
});
