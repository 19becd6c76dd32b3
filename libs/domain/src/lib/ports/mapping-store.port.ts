import type { MappingType } from '../model';
import type { CallOptions } from './call-options';

/** One mapping of one connector. */
export interface MappingRef {
  readonly subscriptionId: string;
  /** The connector's document id. */
  readonly connectorId: string;
  readonly mappingType: MappingType;
}

/** Where connectors' device and FHIR mappings live (blob storage; the connector reads them at run time). */
export interface MappingStore {
  /** Writes (or overwrites) a mapping's JSON content. */
  put(ref: MappingRef, content: string, options?: CallOptions): Promise<void>;

  /** A mapping's JSON content, or undefined when it was never set. */
  get(ref: MappingRef, options?: CallOptions): Promise<string | undefined>;

  /** Deletes a mapping; false when there was none. */
  delete(ref: MappingRef, options?: CallOptions): Promise<boolean>;

  /** Deletes both mappings of a connector (deprovisioning); returns how many existed. */
  deleteAll(subscriptionId: string, connectorId: string, options?: CallOptions): Promise<number>;
}

/** DI token of {@link MappingStore}. */
export const MAPPING_STORE = Symbol.for('@iomt/domain:MappingStore');
