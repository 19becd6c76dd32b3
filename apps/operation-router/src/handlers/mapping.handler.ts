import { Injectable } from '@nestjs/common';
import { Subject } from '@iomt/contracts';
import { OperationType, ResourceTypeName, type OperationDocument, type OperationHandler, type OperationHandlerContext } from '@iomt/domain';
import { OperationTargetResolver } from './operation-target.resolver';
import { routerCommand, type RouterCommand } from './router-command';

/** A connector's device or FHIR mapping (UpdateMapping) → `iomt-mapping.put` on `iomt-commands`. */
@Injectable()
export class MappingHandler implements OperationHandler {
  readonly name = 'Mapping';

  constructor(private readonly targets: OperationTargetResolver) {}

  async handle(operation: OperationDocument, context: OperationHandlerContext = {}): Promise<RouterCommand | null> {
    if (operation.resourceTypeName !== ResourceTypeName.IomtConnectorMapping) return null;
    if (operation.provisioningOperation !== OperationType.UpdateMapping) return null;
    return routerCommand(operation, Subject.PutIomtMapping, await this.targets.mappingId(operation, context.resource));
  }
}
