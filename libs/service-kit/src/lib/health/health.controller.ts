import { Controller, Get, Inject } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { redactSecretFragments } from '../logging/secret-redaction';
import { LIVENESS_PATH, READINESS_PATH } from './health.constants';
import { READINESS_CHECK_TIMEOUT_MS, READINESS_INDICATORS, type ReadinessIndicator } from './readiness-indicator';

/** `GET /healthz` (liveness) and `GET /readyz` (readiness, terminus body). */
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly results: HealthIndicatorService,
    @Inject(READINESS_INDICATORS) private readonly indicators: readonly ReadinessIndicator[],
    @Inject(READINESS_CHECK_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  /** Answers while the event loop turns; dependencies are deliberately not consulted. */
  @Get(LIVENESS_PATH)
  @HealthCheck()
  liveness(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 when every indicator is up; 503 with the terminus body naming the ones down. */
  @Get(READINESS_PATH)
  @HealthCheck()
  readiness(): Promise<HealthCheckResult> {
    return this.health.check(this.indicators.map((indicator) => () => this.evaluate(indicator)));
  }

  private async evaluate(indicator: ReadinessIndicator): Promise<HealthIndicatorResult> {
    const result = this.results.check(indicator.name);
    try {
      const report = await withTimeout(Promise.resolve(indicator.check()), this.timeoutMs);
      return report.ready ? result.up({ ...report.details }) : result.down({ ...report.details });
    } catch (error) {
      // The body is served over HTTP: keep SDK messages but never a key they may quote.
      return result.down({ message: redactSecretFragments(messageOf(error)) });
    }
  }
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
