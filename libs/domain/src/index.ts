export * from './lib/errors';
export * from './lib/model';
export * from './lib/mapping';
export * from './lib/arm';
export * from './lib/ports';
export * from './lib/allocation';
