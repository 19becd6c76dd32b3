export * from './allocation.errors';
export * from './connector-placement';
export * from './placement-accounting';
