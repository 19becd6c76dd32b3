import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import type { Telemetry } from './telemetry';
import { TELEMETRY } from './telemetry.tokens';

/**
 * Flushes and stops the exporters once the app has closed, so the last spans and metrics go out.
 * Imported by the root module (the shallowest), its shutdown hook runs after the app's modules'.
 */
@Injectable()
class TelemetryShutdown implements OnApplicationShutdown {
  constructor(@Inject(TELEMETRY) private readonly telemetry: Telemetry) {}

  async onApplicationShutdown(): Promise<void> {
    await this.telemetry.shutdown();
  }
}

/** `GET /metrics` and the {@link TELEMETRY} provider, around a telemetry already started. */
@Module({})
export class TelemetryModule {
  /** Registers `telemetry` (started by `createService` before the app is built). */
  static forRoot(telemetry: Telemetry): DynamicModule {
    return {
      module: TelemetryModule,
      controllers: [MetricsController],
      providers: [{ provide: TELEMETRY, useValue: telemetry }, TelemetryShutdown],
      exports: [TELEMETRY],
    };
  }
}
