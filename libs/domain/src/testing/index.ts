export * from './heart-rate-mappings';
export * from './in-memory-account-registry';
export * from './in-memory-operations';
export * from './in-memory-cluster-metadata';
export * from './recording-deployer';
export * from './in-memory-mapping-store';
