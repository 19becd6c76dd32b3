import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import type { Params } from 'nestjs-pino';
import pino, { type DestinationStream, type LoggerOptions } from 'pino';
import type { LogLevel } from '../config/settings';
import { PROBE_PATHS } from '../health/health.constants';
import { telemetryLogMixin } from '../telemetry/log-fields';
import { METRICS_PATH } from '../telemetry/metrics.controller';
import { redactJsonLine } from './secret-redaction';

/** Paths polled by orchestrators and scrapers: not request-logged. */
export const QUIET_PATHS: readonly string[] = [...PROBE_PATHS, `/${METRICS_PATH}`];

/** Response header carrying the id under which the request was logged. */
export const REQUEST_ID_HEADER = 'x-ms-request-id';

/** What a service's logger needs to know. */
export interface ServiceLoggerOptions {
  /** Written as `service` on every line. */
  readonly serviceName: string;
  /** Minimum level written. */
  readonly level: LogLevel;
  /** Where lines go; stdout when omitted. Tests pass a stream to read them back. */
  readonly destination?: DestinationStream;
}

/**
 * pino options shared by every logger of a service: one JSON object per line with
 * `level` (label), `time` (ISO 8601), `service`, `msg`, the active span's `trace_id`/`span_id`,
 * and secrets redacted from the
 * finished line, so nothing a caller logs can leak a key or token.
 */
export function createPinoOptions(options: ServiceLoggerOptions): LoggerOptions {
  return {
    level: options.level,
    base: { service: options.serviceName, pid: process.pid, hostname: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    hooks: { streamWrite: redactJsonLine },
    // trace_id/span_id of the active span and the operation's ids (runWithLogFields).
    mixin: telemetryLogMixin,
  };
}

/** nestjs-pino parameters: the shared options plus request logging with a request id. */
export function createLoggerParams(options: ServiceLoggerOptions): Params {
  const httpOptions = {
    ...createPinoOptions(options),
    genReqId: assignRequestId,
    // Lines logged while handling a request carry just its id; the completion line has it all.
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    customLogLevel: levelOfResponse,
    autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.includes(pathOf(req)) },
  };
  return { pinoHttp: options.destination ? [httpOptions, options.destination] : httpOptions };
}

/**
 * A logger for the line written right before the process exits (it could not start, or
 * crashed): synchronous on stderr, so the line is out before `process.exit`.
 */
export function createFatalLogger(serviceName: string): pino.Logger {
  return pino(createPinoOptions({ serviceName, level: 'info' }), pino.destination({ fd: 2, sync: true }));
}

function assignRequestId(_req: IncomingMessage, res: ServerResponse): string {
  const id = randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

function levelOfResponse(_req: IncomingMessage, res: ServerResponse, error?: Error): LogLevel {
  return error || res.statusCode >= 500 ? 'error' : 'info';
}

function pathOf(req: IncomingMessage): string {
  return (req.url ?? '').split('?')[0];
}
