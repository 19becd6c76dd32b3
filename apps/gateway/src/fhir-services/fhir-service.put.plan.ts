import {
  assertNewResourceName,
  createFhirServiceAccount,
  ErrorCode,
  FhirServiceAccount,
  fhirServiceAccountCodec,
  FhirServiceResourceId,
  locationsEqual,
  OperationType,
  provisioningStateOf,
  ResourceState,
  ValidationError,
} from '@iomt/domain';
import { ArmErrorCode } from '../arm/arm-error-codes';
import type { FhirServicePutBody } from './fhir-service.request-body';

/** What a PUT does: the account in its target state and the operation type that gets it there. */
export interface FhirServicePutPlan {
  readonly account: FhirServiceAccount;
  readonly type: OperationType;
  /** True when the PUT creates the service (201), false when it updates it (200). */
  readonly creates: boolean;
}

/** States from which a PUT provisions again rather than updates. */
const REPROVISION_FROM: readonly ResourceState[] = [ResourceState.Failed, ResourceState.Canceled, ResourceState.Deprovisioned];

function identityOf(body: FhirServicePutBody): { type: string } | undefined {
  return body.identity === undefined ? undefined : { type: body.identity.type };
}

function writableProperties(body: FhirServicePutBody): Record<string, unknown> {
  const { provisioningState: _readOnly, privateEndpointConnections: _none, ...properties } = body.properties ?? {};
  return properties;
}

function changeNotAllowed(property: string, from: string, to: string): ValidationError {
  return new ValidationError(`The property '${property}' cannot change from '${from}' to '${to}'.`, {
    code: ArmErrorCode.PropertyChangeNotAllowed,
    target: property,
  });
}

function assertUpdatable(existing: FhirServiceAccount, body: FhirServicePutBody, location: string): void {
  if (!locationsEqual(existing.location, location)) throw changeNotAllowed('location', existing.location, body.location);
  if (existing.kind.toLowerCase() !== body.kind.toLowerCase()) throw changeNotAllowed('kind', existing.kind, body.kind);
  const sent = body.properties?.provisioningState;
  const current = provisioningStateOf(existing.state);
  // arm-rpc.md §1.5: a provisioningState equal to the stored one is ignored, any other is a 400.
  if (sent !== undefined && sent.toLowerCase() !== current.toLowerCase()) {
    throw new ValidationError(`properties.provisioningState is read-only; it is '${current}'.`, {
      code: ErrorCode.InvalidRequestContent,
      target: 'properties.provisioningState',
    });
  }
}

/**
 * Plans `PUT services/{name}`: a new account (Provision, 201) when none is stored or the stored one
 * was deprovisioned; otherwise the stored account with the body's tags, identity and properties
 * (Patch when it is provisioned, Provision again after a failure, 200). Location and kind are
 * immutable. The name keeps the casing it was created with.
 */
export function planFhirServicePut(
  id: FhirServiceResourceId,
  body: FhirServicePutBody,
  location: string,
  existing: FhirServiceAccount | undefined,
): FhirServicePutPlan {
  if (existing === undefined || existing.state === ResourceState.Deprovisioned) {
    assertNewResourceName(id);
    const account = createFhirServiceAccount({
      ...(existing === undefined ? {} : { id: existing.id }),
      name: existing?.name ?? id.fhirServiceName,
      subscriptionId: id.subscriptionId,
      resourceGroupName: existing?.resourceGroupName ?? id.resourceGroupName,
      location,
      kind: body.kind,
      tags: body.tags,
      identity: identityOf(body),
      properties: writableProperties(body),
    });
    return { account: existing === undefined ? account : { ...account, _etag: existing._etag }, type: OperationType.Provision, creates: true };
  }
  assertUpdatable(existing, body, location);
  const account = fhirServiceAccountCodec.parse({
    ...existing,
    tags: body.tags ?? {},
    identity: identityOf(body),
    properties: writableProperties(body),
  });
  const type = REPROVISION_FROM.includes(existing.state) ? OperationType.Provision : OperationType.Patch;
  return { account, type, creates: false };
}
