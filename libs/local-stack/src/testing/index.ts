// Test support shared by the services' tests: `@iomt/local-stack/testing`. Kept apart from the
// package root so that the stack's own users do not load the services' libraries.
export * from './worker-stack';
export * from './worker-harness';
export * from './router-client';
export * from './service-on-the-stack';
export * from './wait-for';
