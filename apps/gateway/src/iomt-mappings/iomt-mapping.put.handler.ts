import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { CLOCK, Clock, IomtConnector, iomtConnectorCodec, IomtMappingName, newMappingOperation } from '@iomt/domain';
import { AcceptedResponses } from '../admission/accepted-response';
import { newOperationContext } from '../admission/operation-context';
import { OperationAdmission } from '../admission/operation-admission.service';
import { subResourceProvisioningState } from '../admission/sub-resource-state';
import { WriteSnapshots } from '../admission/write-snapshots.service';
import { ArmErrorCode } from '../arm/arm-error-codes';
import type { ArmRequest } from '../arm/arm-request';
import type { ArmResponse } from '../arm/arm-response';
import { parseRequestBody } from '../arm/request-body';
import { assertProvisioned, requireConnector } from '../iomt-connectors/iomt-connector.lookup';
import { mappingContentAt } from './mapping-content';
import { assertValidMappings } from './mapping-validation';
import { IomtMappingParams, iomtMappingIdsOfParams } from './iomt-mapping.params';
import { iomtMappingIdOf, iomtMappingRepresentation } from './iomt-mapping.representation';

const mappingPutBodySchema = z.strictObject({
  id: z.unknown().optional(),
  name: z.unknown().optional(),
  type: z.unknown().optional(),
  systemData: z.unknown().optional(),
  properties: z.strictObject({ content: z.union([z.record(z.string(), z.unknown()), z.string()]), provisioningState: z.string().optional() }),
});

function withMapping(connector: IomtConnector, name: IomtMappingName, text: string): IomtConnector {
  return iomtConnectorCodec.parse({ ...connector, iomtProperties: { ...connector.iomtProperties, [name]: text } });
}

/**
 * `PUT .../iomtconnectors/{c}/mappings/{deviceMapping|fhirMapping}`: validates the template in
 * `properties.content` synchronously (400 listing every problem with its line and position in the
 * body and its path), then stores it on the connector with an UpdateMapping operation (201 for a
 * new mapping, 200 for a replaced one) that puts it in the connector's storage.
 */
@Injectable()
export class IomtMappingPutHandler {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly snapshots: WriteSnapshots,
    private readonly admission: OperationAdmission,
    private readonly responses: AcceptedResponses,
  ) {}

  async handle(params: IomtMappingParams, arm: ArmRequest): Promise<ArmResponse> {
    const ids = iomtMappingIdsOfParams(params);
    const name = ids.mapping.mappingName;
    const body = parseRequestBody(mappingPutBodySchema, arm.body);
    const content = mappingContentAt(body, arm.rawBody, ['properties', 'content']);
    const snapshot = await this.snapshots.ofConnector(ids.connector, 'write');
    const { parent, connector } = requireConnector(snapshot, ids.connector);
    const { pending } = snapshot;
    assertProvisioned(connector.state, `The IoMT connector '${ids.connector.iomtConnectorName}'`, ArmErrorCode.ParentResourceNotProvisioned);
    const resolutionType = connector.iomtProperties.serviceConfiguration.resourceIdentityResolutionType;
    assertValidMappings({ [name]: content }, resolutionType, { [name]: 'properties.content' });
    const resourceId = iomtMappingIdOf(connector, name);
    const target = { accountId: parent.id, connectorId: connector.id, part: `mappings/${name}` };
    this.admission.assertAdmissible(pending, target, { resourceId });
    const operation = newMappingOperation(connector, name, content.text, newOperationContext(arm, this.clock, connector.location));
    const creates = connector.iomtProperties[name] === undefined;
    const created = await this.admission.admit({
      resource: withMapping(connector, name, content.text),
      operation,
      resourceIfMatch: connector._etag,
      resourceId,
      systemData: { subject: { subscriptionId: connector.subscriptionId, resourceId, instanceId: connector.id }, incoming: arm.systemData, fresh: creates },
    });
    const representation = iomtMappingRepresentation(connector, name, content.text, subResourceProvisioningState(created.operation), created.systemData);
    return this.responses.accepted(arm, created.operation, creates ? 201 : 200, representation);
  }
}
