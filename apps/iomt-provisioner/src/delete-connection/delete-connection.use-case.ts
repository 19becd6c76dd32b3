import { Inject, Injectable } from '@nestjs/common';
import {
  ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY,
  AccountRegistryManagementRepository,
  OPERATION_REPOSITORY,
  OperationRepository,
  OperationType,
  ResourceTypeName,
} from '@iomt/domain';
import type { DeleteIomtConnectionCommand, DeleteIomtConnectionResult } from '@iomt/contracts';
import { deviceHubPolicy, withPolicyName } from '../shared/device-hub';
import { DEVICE_POLICY_MANAGER, DevicePolicyManager } from '../shared/iomt-infrastructure.port';
import { loadConnector, loadLiveOperation } from '../shared/work-context';

/**
 * Deletes a connection: removes its policy from the device hub (an absent one is already gone),
 * then drops it from `deviceWritePolicyNames`.
 */
@Injectable()
export class DeleteConnectionUseCase {
  constructor(
    @Inject(OPERATION_REPOSITORY) private readonly operations: OperationRepository,
    @Inject(ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY) private readonly registry: AccountRegistryManagementRepository,
    @Inject(DEVICE_POLICY_MANAGER) private readonly policies: DevicePolicyManager,
  ) {}

  async execute(command: DeleteIomtConnectionCommand): Promise<DeleteIomtConnectionResult> {
    const operation = await loadLiveOperation(this.operations, command, ResourceTypeName.IomtConnectorConnection, [
      OperationType.DeleteConnection,
    ]);
    const connector = await loadConnector(this.registry, command.subscriptionId, operation.iomtConnectorId);
    const target = deviceHubPolicy(connector, operation.connectionName);
    await this.policies.deletePolicy(target);
    const names = withPolicyName(connector.eventHub.deviceWritePolicyNames, target.ruleName, false);
    if (names.length !== connector.eventHub.deviceWritePolicyNames.length) {
      await this.registry.upsertChildResource(
        { ...connector, eventHub: { ...connector.eventHub, deviceWritePolicyNames: names } },
        connector._etag === undefined ? {} : { ifMatch: connector._etag },
      );
    }
    return {};
  }
}
