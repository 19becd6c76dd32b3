import type { Connection, Sender } from 'rhea';
import { remoteAttach } from './rhea-link';

/**
 * What the broker keeps per client connection: the senders that carry replies of $cbs and
 * $management requests (found by the request's `reply_to`), and clean-ups to run when the
 * connection goes away (rhea emits no link close events for a dropped connection).
 */
export class ConnectionLinks {
  private static readonly byConnection = new WeakMap<Connection, ConnectionLinks>();
  private readonly replySenders = new Map<string, Sender>();
  private readonly cleanups = new Set<() => void>();

  static of(connection: Connection): ConnectionLinks {
    let links = ConnectionLinks.byConnection.get(connection);
    if (!links) {
      links = new ConnectionLinks();
      ConnectionLinks.byConnection.set(connection, links);
    }
    return links;
  }

  /** Remembers a reply sender under its link name and its target address (the client's reply_to). */
  addReplySender(sender: Sender): void {
    const target = remoteAttach(sender).target?.address;
    this.replySenders.set(sender.name, sender);
    if (target) this.replySenders.set(target, sender);
    this.onClose(() => this.removeReplySender(sender));
  }

  removeReplySender(sender: Sender): void {
    for (const [key, value] of this.replySenders) if (value === sender) this.replySenders.delete(key);
  }

  replySender(replyTo: string | undefined): Sender | undefined {
    return replyTo === undefined ? undefined : this.replySenders.get(replyTo);
  }

  /** Registers a clean-up; returns a function that unregisters it. */
  onClose(cleanup: () => void): () => void {
    this.cleanups.add(cleanup);
    return () => this.cleanups.delete(cleanup);
  }

  /** Runs every clean-up once (the connection closed or dropped). */
  closeAll(): void {
    const cleanups = [...this.cleanups];
    this.cleanups.clear();
    for (const cleanup of cleanups) cleanup();
  }
}
