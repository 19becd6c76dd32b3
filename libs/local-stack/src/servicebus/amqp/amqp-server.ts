import type { AddressInfo, Socket } from 'node:net';
import { create_container, type Connection, type EventContext, type Receiver, type Sender } from 'rhea';
import { BrokerError, Condition } from '../broker/broker-error';
import type { NamespaceBroker } from '../broker/namespace-broker';
import { handleCbsRequest } from './cbs-handler';
import { ConnectionLinks } from './connection-links';
import { attachConsumer, refuse } from './consumer-attach';
import { attachIngress } from './ingress-link';
import { managementHandler } from './management/management-handler';
import { serveRequests } from './request-response';
import { remoteAttach } from './rhea-link';

const CBS = '$cbs';
const MANAGEMENT_SUFFIX = '/$management';

/** A listening AMQP endpoint of the emulator. */
export interface AmqpServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Listens for AMQP 1.0 over plain TCP and routes each attached link by its address: `$cbs`,
 * `<entity>/$management`, or an entity (client senders feed it, client receivers consume it).
 */
export async function listenAmqp(broker: NamespaceBroker, host: string, port: number): Promise<AmqpServer> {
  const container = create_container({ id: 'servicebus-emulator' });
  const connections = new Set<Connection>();
  container.on('connection_open', (context: EventContext) => connections.add(context.connection));
  const dropConnection = (context: EventContext): void => {
    connections.delete(context.connection);
    ConnectionLinks.of(context.connection).closeAll();
  };
  container.on('connection_close', dropConnection);
  container.on('disconnected', dropConnection);
  container.on('receiver_open', (context: EventContext) => routeReceiver(context.receiver as Receiver, broker));
  container.on('sender_open', (context: EventContext) => routeSender(context.sender as Sender, broker));
  // A link or connection error must never bring the emulator down.
  container.on('error', () => undefined);
  const server = container.listen({
    host,
    port,
    receiver_options: { autoaccept: false, credit_window: 1000 },
    sender_options: { treat_modified_as_released: false, autosettle: false },
  } as never);
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    // Many small frames go back and forth (flow, transfer, disposition): Nagle's delay would stall them.
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const connection of connections) connection.close();
        // Give the close frames a moment to leave before the sockets are cut.
        setImmediate(() => {
          for (const socket of sockets) socket.destroy();
          server.close(() => resolve());
        });
      }),
  };
}

function routeReceiver(receiver: Receiver, broker: NamespaceBroker): void {
  const address = remoteAttach(receiver).target?.address ?? '';
  try {
    if (address === CBS || address.endsWith(MANAGEMENT_SUFFIX)) {
      receiver.set_target({ address });
      const handler = address === CBS ? handleCbsRequest : managementHandler(broker, address.slice(0, -MANAGEMENT_SUFFIX.length));
      serveRequests(receiver, handler);
      return;
    }
    attachIngress(receiver, broker.sendTarget(address));
  } catch (error) {
    refuse(receiver, asBrokerError(error));
  }
}

function routeSender(sender: Sender, broker: NamespaceBroker): void {
  const address = remoteAttach(sender).source?.address ?? '';
  try {
    if (address === CBS || address.endsWith(MANAGEMENT_SUFFIX)) {
      sender.set_source({ address });
      sender.set_target({ address: remoteAttach(sender).target?.address ?? '' });
      ConnectionLinks.of(sender.connection).addReplySender(sender);
      return;
    }
    attachConsumer(sender, broker.receivable(address));
  } catch (error) {
    refuse(sender, asBrokerError(error));
  }
}

function asBrokerError(error: unknown): BrokerError {
  return error instanceof BrokerError ? error : new BrokerError(Condition.internalError, String(error));
}
