export * from './start-local-stack';
