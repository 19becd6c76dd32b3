export * from './lifecycle-paths';
export * from './lifecycle-walk';
export * from './mapping-samples';
export * from './run-walk';
export * from './walk-step';
