import type { z } from 'zod';
import type { ServiceSettings } from '../lib/config/service-config.schema';
import { ConfigValidationError } from '../lib/config/config-validation.error';
import { loadConfig } from '../lib/config/load-config';
import { createService, type RunningService } from '../lib/bootstrap/create-service';
import type { AppModuleRef, ServiceDefinition } from '../lib/bootstrap/service-options';
import { READINESS_INDICATORS, type ReadinessIndicator } from '../lib/health/readiness-indicator';
import { LogCapture } from './log-capture';
import { resetServiceLoggerForTests } from './logger-reset';
import { ShutdownReadinessProbe, withShutdownReadinessProbe } from './shutdown-readiness.probe';

/** What every service must do, and the facts about one service to check it against. */
export interface ServiceConformance<S extends z.ZodType<ServiceSettings>> {
  readonly appModule: AppModuleRef;
  readonly service: ServiceDefinition<S>;
  /** PORT when nothing is set. */
  readonly defaultPort: number;
  /** Names of the readiness indicators the app registers, in order. */
  readonly readinessIndicators: readonly string[];
  /** Settings the service needs to start (beyond PORT=0). */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Defines, inside a `describe`, the tests every service app passes: it boots its real app
 * module on an ephemeral port, answers `/healthz` and `/readyz`, logs JSON as itself,
 * refuses bad settings by name and shuts down gracefully.
 */
export function itBehavesAsAService<S extends z.ZodType<ServiceSettings>>(spec: ServiceConformance<S>): void {
  const { serviceName } = spec.service;
  let running: RunningService<z.output<S>> | undefined;
  let logs: LogCapture;
  const start = async (env: Readonly<Record<string, string>> = {}) => {
    const options = { ...spec.service, env: { ...spec.env, PORT: '0', ...env }, logDestination: logs };
    running = await createService(withShutdownReadinessProbe(spec.appModule), options);
    return running;
  };

  beforeEach(() => {
    resetServiceLoggerForTests();
    logs = new LogCapture();
  });
  afterEach(async () => {
    await running?.app.close();
    running = undefined;
  });

  it(`listens on ${spec.defaultPort} unless PORT says otherwise`, () => {
    expect(loadConfig(spec.service.configSchema, spec.env ?? {}).PORT).toBe(spec.defaultPort);
  });

  it('answers /healthz and /readyz with 200 and logs JSON lines as itself', async () => {
    const { url } = await start();
    expect(await statusOf(`${url}/healthz`)).toBe(200);
    expect(await statusOf(`${url}/readyz`)).toBe(200);
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(logs.lines.every((l) => l['service'] === serviceName && typeof l.level === 'string')).toBe(true);
    expect(logs.filter((l) => l.msg === `${serviceName} listening on ${url}`)).toHaveLength(1);
  });

  it('registers its readiness indicators', async () => {
    const { app } = await start();
    const names = app.get<ReadinessIndicator[]>(READINESS_INDICATORS).map((i) => i.name);
    expect(names).toEqual(spec.readinessIndicators);
  });

  it('refuses to start with a bad setting and names it', async () => {
    const attempt = start({ SHUTDOWN_TIMEOUT_MS: 'soon' });
    await expect(attempt).rejects.toThrow(ConfigValidationError);
    await expect(attempt).rejects.toMatchObject({ settings: ['SHUTDOWN_TIMEOUT_MS'] });
  });

  it('shuts down gracefully: not ready while draining, then the port is released', async () => {
    const { app } = await start();
    await expect(app.close()).resolves.toBeUndefined();
    running = undefined;
    expect(app.get(ShutdownReadinessProbe).answer).toMatchObject({
      status: 503,
      body: { error: { lifecycle: { status: 'down', phase: 'shutting-down' } } },
    });
    expect(app.getHttpServer().listening).toBe(false);
  });
}

async function statusOf(url: string): Promise<number> {
  const response = await fetch(url);
  await response.arrayBuffer();
  return response.status;
}
