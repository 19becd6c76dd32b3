import { z } from 'zod';
import { loadConfig, type ConfigSource } from '../config/load-config';
import { integerSetting, unsetWhenEmpty } from '../config/settings';

/** The OTLP wire format this build exports: JSON over HTTP (`@opentelemetry/exporter-*-otlp-http`). */
export const OTLP_HTTP_JSON = 'http/json';

const booleanSetting = unsetWhenEmpty(
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(['true', 'false'], { error: 'must be true or false' }))
    .transform((value) => value === 'true')
    .default(false),
);
const urlSetting = unsetWhenEmpty(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional());
// Only JSON is installed; the spec's default (http/protobuf) needs exporter-*-otlp-proto.
const protocolSetting = unsetWhenEmpty(
  z.enum([OTLP_HTTP_JSON], { error: `must be ${OTLP_HTTP_JSON} (the only OTLP protocol this build exports)` }).optional(),
);
const millisecondsSetting = unsetWhenEmpty(integerSetting(1, 3_600_000).optional());

/**
 * The standard OpenTelemetry environment variables a service honours
 * (https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/).
 */
export const telemetrySettingsSchema = z.object({
  OTEL_SDK_DISABLED: booleanSetting,
  OTEL_SERVICE_NAME: unsetWhenEmpty(z.string().trim().min(1).optional()),
  OTEL_EXPORTER_OTLP_ENDPOINT: urlSetting,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: urlSetting,
  OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: urlSetting,
  OTEL_EXPORTER_OTLP_PROTOCOL: protocolSetting,
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: protocolSetting,
  OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: protocolSetting,
  OTEL_BSP_SCHEDULE_DELAY: millisecondsSetting,
  OTEL_METRIC_EXPORT_INTERVAL: millisecondsSetting,
});

/** What telemetry does in one process, resolved from the environment. */
export interface TelemetrySettings {
  /** `OTEL_SDK_DISABLED=true`: no SDK at all (the API stays a no-op, `/metrics` answers 404). */
  readonly disabled: boolean;
  /** `service.name` of the resource: `OTEL_SERVICE_NAME`, else the service's own name. */
  readonly serviceName: string;
  /** Full URL spans are POSTed to, when traces go out over OTLP. */
  readonly tracesUrl?: string;
  /** Full URL metrics are POSTed to, when metrics go out over OTLP. */
  readonly metricsUrl?: string;
  /** Delay between two span batches (`OTEL_BSP_SCHEDULE_DELAY`). */
  readonly spanBatchDelayMs?: number;
  /** Interval between two OTLP metric exports (`OTEL_METRIC_EXPORT_INTERVAL`). */
  readonly metricExportIntervalMs?: number;
}

/**
 * Reads the OpenTelemetry settings. A signal-specific endpoint is used as it is; the generic one
 * gets the signal's path (`/v1/traces`, `/v1/metrics`) appended, as the specification says.
 * @throws ConfigValidationError naming the bad variables.
 */
export function loadTelemetrySettings(env: ConfigSource, serviceName: string): TelemetrySettings {
  const raw = loadConfig(telemetrySettingsSchema, env);
  const base = raw.OTEL_EXPORTER_OTLP_ENDPOINT;
  return {
    disabled: raw.OTEL_SDK_DISABLED,
    serviceName: raw.OTEL_SERVICE_NAME ?? serviceName,
    tracesUrl: raw.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? signalUrl(base, 'traces'),
    metricsUrl: raw.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT ?? signalUrl(base, 'metrics'),
    spanBatchDelayMs: raw.OTEL_BSP_SCHEDULE_DELAY,
    metricExportIntervalMs: raw.OTEL_METRIC_EXPORT_INTERVAL,
  };
}

function signalUrl(base: string | undefined, signal: 'traces' | 'metrics'): string | undefined {
  if (base === undefined) return undefined;
  return `${base.replace(/\/+$/, '')}/v1/${signal}`;
}
