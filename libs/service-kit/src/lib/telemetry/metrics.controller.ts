import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TELEMETRY } from './telemetry.tokens';
import type { Telemetry } from './telemetry';

/** Path Prometheus scrapes on every service's own HTTP port. */
export const METRICS_PATH = 'metrics';

/** `GET /metrics`: the service's metrics in the Prometheus text exposition format. */
@Controller()
export class MetricsController {
  constructor(@Inject(TELEMETRY) private readonly telemetry: Telemetry) {}

  /** Answered by the Prometheus exporter's own handler; 404 when the SDK is disabled. */
  @Get(METRICS_PATH)
  scrape(@Req() request: IncomingMessage, @Res() response: ServerResponse): void {
    const exporter = this.telemetry.prometheus;
    if (exporter === undefined) {
      response.statusCode = 404;
      response.setHeader('content-type', 'text/plain; charset=utf-8');
      response.end('Metrics are disabled (OTEL_SDK_DISABLED=true).\n');
      return;
    }
    exporter.getMetricsRequestHandler(request, response);
  }
}
