export * from './free-port';
export * from './launcher';
export * from './local-system';
export * from './port-check';
export * from './service-fleet';
