export * from './command';
export * from './reply';
