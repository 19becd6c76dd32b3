import type { Container } from '@azure/cosmos';
import { createHash } from 'node:crypto';
import { CallOptions } from '@iomt/domain';
import { withCosmosErrors } from '@iomt/persistence';
import type { ArmSystemData } from '../../arm/system-data';
import type { SystemDataRepository } from '../../ports/system-data.repository.port';

/** Document type of a resource's systemData, in its subscription's partition. */
export const SYSTEM_DATA_TYPE = 'armSystemData';

/** Ids are derived from the resource key so that writes of one resource land on one document. */
const documentIdOf = (resourceKey: string) => `systemdata-${createHash('sha256').update(resourceKey).digest('hex').slice(0, 48)}`;

/** The stored form of a resource's systemData (also written by the admission's batch). */
export function systemDataDocument(subscriptionId: string, resourceKey: string, systemData: ArmSystemData) {
  return { id: documentIdOf(resourceKey), type: SYSTEM_DATA_TYPE, partitionKey: subscriptionId, resourceKey, systemData };
}

/** {@link SystemDataRepository} on the account registry container. */
export class CosmosSystemDataRepository implements SystemDataRepository {
  constructor(private readonly container: Container) {}

  async get(subscriptionId: string, resourceKey: string, options: CallOptions = {}): Promise<ArmSystemData | undefined> {
    const item = this.container.item(documentIdOf(resourceKey), subscriptionId);
    const { resource } = await withCosmosErrors(`read the systemData of ${resourceKey}`, () => item.read({ abortSignal: options.signal }), options.signal)
      .catch((error: unknown) => ((error as { kind?: string }).kind === 'notFound' ? { resource: undefined } : Promise.reject(error)));
    return resource?.['type'] === SYSTEM_DATA_TYPE ? (resource['systemData'] as ArmSystemData) : undefined;
  }

  async put(subscriptionId: string, resourceKey: string, systemData: ArmSystemData, options: CallOptions = {}): Promise<void> {
    const body = systemDataDocument(subscriptionId, resourceKey, systemData);
    await withCosmosErrors(`store the systemData of ${resourceKey}`, () => this.container.items.upsert(body, { abortSignal: options.signal }), options.signal);
  }

  async delete(subscriptionId: string, resourceKey: string, options: CallOptions = {}): Promise<void> {
    const item = this.container.item(documentIdOf(resourceKey), subscriptionId);
    await withCosmosErrors(`forget the systemData of ${resourceKey}`, () => item.delete({ abortSignal: options.signal }), options.signal).catch(
      (error: unknown) => ((error as { kind?: string }).kind === 'notFound' ? undefined : Promise.reject(error)),
    );
  }
}
