import { Inject, Injectable } from '@nestjs/common';
import { applyOperationToResource, CLOCK, Clock, formatResourceId, HealthcareResourceType, IomtConnector, newIomtConnectorOperation } from '@iomt/domain';
import { AcceptedResponses } from '../admission/accepted-response';
import { newOperationContext } from '../admission/operation-context';
import { OperationAdmission } from '../admission/operation-admission.service';
import { assertResourceSettled } from '../admission/resource-settled';
import { WriteSnapshots } from '../admission/write-snapshots.service';
import { parentNotFound } from '../arm/arm-errors';
import type { ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import { assertPreconditions } from '../arm/preconditions';
import { parseRequestBody } from '../arm/request-body';
import { assertProvisioned } from './iomt-connector.lookup';
import { IomtConnectorParams, iomtConnectorIdOfParams } from './iomt-connector.params';
import { planIomtConnectorPut } from './iomt-connector.put.plan';
import { iomtConnectorRepresentation } from './iomt-connector.representation';
import { iomtConnectorPutBodySchema } from './iomt-connector.request-body';

/**
 * `PUT .../services/{fhir}/iomtconnectors/{name}`: creates (201) or updates (200) a connector. The
 * FHIR service must exist (404 `ParentResourceNotFound`) and be provisioned (409), the connector's
 * location must be its FHIR service's, and initial mappings are validated synchronously.
 */
@Injectable()
export class IomtConnectorPutHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly snapshots: WriteSnapshots,
    private readonly admission: OperationAdmission,
    private readonly responses: AcceptedResponses,
  ) {}

  async handle(params: IomtConnectorParams, arm: ArmRequest): Promise<ArmResponse> {
    const id = iomtConnectorIdOfParams(params);
    const resourceId = formatResourceId(id);
    const body = parseRequestBody(iomtConnectorPutBodySchema, arm.body);
    const { parent, connector: existing, pending, nameClaimEtag } = await this.snapshots.ofConnector(id, 'write');
    if (parent === undefined) throw parentNotFound(HealthcareResourceType.FhirService, id.fhirServiceName);
    assertProvisioned(parent.state, `The FHIR service '${parent.name}'`);
    assertPreconditions(arm, existing);
    if (existing !== undefined) assertResourceSettled(existing.state, resourceId);
    const plan = planIomtConnectorPut(id, body, arm.rawBody, parent, existing);
    this.admission.assertAdmissible(pending, { accountId: parent.id, connectorId: plan.connector.id }, { resourceId });
    const operation = newIomtConnectorOperation(plan.connector, plan.type, newOperationContext(arm, this.clock, parent.location));
    const created = await this.admission.admit({
      resource: applyOperationToResource(plan.connector, operation),
      operation,
      resourceIfMatch: existing?._etag,
      resourceId,
      ...(plan.creates ? { claimName: { ifMatch: nameClaimEtag } } : {}),
      systemData: {
        subject: { subscriptionId: id.subscriptionId, resourceId, instanceId: plan.connector.id },
        incoming: arm.systemData,
        fresh: existing === undefined,
      },
    });
    const connector = created.resource as IomtConnector;
    return this.responses.accepted(arm, created.operation, plan.creates ? 201 : 200, iomtConnectorRepresentation(connector, created.systemData));
  }
}
