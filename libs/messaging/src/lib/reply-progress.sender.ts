import type { ServiceBusClient, ServiceBusReceivedMessage } from '@azure/service-bus';
import { contractApplicationProperties } from '@iomt/contracts';
import { Logger } from '@nestjs/common';
import { AzureMessageSink } from './azure-message-sink';
import { CommandProgress } from './command-progress';
import { failureMessage } from './failure';
import { isRequest } from './inbound-message';
import { progressMessageFor } from './reply-progress';
import type { ServerServiceBusSessions } from './server-service-bus-sessions';
import type { MessageSink } from './session-source.port';

/**
 * Tells a requester how far its request has come: a progress message on the request's reply path
 * (`replyTo`, session `replyToSessionId`, its correlation id), which the requester's reply waiter
 * hands to its progress hook before the reply. Best effort: progress is advisory, so a failure to
 * send it is logged and never fails the work; a message that is not a request gets none.
 */
export class ReplyProgressSender {
  private readonly logger = new Logger(ReplyProgressSender.name);

  /**
   * @param sink how to send; a function so that a server's client can be taken once it is connected.
   * @param options `commandProgressMinMs`: the minimum interval of {@link forCommand} (default 0: every report).
   */
  constructor(
    private readonly sink: () => MessageSink,
    private readonly options: { readonly commandProgressMinMs?: number } = {},
  ) {}

  /**
   * The progress of the command `request` carries, from now until its `end()`, thinned out to one
   * report per `commandProgressMinMs` (see {@link CommandProgress}).
   */
  forCommand(request: ServiceBusReceivedMessage): CommandProgress {
    return new CommandProgress((percent) => this.report(request, percent), this.options.commandProgressMinMs ?? 0);
  }

  /** Sends `percentComplete` (0-100) about `request`; resolves once sent, or once the failure is logged. */
  async report(request: ServiceBusReceivedMessage, percentComplete: number): Promise<void> {
    if (!isRequest(request)) return;
    try {
      const message = progressMessageFor(request, percentComplete, contractApplicationProperties());
      await this.sink().send(request.replyTo, message);
    } catch (error) {
      this.logger.warn(`Could not report ${percentComplete}% progress of request ${String(request.messageId ?? '')}: ${failureMessage(error)}`);
    }
  }
}

/**
 * A {@link ReplyProgressSender} that sends with the connection of a worker's own commands
 * `server`, taken on first use (the server connects when it starts listening); its senders close
 * with that connection. `options` as {@link ReplyProgressSender}'s.
 */
export function replyProgressSenderOf(
  server: ServerServiceBusSessions,
  options: { readonly commandProgressMinMs?: number } = {},
): ReplyProgressSender {
  let sink: AzureMessageSink | undefined;
  return new ReplyProgressSender(() => (sink ??= new AzureMessageSink(server.unwrap<ServiceBusClient>())), options);
}
