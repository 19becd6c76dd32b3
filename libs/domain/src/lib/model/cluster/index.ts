export * from './cluster-metadata';
