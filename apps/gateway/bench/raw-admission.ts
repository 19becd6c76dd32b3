import { randomUUID } from 'node:crypto';
import {
  applyOperationToResource,
  createFhirServiceAccount,
  newFhirAccountOperation,
  OperationRepository,
  OperationType,
  type OperationPublisher,
} from '@iomt/domain';
import type { AdmissionSnapshots } from '../src/ports/admission-snapshot.port';

/** The adapters a PUT writes and sends through. */
export interface AdmissionAdapters {
  readonly operations: OperationRepository;
  readonly publisher: OperationPublisher;
}

/** The read a PUT makes before it writes: one snapshot query (registration, account, unfinished operations). */
export interface AdmissionReads {
  readonly snapshots: AdmissionSnapshots;
}

/**
 * What a service PUT writes and sends, without the gateway: the account and its Requested
 * operation in one Cosmos batch, then `operation.requested` into the subscription's session.
 */
export async function rawAdmission(adapters: AdmissionAdapters, subscriptionId: string, name: string): Promise<void> {
  const account = createFhirServiceAccount({ name, subscriptionId, resourceGroupName: 'rg-bench', location: 'westus2', kind: 'fhir-R4' });
  const operation = newFhirAccountOperation(account, OperationType.Provision, { now: new Date(), id: randomUUID() });
  await adapters.operations.createWithResource(applyOperationToResource(account, operation), operation);
  const resourceId = `/subscriptions/${subscriptionId}/resourceGroups/rg-bench/providers/Microsoft.HealthcareApis/services/${name}`;
  await adapters.publisher.publish({ operationId: operation.id, subscriptionId, resourceId } as Parameters<OperationPublisher['publish']>[0]);
}

/**
 * Every store call a service PUT makes, without HTTP and the framework: its one read (the admission
 * snapshot, with the subscription's registration), then the write and send.
 */
export async function rawStoreCalls(adapters: AdmissionAdapters, reads: AdmissionReads, subscriptionId: string, name: string): Promise<void> {
  await reads.snapshots.read(subscriptionId, { resourceGroupName: 'rg-bench', fhirServiceName: name });
  await rawAdmission(adapters, subscriptionId, name);
}
