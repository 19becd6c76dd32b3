import { assertPortFree, portFromEnv } from './port-check';
import { SERVICES, ServiceFleet, ServiceName } from './service-fleet';

/** A piece of local infrastructure (emulator, server) the services need. */
export interface StackComponent {
  readonly name: string;
  /**
   * Starts the component; resolves with the settings the services need to reach it.
   * `env` holds the settings of the components started before it.
   */
  start(env: Readonly<Record<string, string>>): Promise<StartedComponent>;
}

/** A started component: environment for the services, and how to stop it. */
export interface StartedComponent {
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * What the gateway needs on the local stack: no ARM announces subscriptions, so unknown ones count
 * as registered; without LOCAL_ARM_TOKEN, requests on loopback need no token; and clients poll
 * every second (the contract's 10 s minimum Retry-After is for Azure).
 */
export function localGatewaySettings(env: NodeJS.ProcessEnv): Record<string, string> {
  return {
    LRO_RETRY_AFTER_SECONDS: env.LRO_RETRY_AFTER_SECONDS ?? '1',
    LOCAL_AUTO_REGISTER_SUBSCRIPTIONS: env.LOCAL_AUTO_REGISTER_SUBSCRIPTIONS ?? 'true',
    LOCAL_ALLOW_ANONYMOUS: env.LOCAL_ALLOW_ANONYMOUS ?? (env.LOCAL_ARM_TOKEN ? 'false' : 'true'),
  };
}

/** Launcher options. */
export interface LauncherOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly host: string;
  readonly components: readonly StackComponent[];
  readonly readyTimeoutMs: number;
  readonly log: (line: string) => void;
}

/** The running system; `stop()` stops services first, then the infrastructure. */
export interface RunningSystem {
  readonly gatewayUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the infrastructure components, then the five services with the components' settings,
 * and resolves once every service answers its readiness check.
 */
export async function launchSystem(options: LauncherOptions): Promise<RunningSystem> {
  const { env, host, log } = options;
  const ports = Object.fromEntries(SERVICES.map((s) => [s.name, portFromEnv(env, s.setting, s.port)])) as Record<ServiceName, number>;
  for (const s of SERVICES) await assertPortFree(host, ports[s.name], s.setting);

  const started: StartedComponent[] = [];
  let fleet: ServiceFleet | undefined;
  const stop = async (): Promise<void> => {
    await fleet?.stop();
    for (const component of started.reverse()) await component.stop();
  };
  try {
    const sharedEnv: Record<string, string> = { HOST: host, ...localGatewaySettings(env) };
    for (const component of options.components) {
      const running = await component.start(sharedEnv);
      started.push(running);
      Object.assign(sharedEnv, running.env);
      log(`[local-stack] ${component.name} started`);
    }
    fleet = await ServiceFleet.start({
      host,
      env: sharedEnv,
      portOf: async (name) => ports[name],
      readyTimeoutMs: options.readyTimeoutMs,
      log: (source, line) => log(`[${source}] ${line}`),
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { gatewayUrl: `http://${host}:${ports.gateway}`, stop };
}
