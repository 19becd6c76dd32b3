import { parseArgs } from 'node:util';
import { parseDurationMs } from './durations';
import { OptionError, parseArmFault, parseReplicaFault, type ScheduledFault } from './fault-spec';
import { DEFAULT_MIX, parseMix, type OperationMix } from './operation-mix';
import { parseServiceSettings, type ServiceSettings } from './service-env';

/** Everything a load run is told, validated. */
export interface LoadOptions {
  readonly subscriptions: number;
  readonly operationsPerSubscription: number;
  /** Requests in flight to the gateway at most (PUTs, DELETEs and polls). */
  readonly concurrency: number;
  /** No operation is issued after this long. */
  readonly durationMs: number;
  /** How long accepted operations may take to end once issuing stopped. */
  readonly drainMs: number;
  readonly mix: OperationMix;
  readonly seed: number;
  /** Poll interval instead of the gateway's Retry-After. */
  readonly pollMs?: number;
  /** A running gateway to drive; absent: the run starts its own system. */
  readonly gatewayUrl?: string;
  /** The fake ARM's control URL when driving a running gateway. */
  readonly fakeArmUrl?: string;
  readonly routers: number;
  readonly workers: number;
  /** Fake ARM faults from the start. */
  readonly armFaults: Readonly<Record<string, number>>;
  /** The gateway's publish failure rate (own system only). */
  readonly publishFailureRate: number;
  readonly schedule: readonly ScheduledFault[];
  /** Extra settings of the services (own system only). */
  readonly serviceEnv: ServiceSettings;
  readonly outDir: string;
}

export { OptionError };

const SPEC = {
  subscriptions: { type: 'string' },
  operations: { type: 'string' },
  concurrency: { type: 'string' },
  duration: { type: 'string' },
  drain: { type: 'string' },
  mix: { type: 'string' },
  seed: { type: 'string' },
  'poll-ms': { type: 'string' },
  gateway: { type: 'string' },
  'fake-arm': { type: 'string' },
  routers: { type: 'string' },
  workers: { type: 'string' },
  'arm-failure-rate': { type: 'string' },
  'arm-latency-ms': { type: 'string' },
  'arm-throttle-rate': { type: 'string' },
  'publish-failure-rate': { type: 'string' },
  kill: { type: 'string', multiple: true },
  restart: { type: 'string', multiple: true },
  'arm-faults': { type: 'string', multiple: true },
  env: { type: 'string', multiple: true },
  out: { type: 'string' },
  help: { type: 'boolean' },
} as const;

/** Parses `npm run load -- [options]`; throws {@link OptionError} naming the bad option. */
export function parseLoadOptions(argv: readonly string[]): LoadOptions {
  let values: ReturnType<typeof parseArgs<{ options: typeof SPEC; args: string[]; strict: true }>>['values'];
  try {
    values = parseArgs({ args: [...argv], options: SPEC, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new OptionError((error as Error).message);
  }
  const gatewayUrl = url(values.gateway, '--gateway');
  const fakeArmUrl = url(values['fake-arm'], '--fake-arm');
  const schedule = [
    ...(values.kill ?? []).map((s) => parseReplicaFault('kill', s)),
    ...(values.restart ?? []).map((s) => parseReplicaFault('restart', s)),
    ...(values['arm-faults'] ?? []).map(parseArmFault),
  ];
  const publishFailureRate = rate(values['publish-failure-rate'], '--publish-failure-rate');
  const serviceEnv = parseServiceSettings(values.env ?? []);
  if (gatewayUrl !== undefined) assertRunningSystemFaults(schedule, publishFailureRate, fakeArmUrl);
  if (gatewayUrl !== undefined && values.env !== undefined) throw new OptionError('--env sets the services a run starts; leave out --gateway');
  const armFaults = armStartFaults(values);
  if (gatewayUrl !== undefined && Object.keys(armFaults).length > 0 && fakeArmUrl === undefined) {
    throw new OptionError('--arm-* faults against a running gateway need --fake-arm URL (the fake ARM it uses)');
  }
  return {
    subscriptions: integer(values.subscriptions, '--subscriptions', 20, 1, 100_000),
    operationsPerSubscription: integer(values.operations, '--operations', 5, 1, 1_000),
    concurrency: integer(values.concurrency, '--concurrency', 64, 1, 10_000),
    durationMs: duration(values.duration, '--duration', 30 * 60_000),
    drainMs: duration(values.drain, '--drain', 180_000),
    mix: values.mix === undefined ? DEFAULT_MIX : parseMix(values.mix),
    seed: integer(values.seed, '--seed', 1, 0, 2 ** 31 - 1),
    pollMs: values['poll-ms'] === undefined ? undefined : integer(values['poll-ms'], '--poll-ms', 0, 10, 600_000),
    gatewayUrl,
    fakeArmUrl,
    routers: integer(values.routers, '--routers', 2, 1, 16),
    workers: integer(values.workers, '--workers', 1, 1, 16),
    armFaults,
    publishFailureRate,
    schedule,
    serviceEnv,
    outDir: values.out ?? 'load-report',
  };
}

function assertRunningSystemFaults(schedule: readonly ScheduledFault[], publishFailureRate: number, fakeArmUrl: string | undefined): void {
  if (schedule.some((f) => f.action.type !== 'arm')) throw new OptionError('--kill/--restart need a system this run starts; leave out --gateway');
  if (publishFailureRate > 0) throw new OptionError('--publish-failure-rate is a gateway setting at start; leave out --gateway');
  if (schedule.length > 0 && fakeArmUrl === undefined) throw new OptionError('--arm-faults against a running gateway need --fake-arm URL');
}

function armStartFaults(values: Record<string, unknown>): Record<string, number> {
  const faults: Record<string, number> = {};
  if (values['arm-failure-rate'] !== undefined) faults['failureRate'] = rate(values['arm-failure-rate'] as string, '--arm-failure-rate');
  if (values['arm-throttle-rate'] !== undefined) faults['throttleRate'] = rate(values['arm-throttle-rate'] as string, '--arm-throttle-rate');
  if (values['arm-latency-ms'] !== undefined) faults['latencyMs'] = integer(values['arm-latency-ms'] as string, '--arm-latency-ms', 0, 0, 60_000);
  return faults;
}

function integer(text: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) throw new OptionError(`${name} must be a whole number from ${min} to ${max}, got '${text}'`);
  return value;
}

function rate(text: string | undefined, name: string): number {
  if (text === undefined) return 0;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) throw new OptionError(`${name} must be a number from 0 to 1, got '${text}'`);
  return value;
}

function duration(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const ms = parseDurationMs(text);
  if (ms === undefined || ms <= 0) throw new OptionError(`${name} must be a duration like 90s, 5m or 500ms, got '${text}'`);
  return ms;
}

function url(text: string | undefined, name: string): string | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = new URL(text);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error();
    return parsed.href.replace(/\/$/, '');
  } catch {
    throw new OptionError(`${name} must be an http(s) URL, got '${text}'`);
  }
}
