export * from './account-specific-stream-analytics-job';
export * from './key-rotation';
export * from './rotate-keys-operation';
