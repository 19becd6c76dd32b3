import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { ServiceBusClient } from '@azure/service-bus';
import { KEY_VAULT_SECRET_WRITER as ARM_KEY_VAULT_SECRET_WRITER } from '@iomt/azure';
import {
  ACCOUNT_REGISTRY_READ_REPOSITORY,
  type AccountRegistryReadRepository,
  CLOCK,
  type Clock,
  KEY_MANAGER,
  KEY_VAULT_SECRET_WRITER,
  type KeyManager,
  type KeyVaultSecretWriter,
  OPERATION_PUBLISHER,
  OPERATION_REPOSITORY,
  type OperationPublisher,
  type OperationRepository,
  SECRET_METADATA_REPOSITORY,
  type SecretMetadataRepository,
  STREAM_ANALYTICS_JOB_CONTROLLER,
  type StreamAnalyticsJobController,
  systemClock,
} from '@iomt/domain';
import { ServiceBusOperationPublisher } from '@iomt/messaging';
import { KEY_ROTATOR_CONFIG, type KeyRotatorConfig } from './config';
import type { KeySwitchPorts } from './rotation/connector-key-switch';
import { KEY_SWITCH_PORTS, STREAM_ANALYTICS_INPUT_NAME } from './rotation/rotate-connector-keys.use-case';
import { RotationEnqueuer } from './schedule/rotation-enqueuer';
import { ROTATION_SCHEDULE_SETTINGS, type RotationScheduleSettings } from './schedule/rotation-schedule.service';
import { RotationSweep } from './schedule/rotation-sweep';

/** The SDK client the `operations` publisher sends with. */
export const SERVICE_BUS_CLIENT = Symbol('SERVICE_BUS_CLIENT');

const DAY_MS = 24 * 3_600_000;

/** Closes the publisher and its client when the application stops. */
@Injectable()
class PublisherLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(OPERATION_PUBLISHER) private readonly publisher: ServiceBusOperationPublisher,
    @Inject(SERVICE_BUS_CLIENT) private readonly client: ServiceBusClient,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.close();
    await this.client.close();
  }
}

/** The clock, the `operations` publisher and the schedule's settings, from the validated configuration. */
export const infrastructureProviders: Provider[] = [
  { provide: CLOCK, useValue: systemClock },
  {
    provide: SERVICE_BUS_CLIENT,
    useFactory: (config: KeyRotatorConfig) => new ServiceBusClient(config.SERVICEBUS_CONNECTION_STRING),
    inject: [KEY_ROTATOR_CONFIG],
  },
  {
    provide: OPERATION_PUBLISHER,
    useFactory: (client: ServiceBusClient, config: KeyRotatorConfig) => ServiceBusOperationPublisher.create(client, config.SERVICEBUS_OPERATIONS_QUEUE),
    inject: [SERVICE_BUS_CLIENT, KEY_ROTATOR_CONFIG],
  },
  PublisherLifecycle,
  { provide: STREAM_ANALYTICS_INPUT_NAME, useFactory: (config: KeyRotatorConfig) => config.KEY_ROTATION_INPUT_NAME, inject: [KEY_ROTATOR_CONFIG] },
  {
    provide: ROTATION_SCHEDULE_SETTINGS,
    useFactory: (config: KeyRotatorConfig): RotationScheduleSettings => ({
      enabled: config.KEY_ROTATION_SCHEDULE_ENABLED,
      pattern: config.KEY_ROTATION_SCHEDULE,
    }),
    inject: [KEY_ROTATOR_CONFIG],
  },
];

/** The ARM ports the key switch drives; the Key Vault writer comes from `@iomt/azure` under its own token. */
export const keySwitchPortsProvider: Provider = {
  provide: KEY_SWITCH_PORTS,
  useFactory: (keys: KeyManager, jobs: StreamAnalyticsJobController, secrets: KeyVaultSecretWriter): KeySwitchPorts => ({ keys, jobs, secrets }),
  inject: [KEY_MANAGER, STREAM_ANALYTICS_JOB_CONTROLLER, ARM_KEY_VAULT_SECRET_WRITER],
};

/** The domain's token of the Key Vault writer, for code that injects it by the domain port. */
export const keyVaultSecretWriterAlias: Provider = { provide: KEY_VAULT_SECRET_WRITER, useExisting: ARM_KEY_VAULT_SECRET_WRITER };

/** The schedule's sweep, built from the repositories, the publisher and the configured limits. */
export const rotationSweepProvider: Provider = {
  provide: RotationSweep,
  useFactory: (
    secrets: SecretMetadataRepository,
    registry: AccountRegistryReadRepository,
    operations: OperationRepository,
    publisher: OperationPublisher,
    clock: Clock,
    config: KeyRotatorConfig,
  ) =>
    new RotationSweep(secrets, new RotationEnqueuer({ registry, operations, publisher, clock }), clock, {
      rotationPeriodMs: config.KEY_ROTATION_PERIOD_DAYS * DAY_MS,
      pageSize: config.KEY_ROTATION_PAGE_SIZE,
      maxPerSweep: config.KEY_ROTATION_MAX_PER_SWEEP,
    }),
  inject: [SECRET_METADATA_REPOSITORY, ACCOUNT_REGISTRY_READ_REPOSITORY, OPERATION_REPOSITORY, OPERATION_PUBLISHER, CLOCK, KEY_ROTATOR_CONFIG],
};
