import type { MappingStore } from '@iomt/domain';

const NOT_CONFIGURED =
  'Mapping storage is not configured: set MAPPING_STORAGE_CONNECTION_STRING (one account for every connector) ' +
  'or give PersistenceModule a mappingStorageCredential (each connector\'s own account)';

/** Stands in for the mapping store in services that do not touch mappings; every call rejects. */
export const unconfiguredMappingStore: MappingStore = {
  put: () => Promise.reject(new Error(NOT_CONFIGURED)),
  get: () => Promise.reject(new Error(NOT_CONFIGURED)),
  delete: () => Promise.reject(new Error(NOT_CONFIGURED)),
  deleteAll: () => Promise.reject(new Error(NOT_CONFIGURED)),
};
