import { Module, type Provider } from '@nestjs/common';
import { HealthModule } from '@iomt/service-kit';
import { MessagingModule } from '@iomt/messaging';
import { GLOBAL_DB_READINESS, PersistenceModule, persistenceOptionsFromConfig } from '@iomt/persistence';
import { OPERATION_ROUTER_CONFIG, type OperationRouterConfig } from './config';
import { OperationRequestedController } from './consumer/operation-requested.controller';
import { operationsServerProvider } from './consumer/operations-server';
import { RouterShutdown } from './consumer/router-shutdown';
import { operationHandlerProviders } from './handlers/operation-handlers';
import { OperationTargetResolver } from './handlers/operation-target.resolver';
import { infrastructureProviders, OPERATIONS_CLIENT } from './infrastructure.providers';
import {
  COMMAND_DISPATCHER,
  FHIR_COMMANDS_CLIENT,
  IOMT_COMMANDS_CLIENT,
  KEY_ROTATION_COMMANDS_CLIENT,
  ServiceBusCommandDispatcher,
} from './processing/command-dispatcher';
import { OperationFinisher } from './processing/operation-finisher';
import { OperationProcessor } from './processing/operation-processor';
import { OperationStore } from './processing/operation-store';
import { OperationTransitions } from './processing/operation-transitions';
import { ResourceStateUpdater } from './processing/resource-state.updater';
import { OutboxSweeper } from './sweeper/outbox-sweeper';
import { SweeperScheduler } from './sweeper/sweeper.scheduler';

/** A request/reply client on one worker queue, replying on `operation-replies`. */
function commandClient(name: symbol, queue: (config: OperationRouterConfig) => string) {
  return {
    name,
    inject: [OPERATION_ROUTER_CONFIG],
    useFactory: (config: OperationRouterConfig) => ({
      connectionString: config.SERVICEBUS_CONNECTION_STRING,
      entityPath: queue(config),
      replyQueueName: config.SERVICEBUS_OPERATION_REPLIES_QUEUE,
      replyTimeoutMs: config.SERVICEBUS_REPLY_TIMEOUT_MS,
      replyMaxWaitMs: config.SERVICEBUS_REPLY_MAX_WAIT_MS,
    }),
  };
}

// One instance for both importers, so Nest builds one Cosmos client.
const persistence = PersistenceModule.forRootAsync({ inject: [OPERATION_ROUTER_CONFIG], useFactory: persistenceOptionsFromConfig });

const processing: Provider[] = [
  OperationTargetResolver,
  ...operationHandlerProviders,
  OperationStore,
  ResourceStateUpdater,
  OperationTransitions,
  OperationFinisher,
  OperationProcessor,
  { provide: COMMAND_DISPATCHER, useClass: ServiceBusCommandDispatcher },
];

/** Root module of the operation-router service: the orchestrator: one operation of a subscription at a time, through the handler chain. */
@Module({
  imports: [
    persistence,
    MessagingModule.registerAsync([
      commandClient(FHIR_COMMANDS_CLIENT, (c) => c.SERVICEBUS_FHIR_COMMANDS_QUEUE),
      commandClient(IOMT_COMMANDS_CLIENT, (c) => c.SERVICEBUS_IOMT_COMMANDS_QUEUE),
      commandClient(KEY_ROTATION_COMMANDS_CLIENT, (c) => c.SERVICEBUS_KEY_ROTATION_COMMANDS_QUEUE),
      commandClient(OPERATIONS_CLIENT, (c) => c.SERVICEBUS_OPERATIONS_QUEUE),
    ]),
    HealthModule.forRoot({
      imports: [persistence],
      indicators: [GLOBAL_DB_READINESS],
    }),
  ],
  controllers: [OperationRequestedController],
  providers: [
    ...infrastructureProviders,
    ...processing,
    RouterShutdown,
    operationsServerProvider,
    OutboxSweeper,
    SweeperScheduler,
  ],
})
export class AppModule {}
