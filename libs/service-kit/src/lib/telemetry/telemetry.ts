import { context, diag, metrics, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader, type MetricReader } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { TelemetrySettings } from './telemetry.settings';

/**
 * What tests (or unusual hosts) plug into a service's telemetry instead of, or beside, what the
 * environment configures: e.g. an `InMemorySpanExporter` (exported span by span, synchronously).
 */
export interface TelemetryOverrides {
  /** Receives every span as it ends (through a simple, unbatched processor). */
  readonly spanExporter?: SpanExporter;
  /** Extra metric readers (e.g. an in-memory one); the Prometheus reader is always there. */
  readonly metricReaders?: readonly MetricReader[];
}

/** The OpenTelemetry SDK of one service process. */
export interface Telemetry {
  /** Serves the Prometheus text exposition; `undefined` when the SDK is disabled. */
  readonly prometheus?: PrometheusExporter;
  /** Exports what is buffered (spans, metrics) without stopping. */
  forceFlush(): Promise<void>;
  /** Flushes and stops the exporters, and gives the global API back its no-op defaults. */
  shutdown(): Promise<void>;
}

// The API's globals are per process; a second service in the same process (tests) records
// through the first one's providers, and only the owner unregisters them.
let globalOwner: Telemetry | undefined;

/**
 * Starts tracing (NodeTracerProvider, AsyncLocalStorage context, W3C trace-context and baggage
 * propagation) and metrics (MeterProvider with a Prometheus reader served by the app) with a
 * resource naming the service, exporting over OTLP/HTTP where the settings say so. Call it
 * before any code gets a meter: the metrics API has no proxy for a provider registered later.
 */
export function startTelemetry(settings: TelemetrySettings, overrides: TelemetryOverrides = {}): Telemetry {
  if (settings.disabled) return { forceFlush: async () => undefined, shutdown: async () => undefined };
  const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: settings.serviceName });
  const tracerProvider = new NodeTracerProvider({ resource, spanProcessors: spanProcessorsOf(settings, overrides) });
  const prometheus = new PrometheusExporter({ preventServerStart: true });
  const meterProvider = new MeterProvider({ resource, readers: [prometheus, ...metricReadersOf(settings, overrides)] });
  let stopped: Promise<void> | undefined;
  const telemetry: Telemetry = {
    prometheus,
    forceFlush: async () => {
      await Promise.all([tracerProvider.forceFlush(), meterProvider.forceFlush()]);
    },
    shutdown: () => {
      if (globalOwner === telemetry) unregisterGlobals();
      stopped ??= Promise.allSettled([tracerProvider.shutdown(), meterProvider.shutdown()]).then(() => undefined);
      return stopped;
    },
  };
  if (globalOwner === undefined) {
    registerGlobals(tracerProvider, meterProvider);
    globalOwner = telemetry;
  } else {
    diag.warn(`${settings.serviceName}: telemetry already registered in this process; using the first service's`);
  }
  return telemetry;
}

function spanProcessorsOf(settings: TelemetrySettings, overrides: TelemetryOverrides): SpanProcessor[] {
  const processors: SpanProcessor[] = [];
  if (overrides.spanExporter) processors.push(new SimpleSpanProcessor(overrides.spanExporter));
  if (settings.tracesUrl !== undefined) {
    const exporter = new OTLPTraceExporter({ url: settings.tracesUrl });
    processors.push(new BatchSpanProcessor(exporter, { scheduledDelayMillis: settings.spanBatchDelayMs }));
  }
  return processors;
}

function metricReadersOf(settings: TelemetrySettings, overrides: TelemetryOverrides): MetricReader[] {
  const readers = [...(overrides.metricReaders ?? [])];
  if (settings.metricsUrl !== undefined) {
    const exporter = new OTLPMetricExporter({ url: settings.metricsUrl });
    readers.push(new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: settings.metricExportIntervalMs }));
  }
  return readers;
}

function registerGlobals(tracerProvider: NodeTracerProvider, meterProvider: MeterProvider): void {
  tracerProvider.register({
    contextManager: new AsyncLocalStorageContextManager(),
    propagator: new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }),
  });
  metrics.setGlobalMeterProvider(meterProvider);
}

function unregisterGlobals(): void {
  trace.disable();
  context.disable();
  propagation.disable();
  metrics.disable();
  globalOwner = undefined;
}
