export * from './validation';
export * from './common';
export * from './resources';
export * from './secrets';
export * from './operations';
export * from './cluster';
export * from './registry';
