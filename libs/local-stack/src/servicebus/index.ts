// Only types and small modules load here; rhea is loaded by the emulator modules on import of
// startServiceBusEmulator's file, which is what callers of this area want anyway.
export { startServiceBusEmulator, serviceBusConnectionString } from './servicebus-emulator';
export type { ServiceBusEmulator, ServiceBusEmulatorOptions } from './servicebus-emulator';
export type { EntityCounts } from './broker/namespace-broker';
export { loadEmulatorConfig, EmulatorConfigError } from './config/emulator-config.loader';
export type { NamespaceDefinition, QueueDefinition, TopicDefinition, SubscriptionDefinition } from './config/entity-definitions';
