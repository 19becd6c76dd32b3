export * from './start-cosmos-server';
