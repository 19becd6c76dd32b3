import { OperationDocument, ResourceTypeName } from '@iomt/domain';

/**
 * What an operation works on, as a path: the FHIR service (`a/{accountId}`), one of its
 * connectors (`a/{accountId}/c/{connectorId}`), or a part of a connector
 * (`.../mappings/devicemapping`, `.../connections/{name}`). Two operations conflict when one's
 * path is the other's or lies beneath it.
 */
export interface OperationTarget {
  readonly accountId: string;
  readonly connectorId?: string;
  /** `mappings/{type}` or `connections/{name}`, lowercase. */
  readonly part?: string;
}

/** The path key of a target. */
export function targetKey(target: OperationTarget): string {
  const parts = [`a/${target.accountId}`];
  if (target.connectorId !== undefined) parts.push(`c/${target.connectorId}`);
  if (target.part !== undefined) parts.push(target.part.toLowerCase());
  return parts.join('/');
}

/** True when the targets are the same, or one contains the other (a service and its connector). */
export function targetsOverlap(a: OperationTarget, b: OperationTarget): boolean {
  const left = targetKey(a);
  const right = targetKey(b);
  return left === right || left.startsWith(`${right}/`) || right.startsWith(`${left}/`);
}

/** The target of a stored operation, or undefined for one that names no account (none should). */
export function targetOfOperation(operation: OperationDocument): OperationTarget | undefined {
  if (operation.accountId === undefined) return undefined;
  switch (operation.resourceTypeName) {
    case ResourceTypeName.FhirService:
      return { accountId: operation.accountId };
    case ResourceTypeName.IomtConnector:
      return { accountId: operation.accountId, connectorId: operation.iomtConnectorId };
    case ResourceTypeName.IomtConnectorMapping:
      return { accountId: operation.accountId, connectorId: operation.iomtConnectorId, part: `mappings/${operation.mappingType}` };
    case ResourceTypeName.IomtConnectorConnection:
      return { accountId: operation.accountId, connectorId: operation.iomtConnectorId, part: `connections/${operation.connectionName}` };
  }
}
