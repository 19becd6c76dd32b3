import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { RolloutMode } from '../rollout/rollout.types';

/** The command-line usage, printed on `--help` and on a usage error. */
export const USAGE = `Usage: npm run deploy -- <open-region|deploy-environment> --env <group> [options]

  open-region          open regions of an environment group (Deploy-EnvironmentGroup); safe to re-run
  deploy-environment   update open regions incrementally (Deploy-Environment)

  --env <group>              environment group: deploy/environmentGroups/<group>.json (e.g. test, prod)
  --region <name>            a region of the group (repeatable or comma-separated); all regions when absent
  --what-if                  print the planned changes; deploy nothing, write nothing
  --arm-endpoint <url>       ARM endpoint (default: the group's); http://127.0.0.1:<port> is the fake ARM
  --cosmos-endpoint <url>    Global DB endpoint (default: COSMOS_ENDPOINT, else the group's)
  --cosmos-database <name>   Global DB database (default: COSMOS_DATABASE, else the group's)
  --cosmos-tls-verify <bool> verify the Global DB's TLS certificate (default true; false for the local server)
  --config-dir <dir>         configuration directory (default: the repository's deploy/)
  --settings-dir <dir>       where per-region settings files go (default: dist/deploy/settings)

Environment: COSMOS_KEY (the Global DB key, required); ARM_ACCESS_TOKEN (a bearer token for Azure,
e.g. from 'az account get-access-token'; not needed for the fake ARM or with --what-if).`;

/** A command line that cannot be run; the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {}

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const optionsSchema = z.object({
  command: z.enum(['open-region', 'deploy-environment'], { error: 'must be open-region or deploy-environment' }),
  env: z
    .string({ error: 'is required' })
    .regex(/^[a-z][a-z0-9-]*$/, { error: 'must be an environment group name such as test' }),
  regions: z.array(z.string().min(1)),
  whatIf: z.boolean(),
  armEndpoint: httpUrl.optional(),
  cosmosEndpoint: httpUrl.optional(),
  cosmosDatabase: z.string().min(1).optional(),
  cosmosTlsVerify: z.stringbool({ error: 'must be true or false' }).default(true),
  configDir: z.string().min(1).optional(),
  settingsDir: z.string().min(1).default('dist/deploy/settings'),
});

/** A parsed command line. */
export type CliOptions = Omit<z.output<typeof optionsSchema>, 'command'> & { readonly command: RolloutMode };

/** `--help`, or a command to run. */
export type CliRequest = { readonly help: true } | { readonly help: false; readonly options: CliOptions };

const ARGUMENT_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  env: { type: 'string' },
  region: { type: 'string', multiple: true },
  'what-if': { type: 'boolean' },
  'arm-endpoint': { type: 'string' },
  'cosmos-endpoint': { type: 'string' },
  'cosmos-database': { type: 'string' },
  'cosmos-tls-verify': { type: 'string' },
  'config-dir': { type: 'string' },
  'settings-dir': { type: 'string' },
} as const;

function readArgv(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: ARGUMENT_OPTIONS });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** `cosmosTlsVerify` → `--cosmos-tls-verify`, as the user typed it. */
function optionName(field: string): string {
  const names: Record<string, string> = { command: 'the command', regions: '--region' };
  return names[field] ?? `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * Parses the command line (without `node` and the script).
 * @throws UsageError naming the bad option.
 */
export function parseCliArguments(argv: readonly string[]): CliRequest {
  const { values, positionals } = readArgv(argv);
  if (values.help) return { help: true };
  if (positionals.length > 1) throw new UsageError(`unexpected arguments: ${positionals.slice(1).join(' ')}`);
  const result = optionsSchema.safeParse({
    command: positionals[0],
    env: values.env,
    regions: (values.region ?? [])
      .flatMap((r) => r.split(','))
      .map((r) => r.trim())
      .filter((r) => r !== ''),
    whatIf: values['what-if'] ?? false,
    armEndpoint: values['arm-endpoint'],
    cosmosEndpoint: values['cosmos-endpoint'],
    cosmosDatabase: values['cosmos-database'],
    cosmosTlsVerify: values['cosmos-tls-verify'],
    configDir: values['config-dir'],
    settingsDir: values['settings-dir'],
  });
  if (!result.success) {
    const [issue] = result.error.issues;
    throw new UsageError(`${optionName(String(issue.path[0]))} ${issue.message}`);
  }
  return { help: false, options: result.data };
}
