import { Module, type DynamicModule, type InjectionToken, type ModuleMetadata, type Provider } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { LifecycleReadinessIndicator } from './lifecycle.readiness-indicator';
import {
  DEFAULT_READINESS_CHECK_TIMEOUT_MS,
  READINESS_CHECK_TIMEOUT_MS,
  READINESS_INDICATORS,
  type ReadinessIndicator,
} from './readiness-indicator';

/** How an app configures its probes. */
export interface HealthModuleOptions {
  /** Modules that export the indicators (e.g. a messaging module exporting its receiver). */
  readonly imports?: ModuleMetadata['imports'];
  /** Providers declared here, typically indicator classes owned by the app. */
  readonly providers?: Provider[];
  /**
   * Tokens of the app's readiness indicators, resolved from `providers` or `imports`.
   * The built-in lifecycle indicator (down while shutting down) always comes first.
   */
  readonly indicators?: InjectionToken<ReadinessIndicator>[];
  /** Per-indicator bound on `/readyz`; {@link DEFAULT_READINESS_CHECK_TIMEOUT_MS} by default. */
  readonly checkTimeoutMs?: number;
}

/** `GET /healthz` and `GET /readyz` for a service, with the app's readiness indicators. */
@Module({})
export class HealthModule {
  /** Registers the probes; call once, in the app's root module. */
  static forRoot(options: HealthModuleOptions = {}): DynamicModule {
    const indicators = options.indicators ?? [];
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), ...(options.imports ?? [])],
      controllers: [HealthController],
      providers: [
        LifecycleReadinessIndicator,
        ...(options.providers ?? []),
        {
          provide: READINESS_INDICATORS,
          useFactory: (...list: ReadinessIndicator[]) => list,
          inject: [LifecycleReadinessIndicator, ...indicators],
        },
        {
          provide: READINESS_CHECK_TIMEOUT_MS,
          useValue: options.checkTimeoutMs ?? DEFAULT_READINESS_CHECK_TIMEOUT_MS,
        },
      ],
      exports: [READINESS_INDICATORS],
    };
  }
}
