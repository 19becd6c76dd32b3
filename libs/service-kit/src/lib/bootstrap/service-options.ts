import type { DynamicModule, Type } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import type { z } from 'zod';
import type { ConfigToken } from '../config/config-token';
import type { ConfigSource } from '../config/load-config';
import type { ServiceSettings } from '../config/service-config.schema';
import type { TelemetryOverrides } from '../telemetry/telemetry';

/** The app's root module, as passed to `NestFactory.create`. */
export type AppModuleRef = Type<unknown> | DynamicModule;

/** Describes one service process; each app exports one next to its config schema. */
export interface ServiceDefinition<S extends z.ZodType<ServiceSettings>> {
  /** Written as `service` on every log line. */
  readonly serviceName: string;
  /** The app's settings, built on `serviceConfigSchema`. */
  readonly configSchema: S;
  /** Token under which the validated settings are injectable. */
  readonly configToken: ConfigToken<z.output<S>>;
}

/** A {@link ServiceDefinition} plus what tests (or unusual launchers) override. */
export interface ServiceOptions<S extends z.ZodType<ServiceSettings>> extends ServiceDefinition<S> {
  /** Settings source; `process.env` when omitted. */
  readonly env?: ConfigSource;
  /** Log destination; stdout when omitted. */
  readonly logDestination?: DestinationStream;
  /** Exporters or readers to add to the ones the `OTEL_*` settings configure (tests: in-memory ones). */
  readonly telemetry?: TelemetryOverrides;
}
