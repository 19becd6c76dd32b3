import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock, newConnectionOperation, OperationType } from '@iomt/domain';
import { AcceptedResponses } from '../admission/accepted-response';
import { newOperationContext } from '../admission/operation-context';
import { OperationAdmission } from '../admission/operation-admission.service';
import { WriteSnapshots } from '../admission/write-snapshots.service';
import type { ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import { IomtConnectionParams, iomtConnectionIdsOfParams } from './iomt-connection.params';
import { iomtConnectionIdOf, pendingConnectionOperation, storedConnectionName } from './iomt-connection.representation';

/**
 * `DELETE .../iomtconnectors/{c}/connections/{name}`: 202 with a DeleteConnection operation (the
 * worker removes the policy, then the name from the connector); 204 when there is no such
 * connection; the first DELETE's headers again while it runs.
 */
@Injectable()
export class IomtConnectionDeleteHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly snapshots: WriteSnapshots,
    private readonly admission: OperationAdmission,
    private readonly responses: AcceptedResponses,
  ) {}

  async handle(params: IomtConnectionParams, arm: ArmRequest): Promise<ArmResponse> {
    const ids = iomtConnectionIdsOfParams(params);
    const { parent, connector, pending } = await this.snapshots.ofConnector(ids.connector, 'delete');
    const name = connector === undefined ? undefined : storedConnectionName(connector, ids.connection.connectionName);
    if (parent === undefined || connector === undefined || name === undefined) return { status: 204 };
    const underway = pendingConnectionOperation(pending, connector.id, name, OperationType.DeleteConnection);
    if (underway !== undefined) return this.responses.accepted(arm, underway, 202);
    const resourceId = iomtConnectionIdOf(connector, name);
    this.admission.assertAdmissible(pending, { accountId: parent.id, connectorId: connector.id, part: `connections/${name}` }, { resourceId });
    const context = newOperationContext(arm, this.clock, connector.location);
    const operation = newConnectionOperation(connector, OperationType.DeleteConnection, name, context);
    // The connector is written unchanged: its ETag guards the batch against a concurrent change.
    const created = await this.admission.admit({ resource: connector, operation, resourceIfMatch: connector._etag, resourceId });
    return this.responses.accepted(arm, created.operation, 202);
  }
}
