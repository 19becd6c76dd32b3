import { describeTrigger, parseTrigger, type FaultTrigger } from './durations';

/** Services whose replicas a load run may kill and restart. */
export const KILLABLE_SERVICES = ['gateway', 'operation-router', 'iomt-provisioner', 'fhir-provisioner', 'key-rotator'] as const;
export type KillableService = (typeof KILLABLE_SERVICES)[number];

/** One fault of the schedule. */
export type FaultAction =
  | { readonly type: 'kill' | 'restart'; readonly service: KillableService; readonly replica: number }
  | { readonly type: 'arm'; readonly faults: Readonly<Record<string, unknown>> };

/** A fault and when it fires. */
export interface ScheduledFault {
  readonly at: FaultTrigger;
  readonly action: FaultAction;
}

/** Thrown for a bad command line; the message says which option and why. */
export class OptionError extends Error {
  override readonly name = 'OptionError';
}

/** Parses `--kill operation-router:0@30s` / `--restart operation-router:0@50%`. */
export function parseReplicaFault(type: 'kill' | 'restart', text: string): ScheduledFault {
  const match = /^([a-z-]+)(?::(\d+))?@(.+)$/.exec(text.trim());
  const usage = `--${type} must look like operation-router:0@30s or operation-router:1@50% (service:replica@time|percent), got '${text}'`;
  if (match === null) throw new OptionError(usage);
  const service = KILLABLE_SERVICES.find((s) => s === match[1]);
  if (service === undefined) throw new OptionError(`--${type}: unknown service '${match[1]}'; one of ${KILLABLE_SERVICES.join(', ')}`);
  const at = parseTrigger(match[3]);
  if (at === undefined) throw new OptionError(usage);
  return { at, action: { type, service, replica: Number(match[2] ?? '0') } };
}

/** Parses `--arm-faults '{"failureRate":0.2}@20s'`: fake ARM fault settings applied at a time. */
export function parseArmFault(text: string): ScheduledFault {
  const split = text.lastIndexOf('@');
  const usage = `--arm-faults must look like '{"failureRate":0.2}@20s' (fake ARM fault settings JSON @time|percent), got '${text}'`;
  if (split < 0) throw new OptionError(usage);
  const at = parseTrigger(text.slice(split + 1));
  if (at === undefined) throw new OptionError(usage);
  let faults: unknown;
  try {
    faults = JSON.parse(text.slice(0, split));
  } catch {
    throw new OptionError(`${usage}: the settings are not JSON`);
  }
  if (typeof faults !== 'object' || faults === null || Array.isArray(faults)) throw new OptionError(`${usage}: the settings must be a JSON object`);
  return { at, action: { type: 'arm', faults: faults as Record<string, unknown> } };
}

/** `kill operation-router:0 @30s`, for logs and the report. */
export function describeFault(fault: ScheduledFault): string {
  const { action } = fault;
  const what = action.type === 'arm' ? `arm ${JSON.stringify(action.faults)}` : `${action.type} ${action.service}:${action.replica}`;
  return `${what} @${describeTrigger(fault.at)}`;
}
