import { Inject, Injectable } from '@nestjs/common';
import { commandContractOf, parseCommand, QueueName } from '@iomt/contracts';
import { ClientServiceBus, ReplyProgress, ServiceBusRecord } from '@iomt/messaging';
import type { RouterCommand } from '../handlers/router-command';
import { OperationInterruptedError } from './operation-interrupted.error';

/** DI tokens of the command clients, one per worker queue. */
export const FHIR_COMMANDS_CLIENT = Symbol('FHIR_COMMANDS_CLIENT');
export const IOMT_COMMANDS_CLIENT = Symbol('IOMT_COMMANDS_CLIENT');
export const KEY_ROTATION_COMMANDS_CLIENT = Symbol('KEY_ROTATION_COMMANDS_CLIENT');

/** Sends a command to its worker and waits for the reply (the seam the processor's unit tests fake). */
export interface CommandDispatcher {
  /**
   * Resolves with the reply's result. Rejects with the worker's error (`RemoteOperationError`,
   * with its `retryable`), a `ReplyTimeoutError`, or an `OperationInterruptedError` when `signal` aborts.
   * The worker's progress reports before its reply go to `onProgress` (a percentage).
   */
  dispatch(command: RouterCommand, attempt: number, signal: AbortSignal, onProgress?: (percentComplete: number) => void): Promise<unknown>;
}

/** DI token of {@link CommandDispatcher}. */
export const COMMAND_DISPATCHER = Symbol('COMMAND_DISPATCHER');

/**
 * {@link CommandDispatcher} on Service Bus: the command goes to its contract's queue in the
 * customer subscription's session (so a worker also runs one subscription's commands in order),
 * as a request whose reply comes back in session `operationId` of `operation-replies`.
 */
@Injectable()
export class ServiceBusCommandDispatcher implements CommandDispatcher {
  private readonly clients: Readonly<Record<string, ClientServiceBus>>;

  constructor(
    @Inject(FHIR_COMMANDS_CLIENT) fhir: ClientServiceBus,
    @Inject(IOMT_COMMANDS_CLIENT) iomt: ClientServiceBus,
    @Inject(KEY_ROTATION_COMMANDS_CLIENT) keyRotation: ClientServiceBus,
  ) {
    this.clients = {
      [QueueName.FhirCommands]: fhir,
      [QueueName.IomtCommands]: iomt,
      [QueueName.KeyRotationCommands]: keyRotation,
    };
  }

  dispatch(command: RouterCommand, attempt: number, signal: AbortSignal, onProgress?: (percentComplete: number) => void): Promise<unknown> {
    const { queue } = commandContractOf(command.subject);
    const client = this.clients[queue];
    if (client === undefined) throw new Error(`No client for the queue ${queue}`);
    // Validating here turns a bad id into a precise, non-retryable error instead of a dead letter at the worker.
    const payload = parseCommand(command.subject, {
      operationId: command.operationId,
      subscriptionId: command.subscriptionId,
      resourceId: command.resourceId,
      attempt,
    });
    const record = new ServiceBusRecord(payload, {
      sessionId: command.subscriptionId,
      replyToSessionId: command.operationId,
      messageId: `${command.operationId}-${attempt}`,
    });
    return request(client, command.subject, record, signal, onProgress);
  }
}

function request(
  client: ClientServiceBus,
  subject: string,
  record: ServiceBusRecord,
  signal: AbortSignal,
  onProgress?: (percentComplete: number) => void,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new OperationInterruptedError('The router is stopping; the command was not sent.'));
    let result: unknown;
    const onAbort = () => {
      subscription.unsubscribe();
      reject(new OperationInterruptedError('The router is stopping; it stopped waiting for the reply.'));
    };
    const subscription = client.send(subject, record).subscribe({
      // Progress values come first; the reply is the last value.
      next: (value) => (value instanceof ReplyProgress ? onProgress?.(value.percentComplete) : (result = value)),
      error: (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
      complete: () => {
        signal.removeEventListener('abort', onAbort);
        resolve(result);
      },
    });
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
