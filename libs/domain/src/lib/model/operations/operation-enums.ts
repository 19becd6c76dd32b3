import { numericEnum } from '../validation/enum-schemas';

/**
 * What an operation does (seed 004 `BaseOperationDocument.OperationType`); stored as its number.
 * 0-2 are the seed's. 3-6 are ours, for the connector's other long-running requests:
 * - `RotateKeys` (3): rotate the connector's secrets (scheduled by the key rotator, or forced);
 * - `UpdateMapping` (4): PUT of `iomtconnectors/{c}/mappings/{deviceMapping|fhirMapping}`;
 * - `CreateConnection` (5) / `DeleteConnection` (6): PUT / DELETE of `iomtconnectors/{c}/connections/{name}`.
 */
export enum OperationType {
  /** Provision a resource. */
  Provision = 0,
  /** Deprovision a resource. */
  Deprovision = 1,
  /** Change a provisioned resource (the seed: change the account's managed identity). */
  Patch = 2,
  RotateKeys = 3,
  UpdateMapping = 4,
  CreateConnection = 5,
  DeleteConnection = 6,
}

/** Where an operation is (seed 004 `BaseOperationDocument.Status`); stored as its number. */
export enum OperationStatus {
  /** Requested but not yet picked up. */
  Requested = 0,
  /** Picked up by a worker; stays Running across retry attempts. */
  Running = 1,
  /** Failed (after its retries, or because it could not start). */
  Failed = 2,
  /** Completed. */
  Completed = 3,
  /** Canceled. */
  Canceled = 4,
}

/** Schema of a stored {@link OperationType}. */
export const operationTypeSchema = numericEnum(OperationType);

/** Schema of a stored {@link OperationStatus}. */
export const operationStatusSchema = numericEnum(OperationStatus);

/** The seed's `IsTerminalStatus()`: Completed, Failed or Canceled; nothing moves a terminal operation. */
export function isTerminalStatus(status: OperationStatus): boolean {
  return (
    status === OperationStatus.Completed || status === OperationStatus.Failed || status === OperationStatus.Canceled
  );
}
