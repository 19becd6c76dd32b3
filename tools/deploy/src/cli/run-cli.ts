import { isDomainError, ResourceDeployer } from '@iomt/domain';
import { DeployConfigError } from '../config/config-error';
import { loadDeployConfig } from '../config/load-deploy-config';
import { DEFAULT_CONFIG_DIR, rollOut } from '../rollout/roll-out';
import type { RegionRolloutReport } from '../rollout/rollout.types';
import { CliOptions, parseCliArguments, USAGE, UsageError } from './cli-options';
import { connectGlobalDb } from './global-db.connection';

/** What the CLI talks to: its environment, its output, and how it makes the ARM deployer. */
export interface CliEnvironment {
  readonly env: NodeJS.ProcessEnv;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Builds the deployer for an ARM endpoint; not called in what-if mode. */
  readonly createDeployer: (armEndpoint: string, env: NodeJS.ProcessEnv) => ResourceDeployer;
  readonly signal?: AbortSignal;
}

/** Stands in for the deployer in what-if mode, where nothing may be deployed. */
const whatIfDeployer: ResourceDeployer = {
  deploy: async (request) => {
    throw new Error(`what-if mode deploys nothing, yet ${request.deploymentName} was about to be deployed`);
  },
  deleteResourceGroup: async () => {
    throw new Error('what-if mode deletes nothing');
  },
};

function summary(report: RegionRolloutReport): string {
  const verb = report.applied
    ? report.action === 'open'
      ? 'opened'
      : 'updated'
    : `would be ${report.action === 'open' ? 'opened' : 'updated'}`;
  return `${report.region} (${report.environment}) ${verb}; deployments: ${report.deploymentNames.join(', ')}`;
}

async function run(options: CliOptions, cli: CliEnvironment): Promise<void> {
  const key = cli.env.COSMOS_KEY;
  if (!key) throw new UsageError('COSMOS_KEY must be set to the Global DB key');
  const configDir = options.configDir ?? DEFAULT_CONFIG_DIR;
  const { group } = await loadDeployConfig(configDir, options.env);
  const armEndpoint = options.armEndpoint ?? group.armEndpoint;
  const globalDb = {
    endpoint: options.cosmosEndpoint ?? cli.env.COSMOS_ENDPOINT ?? group.globalDb.endpoint,
    databaseName: options.cosmosDatabase ?? cli.env.COSMOS_DATABASE ?? group.globalDb.databaseName,
  };
  // Before connecting: a missing ARM credential is a usage error, found without any I/O.
  const deployer = options.whatIf ? whatIfDeployer : cli.createDeployer(armEndpoint, cli.env);
  const connection = await connectGlobalDb({
    ...globalDb,
    key,
    tlsVerify: options.cosmosTlsVerify,
    readOnly: options.whatIf,
  });
  try {
    const reports = await rollOut(options.command, {
      deployer,
      clusterMetadata: connection.clusterMetadata,
      environment: options.env,
      regions: options.regions,
      configDir,
      settingsDir: options.settingsDir,
      armEndpoint,
      globalDb,
      whatIf: options.whatIf,
      log: cli.out,
      signal: cli.signal,
    });
    reports.forEach((report) => cli.out(summary(report)));
  } finally {
    connection.close();
  }
}

/**
 * Runs the deploy CLI: 0 on success (or `--help`), 1 when the rollout fails (the error's code,
 * message and details on stderr), 2 on a usage error.
 */
export async function runCli(argv: readonly string[], cli: CliEnvironment): Promise<number> {
  try {
    const request = parseCliArguments(argv);
    if (request.help) {
      cli.out(USAGE);
      return 0;
    }
    await run(request.options, cli);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      cli.err(`error: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (isDomainError(error)) {
      cli.err(`error: ${error.code}: ${error.message}`);
      // A configuration error's message already lists its problems.
      if (!(error instanceof DeployConfigError))
        error.details.forEach((d) => cli.err(`  ${d.target ? `${d.target}: ` : ''}${d.message}`));
    } else {
      cli.err(`error: ${(error as Error)?.message ?? String(error)}`);
    }
    return 1;
  }
}
