export * from './arm-client';
export * from './arm-error';
export * from './arm-response';
export { followLongRunning, type LongRunningRequest, type PollSettings } from './long-running';
