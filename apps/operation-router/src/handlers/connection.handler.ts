import { Injectable } from '@nestjs/common';
import { Subject, type CommandSubject } from '@iomt/contracts';
import { OperationType, ResourceTypeName, type OperationDocument, type OperationHandler, type OperationHandlerContext } from '@iomt/domain';
import { OperationTargetResolver } from './operation-target.resolver';
import { routerCommand, type RouterCommand } from './router-command';

const SUBJECTS: Partial<Record<OperationType, CommandSubject>> = {
  [OperationType.CreateConnection]: Subject.CreateIomtConnection,
  [OperationType.DeleteConnection]: Subject.DeleteIomtConnection,
};

/** A connector's connection (a write-only policy on its device hub) → `iomt-commands`. */
@Injectable()
export class ConnectionHandler implements OperationHandler {
  readonly name = 'Connection';

  constructor(private readonly targets: OperationTargetResolver) {}

  async handle(operation: OperationDocument, context: OperationHandlerContext = {}): Promise<RouterCommand | null> {
    if (operation.resourceTypeName !== ResourceTypeName.IomtConnectorConnection) return null;
    const subject = SUBJECTS[operation.provisioningOperation];
    return subject === undefined ? null : routerCommand(operation, subject, await this.targets.connectionId(operation, context.resource));
  }
}
