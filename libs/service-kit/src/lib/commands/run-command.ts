import { Logger } from '@nestjs/common';
import { type CommandOf, type CommandSubject, parseCommand } from '@iomt/contracts';
import { DomainError, type DomainErrorKind, ErrorCode, isDomainError } from '@iomt/domain';
import { inOperationSpan } from '../telemetry/operation-span';
import { TelemetryAttribute } from '../telemetry/telemetry.attributes';

const logger = new Logger('Command');

/**
 * A failure that does not classify itself (a bug, an unexpected library error). Its text stays in
 * the log; the reply says only "Internal server error" and marks it retryable, as the contracts'
 * `replyErrorFrom` does: it may be passing, and the router's attempt limit bounds the retries.
 */
export class UnexpectedWorkerError extends DomainError {
  readonly code: string = ErrorCode.InternalServerError;
  readonly kind: DomainErrorKind = 'internal';

  override get retryable(): boolean {
    return true;
  }
}

/**
 * What every worker (the provisioners, the key rotator) does with a command it receives: parses it
 * by its subject and runs `execute` on it. A bad payload fails with the
 * contracts' `InvalidMessage` ValidationError (not retryable); any failure that is not a
 * `DomainError` becomes an {@link UnexpectedWorkerError}, so every reply carries a code and the
 * right `retryable` flag. It runs in a span of the operation (its ids on the span and the log lines).
 */
export async function runCommand<S extends CommandSubject, R>(
  subject: S,
  body: unknown,
  execute: (command: CommandOf<S>) => Promise<R>,
): Promise<R> {
  const command = parseCommand(subject, body);
  const span = {
    fields: { operationId: command.operationId, subscriptionId: command.subscriptionId },
    attributes: {
      [TelemetryAttribute.CommandSubject]: subject,
      [TelemetryAttribute.OperationAttempt]: command.attempt,
      [TelemetryAttribute.ResourceId]: command.resourceId,
    },
  };
  // A span per command, child of the message's: the ARM calls it makes are its children.
  return inOperationSpan(`command ${subject}`, span, () => runClassified(subject, command, execute));
}

async function runClassified<S extends CommandSubject, R>(
  subject: S,
  command: CommandOf<S>,
  execute: (command: CommandOf<S>) => Promise<R>,
): Promise<R> {
  const started = performance.now();
  try {
    const result = await execute(command);
    // The command's own time: the router's timing line counts it inside its worker round trip.
    logger.log(`${subject} of operation ${command.operationId} done in ${(performance.now() - started).toFixed(1)} ms`);
    return result;
  } catch (error) {
    if (isDomainError(error)) {
      logger.warn(`${subject} of operation ${command.operationId} failed: ${error.code}: ${error.message}`);
      throw error;
    }
    // Only the error's name: an unexpected library error's text may quote a response carrying keys.
    logger.error(`${subject} of operation ${command.operationId} failed unexpectedly: ${error instanceof Error ? error.name : typeof error}`);
    throw new UnexpectedWorkerError('Internal server error.', { cause: error });
  }
}
