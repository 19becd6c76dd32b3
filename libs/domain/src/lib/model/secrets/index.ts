export * from './account-specific-stream-analytics-job';
export * from './key-rotation';
