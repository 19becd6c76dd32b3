import type { AccountRegistryManagementRepository, RegistryEntity } from '@iomt/domain';
import { InMemoryAccountRegistry as SharedInMemoryAccountRegistry } from '@iomt/domain/testing';

/** The shared in-memory account registry, under the names the router's tests use. */
export class InMemoryAccountRegistry extends SharedInMemoryAccountRegistry {
  /** Every stored entity by id, deleted or not. */
  get entities(): ReadonlyMap<string, RegistryEntity> {
    return this.documents;
  }

  /** This fake as the port the router injects. */
  asPort(): AccountRegistryManagementRepository {
    return this;
  }
}
