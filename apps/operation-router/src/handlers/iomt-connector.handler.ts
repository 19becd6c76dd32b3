import { Injectable } from '@nestjs/common';
import { Subject, type CommandSubject } from '@iomt/contracts';
import { OperationType, ResourceTypeName, type OperationDocument, type OperationHandler, type OperationHandlerContext } from '@iomt/domain';
import { OperationTargetResolver } from './operation-target.resolver';
import { routerCommand, type RouterCommand } from './router-command';

// A Patch re-provisions: `iomt-connector.provision` is "create or update" (contracts), and the
// deployment is incremental, so the same command applies the changed settings.
const SUBJECTS: Partial<Record<OperationType, CommandSubject>> = {
  [OperationType.Provision]: Subject.ProvisionIomtConnector,
  [OperationType.Patch]: Subject.ProvisionIomtConnector,
  [OperationType.Deprovision]: Subject.DeprovisionIomtConnector,
};

/** IoMT connector Provision, Patch and Deprovision → `iomt-commands`. */
@Injectable()
export class IomtConnectorHandler implements OperationHandler {
  readonly name = 'IomtConnector';

  constructor(private readonly targets: OperationTargetResolver) {}

  async handle(operation: OperationDocument, context: OperationHandlerContext = {}): Promise<RouterCommand | null> {
    if (operation.resourceTypeName !== ResourceTypeName.IomtConnector) return null;
    const subject = SUBJECTS[operation.provisioningOperation];
    return subject === undefined ? null : routerCommand(operation, subject, await this.targets.connectorId(operation, context.resource));
  }
}
