import { RunningService, spawnService, stopService, waitUntilReady } from './service-process';

/** The five services, their port settings and default ports. */
export const SERVICES = [
  { name: 'gateway', setting: 'GATEWAY_PORT', port: 8080 },
  { name: 'operation-router', setting: 'OPERATION_ROUTER_PORT', port: 8090 },
  { name: 'iomt-provisioner', setting: 'IOMT_PROVISIONER_PORT', port: 8091 },
  { name: 'fhir-provisioner', setting: 'FHIR_PROVISIONER_PORT', port: 8092 },
  { name: 'key-rotator', setting: 'KEY_ROTATOR_PORT', port: 8093 },
] as const;

/** A service of the system, by the name of its app under apps/. */
export type ServiceName = (typeof SERVICES)[number]['name'];

/** How many processes of each service run; one when absent. */
export type ReplicaCounts = Partial<Record<ServiceName, number>>;

/** One running process of a service. */
export interface ServiceInstance {
  readonly name: ServiceName;
  /** 0 for the first process of a service, 1 for the second... */
  readonly replica: number;
  readonly port: number;
  readonly url: string;
  /** The current process; replaced by {@link ServiceFleet.restart}. */
  readonly process: RunningService;
}

/** What the fleet needs to start its processes. */
export interface FleetOptions {
  readonly host: string;
  /** Settings every process gets (the infrastructure's connection settings, local conveniences). */
  readonly env: Readonly<Record<string, string>>;
  /** Extra settings per service, over `env`. */
  readonly serviceEnv?: Partial<Record<ServiceName, Readonly<Record<string, string>>>>;
  readonly replicas?: ReplicaCounts;
  /** The port of a process; called once per process, before it starts. */
  readonly portOf: (name: ServiceName, replica: number) => Promise<number>;
  readonly readyTimeoutMs: number;
  /** Receives each line a process logs, with its name (and replica number after the first). */
  readonly log: (source: string, line: string) => void;
}

/**
 * The services of the system as separate processes, each on its own port: started together and
 * awaited until every one answers its readiness check; any process can be killed (as a crash
 * would) and restarted on its port, which is what fault tests and load runs do to replicas.
 */
export class ServiceFleet {
  private readonly instances: ServiceInstance[] = [];

  private constructor(private readonly options: FleetOptions) {}

  /** Starts every process and resolves once all are ready; stops those started if one fails. */
  static async start(options: FleetOptions): Promise<ServiceFleet> {
    const fleet = new ServiceFleet(options);
    try {
      for (const { name } of SERVICES) {
        const count = options.replicas?.[name] ?? 1;
        if (!Number.isInteger(count) || count < 0) throw new Error(`The replica count of ${name} must be a whole number, got ${count}.`);
        for (let replica = 0; replica < count; replica++) {
          const port = await options.portOf(name, replica);
          fleet.instances.push({ name, replica, port, url: `http://${options.host}:${port}`, process: fleet.spawn(name, replica, port) });
        }
      }
      await Promise.all(fleet.instances.map((i) => waitUntilReady(i.process, options.host, options.readyTimeoutMs)));
    } catch (error) {
      await fleet.stop();
      throw error;
    }
    return fleet;
  }

  /** Every process, in start order. */
  get all(): readonly ServiceInstance[] {
    return this.instances;
  }

  /** One process of a service. */
  instance(name: ServiceName, replica = 0): ServiceInstance {
    const found = this.instances.find((i) => i.name === name && i.replica === replica);
    if (found === undefined) throw new Error(`No ${name} replica ${replica} runs in this system.`);
    return found;
  }

  /** Ends a process abruptly (SIGKILL unless told otherwise) and resolves once it has exited. */
  async kill(name: ServiceName, replica = 0, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const { process } = this.instance(name, replica);
    if (process.child.exitCode === null && process.child.signalCode === null) process.child.kill(signal);
    await process.exited;
  }

  /** Starts a stopped or killed process again on its port and resolves once it is ready. */
  async restart(name: ServiceName, replica = 0): Promise<void> {
    const index = this.instances.indexOf(this.instance(name, replica));
    const current = this.instances[index];
    await this.kill(name, replica, 'SIGTERM');
    const process = this.spawn(name, replica, current.port);
    this.instances[index] = { ...current, process };
    await waitUntilReady(process, this.options.host, this.options.readyTimeoutMs);
  }

  /** Stops every process gracefully (SIGTERM, then SIGKILL after 10 s). */
  async stop(): Promise<void> {
    await Promise.all(this.instances.map((i) => stopService(i.process, 10_000)));
  }

  private spawn(name: ServiceName, replica: number, port: number): RunningService {
    const env = { ...this.options.env, ...this.options.serviceEnv?.[name] };
    const source = replica === 0 ? name : `${name}#${replica}`;
    return spawnService({ name, port, env }, (_name, line) => this.options.log(source, line));
  }
}
