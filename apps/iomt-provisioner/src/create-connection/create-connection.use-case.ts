import { Inject, Injectable } from '@nestjs/common';
import {
  ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY,
  AccountRegistryManagementRepository,
  ConflictError,
  deploymentName,
  MAX_DEVICE_WRITE_POLICIES,
  OPERATION_REPOSITORY,
  OperationRepository,
  OperationType,
  RESOURCE_DEPLOYER,
  ResourceDeployer,
  ResourceTypeName,
} from '@iomt/domain';
import type { CreateIomtConnectionCommand, CreateIomtConnectionResult } from '@iomt/contracts';
import { deviceHubPolicy, withPolicyName } from '../shared/device-hub';
import { IOMT_TEMPLATES, IomtTemplates } from '../shared/iomt-templates.port';
import { loadConnector, loadLiveOperation } from '../shared/work-context';

/** The deployment step of a connection: `connection-{operationId}`. */
export const CONNECTION_DEPLOYMENT_STEP = 'connection';

/**
 * Creates a connection: a write-only (Send) policy on the connector's device hub, deployed under a
 * deterministic name, then listed in `deviceWritePolicyNames`.
 */
@Injectable()
export class CreateConnectionUseCase {
  constructor(
    @Inject(OPERATION_REPOSITORY) private readonly operations: OperationRepository,
    @Inject(ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY) private readonly registry: AccountRegistryManagementRepository,
    @Inject(RESOURCE_DEPLOYER) private readonly deployer: ResourceDeployer,
    @Inject(IOMT_TEMPLATES) private readonly templates: IomtTemplates,
  ) {}

  async execute(command: CreateIomtConnectionCommand): Promise<CreateIomtConnectionResult> {
    const operation = await loadLiveOperation(this.operations, command, ResourceTypeName.IomtConnectorConnection, [
      OperationType.CreateConnection,
    ]);
    const connector = await loadConnector(this.registry, command.subscriptionId, operation.iomtConnectorId);
    const target = deviceHubPolicy(connector, operation.connectionName);
    const names = withPolicyName(connector.eventHub.deviceWritePolicyNames, target.ruleName, true);
    if (names.length > MAX_DEVICE_WRITE_POLICIES) {
      throw new ConflictError(`IoMT connector ${connector.name} already has ${MAX_DEVICE_WRITE_POLICIES} connections, the most Event Hubs allows`, {
        target: 'connectionName',
      });
    }
    await this.deployer.deploy({
      subscriptionId: target.subscriptionId,
      resourceGroupName: target.resourceGroupName,
      location: connector.eventHub.infrastructureLocation ?? connector.location,
      deploymentName: deploymentName(operation.id, CONNECTION_DEPLOYMENT_STEP),
      template: this.templates.deviceWritePolicy,
      parameters: { namespaceName: target.namespaceName, eventHubName: target.eventHubName, policyName: target.ruleName },
    });
    await this.registry.upsertChildResource(
      { ...connector, eventHub: { ...connector.eventHub, deviceWritePolicyNames: names } },
      connector._etag === undefined ? {} : { ifMatch: connector._etag },
    );
    return { authorizationRuleName: target.ruleName };
  }
}
