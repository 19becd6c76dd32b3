export * from './arm-client';
