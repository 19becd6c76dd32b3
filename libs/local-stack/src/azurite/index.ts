export * from './start-azurite';
