export * from './log-capture';
export * from './logger-reset';
export * from './service-process';
