import { Injectable } from '@nestjs/common';
import { ConflictError, EventHubPolicyTarget, HealthcareResourceType, OperationType } from '@iomt/domain';
import { ArmErrorCode } from '../arm/arm-error-codes';
import { CodedConflictError, resourceNotFound } from '../arm/arm-errors';
import { requireConnector } from '../iomt-connectors/iomt-connector.lookup';
import { WriteSnapshots } from '../admission/write-snapshots.service';
import { IomtConnectionParams, iomtConnectionIdsOfParams } from './iomt-connection.params';
import { pendingConnectionOperation, storedConnectionName } from './iomt-connection.representation';

/**
 * Where a connection's keys live: its write-only policy on the connector's device hub, in the
 * infrastructure subscription. 404 for a connection that does not exist, 409 while it or its
 * connector is not provisioned.
 */
@Injectable()
export class IomtConnectionKeyTargets {
  constructor(
    private readonly snapshots: WriteSnapshots,
  ) {}

  async targetOf(params: IomtConnectionParams): Promise<EventHubPolicyTarget> {
    const ids = iomtConnectionIdsOfParams(params);
    const snapshot = await this.snapshots.ofConnector(ids.connector, 'write');
    const { connector } = requireConnector(snapshot, ids.connector);
    const { pending } = snapshot;
    const name = storedConnectionName(connector, ids.connection.connectionName);
    if (name === undefined) {
      throw resourceNotFound(HealthcareResourceType.IomtConnection, ids.connection.connectionName, ids.connection.resourceGroupName);
    }
    if (pendingConnectionOperation(pending, connector.id, name, OperationType.CreateConnection) !== undefined) {
      throw new ConflictError(`The connection '${name}' is still being created; its keys exist once it is.`);
    }
    const { infrastructureSubscriptionId: subscriptionId, infrastructureResourceGroupName: resourceGroupName } = connector;
    const namespaceName = connector.eventHub.infrastructureResourceName;
    if (subscriptionId === undefined || resourceGroupName === undefined || namespaceName === undefined) {
      throw new CodedConflictError(ArmErrorCode.ResourceNotProvisioned, `The IoMT connector '${ids.connector.iomtConnectorName}' has no Event Hubs namespace yet.`);
    }
    return { kind: 'eventHubAuthorizationRule', subscriptionId, resourceGroupName, namespaceName, eventHubName: connector.eventHub.deviceDataEventHubName, ruleName: name };
  }
}
