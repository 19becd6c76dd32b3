import { listenAmqp } from './amqp/amqp-server';
import { NamespaceBroker, type EntityCounts } from './broker/namespace-broker';
import type { NamespaceDefinition } from './config/entity-definitions';
import { loadEmulatorConfig } from './config/emulator-config.loader';

/** Options of {@link startServiceBusEmulator}. */
export interface ServiceBusEmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  readonly host?: string;
  /** A Config.json path, or its parsed content (official emulator format). */
  readonly config: string | object;
  /** How often expired messages are swept out of idle entities, in ms; default 1000. */
  readonly expirySweepIntervalMs?: number;
}

/** A running emulator. */
export interface ServiceBusEmulator {
  /** For `new ServiceBusClient(connectionString)`: plain TCP through `UseDevelopmentEmulator=true`. */
  readonly connectionString: string;
  readonly port: number;
  /** The validated entities it serves. */
  readonly namespace: NamespaceDefinition;
  /** Message counts of a queue or `topic/Subscriptions/name` (or a `/$DeadLetterQueue`). */
  counts(entityPath: string): EntityCounts;
  /** Closes client connections and the listener, and cancels timers. */
  stop(): Promise<void>;
}

/**
 * Starts an AMQP 1.0 Service Bus emulator that the unmodified `@azure/service-bus` client can
 * use, serving the queues, topics and subscriptions of a Config.json.
 * @throws EmulatorConfigError when the configuration is invalid.
 */
export async function startServiceBusEmulator(options: ServiceBusEmulatorOptions): Promise<ServiceBusEmulator> {
  const namespace = loadEmulatorConfig(options.config);
  const host = options.host ?? '127.0.0.1';
  const broker = new NamespaceBroker(namespace, undefined, options.expirySweepIntervalMs);
  let server;
  try {
    server = await listenAmqp(broker, host, options.port ?? 0);
  } catch (error) {
    broker.stop();
    throw error;
  }
  const { port } = server;
  let stopped: Promise<void> | undefined;
  return {
    connectionString: serviceBusConnectionString(host, port),
    port,
    namespace,
    counts: (entityPath) => broker.inspect(entityPath),
    stop: () => {
      stopped ??= (async () => {
        broker.stop();
        await server.close();
      })();
      return stopped;
    },
  };
}

/** The emulator connection string for a host and port (the key is the emulator's well-known one). */
export function serviceBusConnectionString(host: string, port: number): string {
  return `Endpoint=sb://${host}:${port};SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true`;
}
