import {
  FixedClock,
  type OperationDocument,
  type ResourceState,
} from '@iomt/domain';
import { ConnectionHandler } from '../handlers/connection.handler';
import { FhirServiceHandler } from '../handlers/fhir-service.handler';
import { IomtConnectorHandler } from '../handlers/iomt-connector.handler';
import { KeyRotationHandler } from '../handlers/key-rotation.handler';
import { MappingHandler } from '../handlers/mapping.handler';
import { handlerChain } from '../handlers/operation-handlers';
import { OperationTargetResolver } from '../handlers/operation-target.resolver';
import { OperationFinisher } from '../processing/operation-finisher';
import { OperationProcessor } from '../processing/operation-processor';
import { OperationStore } from '../processing/operation-store';
import { OperationTransitions } from '../processing/operation-transitions';
import { ResourceStateUpdater } from '../processing/resource-state.updater';
import { InMemoryAccountRegistry } from './in-memory-account-registry';
import { InMemoryOperationRepository } from './in-memory-operation.repository';
import { operationsOn, sampleResources, SUBSCRIPTION } from './samples';
import { ScriptedDispatcher, type ScriptedReply } from './scripted-dispatcher';

/**
 * A real {@link OperationProcessor} on in-memory ports: a FHIR service and its connector stored,
 * a dispatcher answering from `script`, a fixed clock, and helpers to run and inspect operations.
 */
export function processorWorld(script: ScriptedReply[] = [], maxAttempts = 3, withKeyRotation = true) {
  const registry = new InMemoryAccountRegistry();
  const operations = new InMemoryOperationRepository(registry);
  const resources = sampleResources();
  registry.seed(resources.account);
  registry.seed(resources.connector);
  const clock = new FixedClock('2026-01-01T00:05:00Z');
  const store = new OperationStore(operations, clock);
  const states = new ResourceStateUpdater(registry.asPort());
  const transitions = new OperationTransitions(store, states, operations, clock);
  const finisher = new OperationFinisher(store, states, transitions, operations);
  const targets = new OperationTargetResolver(registry.asPort());
  const handlers = [FhirServiceHandler, IomtConnectorHandler, MappingHandler, ConnectionHandler, ...(withKeyRotation ? [KeyRotationHandler] : [])];
  const chain = handlerChain(handlers.map((H) => new H(targets)));
  const dispatcher = new ScriptedDispatcher(script);
  const settings = { maxAttempts, retryBaseDelayMs: 1, retryMaxDelayMs: 4, maxDeliveryCount: 5, lockRenewalIntervalMs: 1_000, progressIntervalMs: 0 };
  const processor = new OperationProcessor(store, finisher, states, transitions, operations, chain, dispatcher, settings);
  const controller = new AbortController();
  const run = (operation: OperationDocument) =>
    processor.process({ subscriptionId: SUBSCRIPTION, operationId: operation.id, signal: controller.signal });
  const stored = (operation: OperationDocument) => operations.operations.get(operation.id) as OperationDocument;
  const connectorState = () => (registry.entities.get(resources.connector.id) as { state: ResourceState }).state;
  return { operations, registry, resources, ops: operationsOn(resources), processor, dispatcher, controller, run, stored, connectorState };
}
