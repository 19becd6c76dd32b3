export * from './heart-rate-mappings';
