import { KILLABLE_SERVICES, type KillableService, OptionError } from './fault-spec';

/** Settings for the services a run starts: `'*'` for every service, else by service name. */
export type ServiceSettings = Readonly<Partial<Record<KillableService | '*', Readonly<Record<string, string>>>>>;

/** Parses repeated `--env [service:]NAME=value` into settings per service. */
export function parseServiceSettings(texts: readonly string[]): ServiceSettings {
  const settings: Partial<Record<KillableService | '*', Record<string, string>>> = {};
  for (const text of texts) {
    const match = /^(?:([a-z-]+):)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(text);
    if (match === null) throw new OptionError(`--env must look like operation-router:SERVICEBUS_MAX_CONCURRENT_SESSIONS=32 or NAME=value, got '${text}'`);
    const service = match[1] === undefined ? '*' : KILLABLE_SERVICES.find((s) => s === match[1]);
    if (service === undefined) throw new OptionError(`--env: unknown service '${match[1]}'; one of ${KILLABLE_SERVICES.join(', ')}`);
    settings[service] = { ...settings[service], [match[2]]: match[3] };
  }
  return settings;
}
