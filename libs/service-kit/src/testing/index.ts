export * from './log-capture';
export * from './logger-reset';
export * from './service-conformance';
export * from './service-process';
export * from './shutdown-readiness.probe';
export * from './otlp-receiver';
