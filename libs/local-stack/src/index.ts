// Each area loads its heavy server package lazily, inside its start function, so that importing
// one part of the local stack does not load the others.
export * from './servicebus';
export * from './cosmos';
export * from './azurite';
export * from './fake-arm';
export * from './stack';
