export * from './arm-client';
export * from './walk';
