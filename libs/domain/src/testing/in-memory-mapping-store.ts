import type { MappingRef, MappingStore } from '../index';

/** Mappings in memory, keyed `subscription/connector/type`. */
export class InMemoryMappingStore implements MappingStore {
  readonly blobs = new Map<string, string>();
  nextFailure: Error | undefined;

  async put(ref: MappingRef, content: string): Promise<void> {
    const failure = this.nextFailure;
    this.nextFailure = undefined;
    if (failure !== undefined) throw failure;
    this.blobs.set(`${ref.subscriptionId}/${ref.connectorId}/${ref.mappingType}`, content);
  }

  async get(ref: MappingRef): Promise<string | undefined> {
    return this.blobs.get(`${ref.subscriptionId}/${ref.connectorId}/${ref.mappingType}`);
  }

  async delete(ref: MappingRef): Promise<boolean> {
    return this.blobs.delete(`${ref.subscriptionId}/${ref.connectorId}/${ref.mappingType}`);
  }

  async deleteAll(subscriptionId: string, connectorId: string): Promise<number> {
    const keys = [...this.blobs.keys()].filter((key) => key.startsWith(`${subscriptionId}/${connectorId}/`));
    keys.forEach((key) => this.blobs.delete(key));
    return keys.length;
  }
}
