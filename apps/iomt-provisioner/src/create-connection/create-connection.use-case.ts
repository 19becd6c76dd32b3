import { Inject, Injectable } from '@nestjs/common';
import {
  ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY,
  AccountRegistryManagementRepository,
  ConflictError,
  MAX_DEVICE_WRITE_POLICIES,
  OPERATION_REPOSITORY,
  OperationRepository,
  OperationType,
  ResourceTypeName,
} from '@iomt/domain';
import type { CreateIomtConnectionCommand, CreateIomtConnectionResult } from '@iomt/contracts';
import { deviceHubPolicy, withPolicyName } from '../shared/device-hub';
import { DEVICE_POLICY_MANAGER, DevicePolicyManager } from '../shared/iomt-infrastructure.port';
import { loadConnector, loadLiveOperation } from '../shared/work-context';

/**
 * Creates a connection: a write-only (Send) policy on the connector's device hub, then lists it
 * in `deviceWritePolicyNames`. The policy is PUT with its full definition, so a re-run after a
 * crash rewrites the same policy and lists the name once.
 */
@Injectable()
export class CreateConnectionUseCase {
  constructor(
    @Inject(OPERATION_REPOSITORY) private readonly operations: OperationRepository,
    @Inject(ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY) private readonly registry: AccountRegistryManagementRepository,
    @Inject(DEVICE_POLICY_MANAGER) private readonly policies: DevicePolicyManager,
  ) {}

  async execute(command: CreateIomtConnectionCommand): Promise<CreateIomtConnectionResult> {
    const operation = await loadLiveOperation(this.operations, command, ResourceTypeName.IomtConnectorConnection, [
      OperationType.CreateConnection,
    ]);
    const connector = await loadConnector(this.registry, command.subscriptionId, operation.iomtConnectorId);
    const target = deviceHubPolicy(connector, operation.connectionName);
    const names = withPolicyName(connector.eventHub.deviceWritePolicyNames, target.ruleName, true);
    if (names.length > MAX_DEVICE_WRITE_POLICIES) {
      throw new ConflictError(
        `IoMT connector ${connector.name} already has ${MAX_DEVICE_WRITE_POLICIES} connections, the most Event Hubs allows`,
        { target: 'connectionName' },
      );
    }
    await this.policies.putPolicy(target, ['Send']);
    if (names.length !== connector.eventHub.deviceWritePolicyNames.length || !connector.eventHub.deviceWritePolicyNames.includes(target.ruleName)) {
      await this.registry.upsertChildResource(
        { ...connector, eventHub: { ...connector.eventHub, deviceWritePolicyNames: names } },
        connector._etag === undefined ? {} : { ifMatch: connector._etag },
      );
    }
    return { authorizationRuleName: target.ruleName };
  }
}
