import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import {
  assertNewResourceName,
  CLOCK,
  Clock,
  ErrorCode,
  IomtConnectionResourceId,
  IomtConnector,
  iomtConnectorCodec,
  locationsEqual,
  MAX_DEVICE_WRITE_POLICIES,
  newConnectionOperation,
  OperationDocument,
  OperationType,
  ValidationError,
} from '@iomt/domain';
import { AcceptedResponses } from '../admission/accepted-response';
import { newOperationContext } from '../admission/operation-context';
import { OperationAdmission } from '../admission/operation-admission.service';
import { subResourceProvisioningState } from '../admission/sub-resource-state';
import { WriteSnapshots } from '../admission/write-snapshots.service';
import { ArmErrorCode } from '../arm/arm-error-codes';
import { CodedConflictError } from '../arm/arm-errors';
import type { ArmRequest } from '../arm/arm-request';
import { ok, type ArmResponse } from '../arm/arm-response';
import { parseRequestBody } from '../arm/request-body';
import { SystemDataRecorder } from '../arm/system-data.recorder';
import { assertProvisioned, requireConnector } from '../iomt-connectors/iomt-connector.lookup';
import { IomtConnectionParams, iomtConnectionIdsOfParams } from './iomt-connection.params';
import {
  iomtConnectionIdOf,
  iomtConnectionRepresentation,
  pendingConnectionOperation,
  storedConnectionName,
} from './iomt-connection.representation';

const connectionPutBodySchema = z.strictObject({
  id: z.unknown().optional(),
  name: z.unknown().optional(),
  type: z.unknown().optional(),
  systemData: z.unknown().optional(),
  location: z.string().optional(),
  properties: z.strictObject({ provisioningState: z.string().optional() }).optional(),
});

function withConnection(connector: IomtConnector, name: string): IomtConnector {
  const names = [...connector.eventHub.deviceWritePolicyNames, name];
  return iomtConnectorCodec.parse({ ...connector, eventHub: { ...connector.eventHub, deviceWritePolicyNames: names } });
}

/**
 * `PUT .../iomtconnectors/{c}/connections/{name}`: a new connection (a write-only policy on the
 * connector's device hub) is added with a CreateConnection operation (201); an existing one is
 * answered as it is (200, nothing to change). The connector must be provisioned; at most 12.
 */
@Injectable()
export class IomtConnectionPutHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly snapshots: WriteSnapshots,
    private readonly admission: OperationAdmission,
    private readonly systemData: SystemDataRecorder,
    private readonly responses: AcceptedResponses,
  ) {}

  async handle(params: IomtConnectionParams, arm: ArmRequest): Promise<ArmResponse> {
    const ids = iomtConnectionIdsOfParams(params);
    const body = parseRequestBody(connectionPutBodySchema, arm.body ?? {});
    const snapshot = await this.snapshots.ofConnector(ids.connector, 'write');
    const { parent, connector } = requireConnector(snapshot, ids.connector);
    const { pending } = snapshot;
    assertProvisioned(connector.state, `The IoMT connector '${ids.connector.iomtConnectorName}'`);
    if (body.location !== undefined && !locationsEqual(body.location, connector.location)) {
      throw new ValidationError(`A connection is in its connector's location '${connector.location}'.`, {
        code: ErrorCode.InvalidLocation,
        target: 'location',
      });
    }
    const existing = storedConnectionName(connector, ids.connection.connectionName);
    if (existing !== undefined && pendingConnectionOperation(pending, connector.id, existing) === undefined) {
      const systemData = await this.systemData.read({ subscriptionId: connector.subscriptionId, resourceId: iomtConnectionIdOf(connector, existing), instanceId: connector.id });
      return ok(iomtConnectionRepresentation(connector, existing, 'Succeeded', systemData));
    }
    return this.create(ids.connection, parent.id, connector, pending, arm);
  }

  private async create(
    id: IomtConnectionResourceId,
    accountId: string,
    connector: IomtConnector,
    pending: readonly OperationDocument[],
    arm: ArmRequest,
  ): Promise<ArmResponse> {
    assertNewResourceName(id);
    const name = id.connectionName;
    const resourceId = iomtConnectionIdOf(connector, name);
    this.admission.assertAdmissible(pending, { accountId, connectorId: connector.id, part: `connections/${name}` }, { resourceId });
    if (connector.eventHub.deviceWritePolicyNames.length >= MAX_DEVICE_WRITE_POLICIES) {
      throw new CodedConflictError(ArmErrorCode.QuotaExceeded, `An IoMT connector has at most ${MAX_DEVICE_WRITE_POLICIES} connections.`);
    }
    const context = newOperationContext(arm, this.clock, connector.location);
    const operation = newConnectionOperation(connector, OperationType.CreateConnection, name, context);
    const created = await this.admission.admit({
      resource: withConnection(connector, name),
      operation,
      resourceIfMatch: connector._etag,
      resourceId,
      systemData: { subject: { subscriptionId: connector.subscriptionId, resourceId, instanceId: connector.id }, incoming: arm.systemData, replace: true },
    });
    const representation = iomtConnectionRepresentation(connector, name, subResourceProvisioningState(created.operation), created.systemData);
    return this.responses.accepted(arm, created.operation, 201, representation);
  }
}
