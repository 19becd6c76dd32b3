export * from './launcher';
export * from './port-check';
