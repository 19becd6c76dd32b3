import { Module } from '@nestjs/common';
import { AzureModule, azureOptionsFromConfig } from '@iomt/azure';
import { GLOBAL_DB_READINESS, PersistenceModule, persistenceOptionsFromConfig } from '@iomt/persistence';
import { HealthModule } from '@iomt/service-kit';
import { KEY_ROTATOR_CONFIG, type KeyRotatorConfig } from './config';
import {
  infrastructureProviders,
  keySwitchPortsProvider,
  keyVaultSecretWriterAlias,
  rotationSweepProvider,
} from './infrastructure.providers';
import { keyRotationCommandsServerProvider } from './key-rotation-commands.server';
import { RotateConnectorKeysHandler } from './rotation/rotate-connector-keys.handler';
import { RotateConnectorKeysUseCase } from './rotation/rotate-connector-keys.use-case';
import { RotationScheduleService } from './schedule/rotation-schedule.service';

// One instance for both importers, so Nest builds one Cosmos client.
const persistence = PersistenceModule.forRootAsync({ inject: [KEY_ROTATOR_CONFIG], useFactory: persistenceOptionsFromConfig });

/**
 * Root module of the key-rotator service: the worker that rotates IoMT connector secrets. It
 * answers `connector-keys.rotate` commands and, on its schedule, enqueues RotateKeys operations
 * for the secrets that are due or forced.
 */
@Module({
  imports: [
    persistence,
    AzureModule.forRootAsync({ inject: [KEY_ROTATOR_CONFIG], useFactory: (config: KeyRotatorConfig) => azureOptionsFromConfig(config) }),
    HealthModule.forRoot({ imports: [persistence], indicators: [GLOBAL_DB_READINESS] }),
  ],
  controllers: [RotateConnectorKeysHandler],
  providers: [
    ...infrastructureProviders,
    keySwitchPortsProvider,
    keyVaultSecretWriterAlias,
    rotationSweepProvider,
    RotateConnectorKeysUseCase,
    RotationScheduleService,
    keyRotationCommandsServerProvider,
  ],
})
export class AppModule {}
