import { z } from 'zod';

/** Log levels a service accepts, most severe first (pino's names). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Treats an empty environment variable as unset, so `PORT=` falls back to the default
 * (or is reported as missing) instead of failing as a malformed number.
 */
export function unsetWhenEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema);
}

/** A whole number written in decimal digits, within [min, max]. */
export function integerSetting(min: number, max: number) {
  const error = `must be an integer from ${min} to ${max}`;
  return z
    .string()
    .trim()
    .regex(/^\d+$/, { error })
    .transform(Number)
    .pipe(z.number().int().min(min, { error }).max(max, { error }));
}

/** A TCP port (0 asks the OS for a free one). */
export function portSetting(defaultPort: number) {
  return unsetWhenEmpty(integerSetting(0, 65_535).default(defaultPort));
}

/** A TCP port that may stay unset (no default). */
export function optionalPortSetting() {
  return unsetWhenEmpty(integerSetting(0, 65_535).optional());
}

/** A duration in whole milliseconds. */
export function durationMsSetting(defaultMs: number, maxMs = 3_600_000) {
  return unsetWhenEmpty(integerSetting(1, maxMs).default(defaultMs));
}

/** An interface to bind to: a host name, an IPv4 or an IPv6 address. */
export function hostSetting(defaultHost: string) {
  const error = 'must be a host name or an IP address';
  return unsetWhenEmpty(z.union([z.hostname(), z.ipv6()], { error }).default(defaultHost));
}

/** A pino log level. */
export function logLevelSetting(defaultLevel: LogLevel) {
  const error = `must be one of ${LOG_LEVELS.join(', ')}`;
  return unsetWhenEmpty(z.enum(LOG_LEVELS, { error }).default(defaultLevel));
}

/** A secret string (token, key) that may stay unset. Never echoed in errors. */
export function optionalSecretSetting() {
  return unsetWhenEmpty(z.string().optional());
}
