import type { INestApplication } from '@nestjs/common';
import { lastValueFrom } from 'rxjs';
import { CommandSubject, QueueName } from '@iomt/contracts';
import {
  ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY,
  AccountRegistryManagementRepository,
  CLUSTER_METADATA_REPOSITORY,
  ClusterMetadataRepository,
  MAPPING_STORE,
  MappingStore,
  OPERATION_REPOSITORY,
  OperationDocument,
  OperationRepository,
} from '@iomt/domain';
import { createService, type AppModuleRef, type ServiceDefinition, type ServiceSettings } from '@iomt/service-kit';
import { LogCapture, resetServiceLoggerForTests } from '@iomt/service-kit/testing';
import type { z } from 'zod';
import type { LocalStack } from '../stack';
import { connectRouterClient, type RouterMessaging } from './router-client';

/** A worker app running against a local stack, and a router-like client of its command queue. */
export interface WorkerHarness {
  readonly app: INestApplication;
  readonly operations: OperationRepository;
  readonly registry: AccountRegistryManagementRepository;
  readonly clusters: ClusterMetadataRepository;
  readonly mappings: MappingStore;
  /** Sends the command about `operation` as the router does and resolves with the reply's result. */
  send(subject: CommandSubject, operation: OperationDocument, resourceId: string, attempt?: number): Promise<unknown>;
  close(): Promise<void>;
}

/** The worker under test and how the router reaches it. */
export interface WorkerUnderTest<S extends z.ZodType<ServiceSettings>> {
  readonly appModule: AppModuleRef;
  readonly service: ServiceDefinition<S>;
  /** Starts the app's command consumer (the hybrid microservice). */
  readonly startConsumer: (app: INestApplication) => Promise<void>;
  /** The command queue the worker consumes. */
  readonly queue: QueueName;
  /** `@iomt/messaging`, whose client plays the router (see {@link RouterMessaging}). */
  readonly messaging: RouterMessaging;
}

/**
 * Starts the worker (its real AppModule, the hybrid consumer) and a `ClientServiceBus` on its
 * queue replying on `operation-replies`, as the operation-router's dispatcher is configured.
 */
export async function startWorker<S extends z.ZodType<ServiceSettings>>(
  stack: LocalStack,
  worker: WorkerUnderTest<S>,
): Promise<WorkerHarness> {
  resetServiceLoggerForTests();
  const { app } = await createService(worker.appModule, { ...worker.service, env: stack.env, logDestination: new LogCapture() });
  await worker.startConsumer(app);
  const client = connectRouterClient(worker.messaging, stack.serviceBus.connectionString, worker.queue);
  const send = (subject: CommandSubject, operation: OperationDocument, resourceId: string, attempt = 1) => {
    const payload = { operationId: operation.id, subscriptionId: operation.subscriptionId, resourceId, attempt };
    const options = { sessionId: operation.subscriptionId, replyToSessionId: operation.id, messageId: `${operation.id}-${attempt}` };
    return lastValueFrom(client.send(subject, payload, options), { defaultValue: undefined });
  };
  return {
    app,
    operations: app.get(OPERATION_REPOSITORY),
    registry: app.get(ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY),
    clusters: app.get(CLUSTER_METADATA_REPOSITORY),
    mappings: app.get(MAPPING_STORE),
    send,
    close: async () => {
      await client.close();
      await app.close();
    },
  };
}
