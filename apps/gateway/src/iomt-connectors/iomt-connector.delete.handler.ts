import { Inject, Injectable } from '@nestjs/common';
import {
  applyOperationToResource,
  CLOCK,
  Clock,
  formatResourceId,
  newIomtConnectorOperation,
  OperationType,
  ResourceTypeName,
} from '@iomt/domain';
import { AcceptedResponses } from '../admission/accepted-response';
import { newOperationContext } from '../admission/operation-context';
import { OperationAdmission } from '../admission/operation-admission.service';
import { hasQueuedWriteSupersededByDelete } from '../admission/delete-supersession';
import { assertResourceSettled } from '../admission/resource-settled';
import { WriteSnapshots } from '../admission/write-snapshots.service';
import type { ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import { assertPreconditions } from '../arm/preconditions';
import { IomtConnectorParams, iomtConnectorIdOfParams } from './iomt-connector.params';

/**
 * `DELETE .../iomtconnectors/{name}`: 202 with a Deprovision operation (the connector shows
 * `Deleting`; its connections and mappings go with it); 204 when there is nothing to delete; the
 * first DELETE's headers again while it runs. A create or update still queued does not hold it up
 * (`isSupersededByDelete`); one already running does (409).
 */
@Injectable()
export class IomtConnectorDeleteHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly snapshots: WriteSnapshots,
    private readonly admission: OperationAdmission,
    private readonly responses: AcceptedResponses,
  ) {}

  async handle(params: IomtConnectorParams, arm: ArmRequest): Promise<ArmResponse> {
    const id = iomtConnectorIdOfParams(params);
    const resourceId = formatResourceId(id);
    const { parent, connector, pending } = await this.snapshots.ofConnector(id, 'delete');
    if (parent === undefined || connector === undefined) return { status: 204 };
    const underway = pending.find(
      (operation) =>
        operation.resourceTypeName === ResourceTypeName.IomtConnector &&
        operation.iomtConnectorId === connector.id &&
        operation.provisioningOperation === OperationType.Deprovision,
    );
    if (underway !== undefined) return this.responses.accepted(arm, underway, 202);
    assertPreconditions(arm, connector);
    const target = { accountId: parent.id, connectorId: connector.id };
    if (!hasQueuedWriteSupersededByDelete(pending, target)) assertResourceSettled(connector.state, resourceId);
    this.admission.assertAdmissible(pending, target, { resourceId, deletes: true });
    const operation = newIomtConnectorOperation(connector, OperationType.Deprovision, newOperationContext(arm, this.clock, connector.location));
    const created = await this.admission.admit({
      resource: applyOperationToResource(connector, operation),
      operation,
      resourceIfMatch: connector._etag,
      resourceId,
    });
    return this.responses.accepted(arm, created.operation, 202);
  }
}
