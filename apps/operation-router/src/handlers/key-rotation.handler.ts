import { Injectable } from '@nestjs/common';
import { Subject } from '@iomt/contracts';
import { OperationType, ResourceTypeName, type OperationDocument, type OperationHandler, type OperationHandlerContext } from '@iomt/domain';
import { OperationTargetResolver } from './operation-target.resolver';
import { routerCommand, type RouterCommand } from './router-command';

/** A connector's key rotation (scheduled by the key-rotator, or forced) → `key-rotation-commands`. */
@Injectable()
export class KeyRotationHandler implements OperationHandler {
  readonly name = 'KeyRotation';

  constructor(private readonly targets: OperationTargetResolver) {}

  async handle(operation: OperationDocument, context: OperationHandlerContext = {}): Promise<RouterCommand | null> {
    if (operation.resourceTypeName !== ResourceTypeName.IomtConnector) return null;
    if (operation.provisioningOperation !== OperationType.RotateKeys) return null;
    return routerCommand(operation, Subject.RotateConnectorKeys, await this.targets.connectorId(operation, context.resource));
  }
}
