import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock, createRotateKeysOperation, ErrorCode, formatResourceId } from '@iomt/domain';
import { AcceptedResponses } from '../admission/accepted-response';
import { asSystemRequest, newOperationContext } from '../admission/operation-context';
import { OperationAdmission } from '../admission/operation-admission.service';
import { WriteSnapshots } from '../admission/write-snapshots.service';
import type { ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import { assertProvisioned, requireConnector } from '../iomt-connectors/iomt-connector.lookup';
import { IomtConnectorParams, iomtConnectorIdOfParams } from '../iomt-connectors/iomt-connector.params';
import { ADMIN_PATH_PREFIX } from './admin-paths';

/**
 * `POST /admin/.../iomtconnectors/{name}/rotateKeys`: an operator forces a key rotation of one
 * connector (issue 7). Admitted exactly as the key rotator's schedule enqueues one: a RotateKeys
 * operation written with the connector under its ETag, then published into the subscription's
 * session, so it runs only when no other operation of the subscription does. 202 with LRO headers
 * (polled on the admin API); 404 for an unknown connector; 409 when it is not provisioned or it,
 * or its FHIR service, has an unfinished operation (a pending rotation included). An operator
 * action is not held to the subscription's queue limit.
 */
@Injectable()
export class ConnectorRotateKeysHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly snapshots: WriteSnapshots,
    private readonly admission: OperationAdmission,
    private readonly responses: AcceptedResponses,
  ) {}

  async handle(params: IomtConnectorParams, arm: ArmRequest): Promise<ArmResponse> {
    const id = iomtConnectorIdOfParams(params);
    const resourceId = formatResourceId(id);
    const snapshot = await this.snapshots.ofConnector(id);
    const { parent, connector } = requireConnector(snapshot, id);
    assertProvisioned(connector.state, `The IoMT connector '${id.iomtConnectorName}'`, ErrorCode.Conflict);
    this.admission.assertAdmissible(snapshot.pending, { accountId: parent.id, connectorId: connector.id }, { resourceId, ignoreQueueLimit: true });
    // An operator's rotation is the system's, as a scheduled one is: no customer initiator to match on polling.
    const operation = createRotateKeysOperation(connector, newOperationContext(asSystemRequest(arm), this.clock, connector.location));
    const created = await this.admission.admit({ resource: connector, operation, resourceIfMatch: connector._etag, resourceId });
    return this.responses.accepted(arm, created.operation, 202, undefined, ADMIN_PATH_PREFIX);
  }
}
