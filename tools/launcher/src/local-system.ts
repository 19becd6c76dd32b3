import { appendFileSync } from 'node:fs';
import { startLocalStack, type LocalStack } from '@iomt/local-stack';
import { freePort } from './free-port';
import { localGatewaySettings } from './launcher';
import { regionsComponent } from './regions.component';
import { ReplicaCounts, ServiceFleet, ServiceName } from './service-fleet';

/** Options of {@link startLocalSystem}; every one has a default fit for a test. */
export interface LocalSystemOptions {
  /** Settings for every service, over the local stack's. */
  readonly env?: Readonly<Record<string, string>>;
  /** Settings for one service, over `env`. */
  readonly serviceEnv?: Partial<Record<ServiceName, Readonly<Record<string, string>>>>;
  /** Processes per service (default one each; zero leaves a service out). */
  readonly replicas?: ReplicaCounts;
  /** Opens the three local regions in the cluster metadata first (default true). */
  readonly openRegions?: boolean;
  /** Receives every line the services log (default: appended to $LOCAL_SYSTEM_LOG_FILE when set, else dropped). */
  readonly log?: (source: string, line: string) => void;
  readonly readyTimeoutMs?: number;
}

/** The whole system on ephemeral loopback ports, with handles on its parts. */
export interface LocalSystem {
  /** The first gateway process's base URL. */
  readonly gatewayUrl: string;
  /** The local servers, in this process: the fake ARM's state, calls and faults among them. */
  readonly stack: LocalStack;
  /** The settings the services run with. */
  readonly env: Readonly<Record<string, string>>;
  /** The service processes: kill, restart, ports. */
  readonly services: ServiceFleet;
  /** Stops the services, then the servers. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/**
 * Starts the local stack in this process (Service Bus emulator, Cosmos server, Azurite, fake
 * ARM) and the five services as real processes, each on an ephemeral port; resolves once every
 * service is ready. What the whole-system tests, benchmarks and load runs start from.
 */
export async function startLocalSystem(options: LocalSystemOptions = {}): Promise<LocalSystem> {
  const stack = await startLocalStack({ ...localGatewaySettings({}), ...options.env });
  try {
    const env: Record<string, string> = { ...stack.env };
    delete env['PORT'];
    if (options.openRegions ?? true) await (await regionsComponent().start(env)).stop();
    const services = await ServiceFleet.start({
      host: HOST,
      env,
      serviceEnv: options.serviceEnv,
      replicas: options.replicas,
      portOf: () => freePort(HOST),
      readyTimeoutMs: options.readyTimeoutMs ?? 120_000,
      log: options.log ?? logToFile(process.env['LOCAL_SYSTEM_LOG_FILE']),
    });
    const gateways = services.all.filter((i) => i.name === 'gateway');
    const stop = async (): Promise<void> => {
      await services.stop();
      await stack.stop();
    };
    return { gatewayUrl: gateways[0]?.url ?? '', stack, env, services, stop };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

/** Keeps the services' logs of a test run for reading after a failure, without flooding Jest's output. */
function logToFile(file: string | undefined): (source: string, line: string) => void {
  if (file === undefined || file === '') return () => undefined;
  return (source, line) => appendFileSync(file, `[${source}] ${line}\n`);
}
