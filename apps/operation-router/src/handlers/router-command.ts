import type { CommandSubject } from '@iomt/contracts';
import type { OperationCommand, OperationDocument } from '@iomt/domain';

/** A command the router sends: its subject is a contracts command subject and `resourceId` an ARM id. */
export interface RouterCommand extends OperationCommand {
  readonly subject: CommandSubject;
  readonly resourceId: string;
}

/** The command for `operation` under `subject`, about the ARM resource `resourceId`. */
export function routerCommand(operation: OperationDocument, subject: CommandSubject, resourceId: string): RouterCommand {
  return { kind: subject, subject, operationId: operation.id, subscriptionId: operation.subscriptionId, resourceId };
}
