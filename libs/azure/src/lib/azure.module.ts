import type { TokenCredential } from '@azure/core-auth';
import {
  type DynamicModule,
  type InjectionToken,
  Module,
  type ModuleMetadata,
  type OptionalFactoryDependency,
  type Provider,
} from '@nestjs/common';
import { KEY_MANAGER, RESOURCE_DEPLOYER, STREAM_ANALYTICS_JOB_CONTROLLER } from '@iomt/domain';
import { ARM_CLIENTS, AZURE_OPTIONS } from './azure.tokens';
import { createAzureCredential } from './client/arm-client-options';
import { ArmClients } from './client/arm-clients';
import { type AzureOptions, type AzureOptionsInput, parseAzureOptions } from './config/azure.config';
import { ArmResourceDeployer } from './deployments/arm-resource.deployer';
import { ArmEventHubPolicyManager } from './event-hubs/arm-event-hub-policy.manager';
import { EVENT_HUB_POLICY_MANAGER } from './event-hubs/event-hub-policy-manager.port';
import { ArmKeyVaultSecretWriter } from './key-vault/arm-key-vault-secret.writer';
import { KEY_VAULT_SECRET_WRITER } from './key-vault/key-vault-secret-writer.port';
import { ArmKeyManager } from './keys/arm-key.manager';
import { ArmStreamAnalyticsJobController } from './stream-analytics/arm-stream-analytics-job.controller';

/** How `AzureModule.forRootAsync` gets its options, typically from the service's config. */
export interface AzureModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  readonly useFactory: (...args: never[]) => AzureOptionsInput | Promise<AzureOptionsInput>;
  readonly inject?: (InjectionToken | OptionalFactoryDependency)[];
  /**
   * The identity ARM calls run as; required in `azure` mode. Production plugs in a managed
   * identity (e.g. `new ManagedIdentityCredential()` from `@azure/identity`, not installed here).
   */
  readonly credential?: TokenCredential;
}

const adapters: Provider[] = [
  { provide: RESOURCE_DEPLOYER, useFactory: (c: ArmClients) => new ArmResourceDeployer(c), inject: [ARM_CLIENTS] },
  { provide: KEY_MANAGER, useFactory: (c: ArmClients) => new ArmKeyManager(c), inject: [ARM_CLIENTS] },
  {
    provide: STREAM_ANALYTICS_JOB_CONTROLLER,
    useFactory: (c: ArmClients) => new ArmStreamAnalyticsJobController(c),
    inject: [ARM_CLIENTS],
  },
  {
    provide: EVENT_HUB_POLICY_MANAGER,
    useFactory: (c: ArmClients) => new ArmEventHubPolicyManager(c),
    inject: [ARM_CLIENTS],
  },
  {
    provide: KEY_VAULT_SECRET_WRITER,
    useFactory: (c: ArmClients) => new ArmKeyVaultSecretWriter(c),
    inject: [ARM_CLIENTS],
  },
];

const exported = [
  AZURE_OPTIONS,
  ARM_CLIENTS,
  RESOURCE_DEPLOYER,
  KEY_MANAGER,
  STREAM_ANALYTICS_JOB_CONTROLLER,
  EVENT_HUB_POLICY_MANAGER,
  KEY_VAULT_SECRET_WRITER,
];

/**
 * Binds the domain's ARM ports (`RESOURCE_DEPLOYER`, `KEY_MANAGER`,
 * `STREAM_ANALYTICS_JOB_CONTROLLER`) and this library's `EVENT_HUB_POLICY_MANAGER` and
 * `KEY_VAULT_SECRET_WRITER` to the `@azure/arm-*` adapters:
 * `AzureModule.forRootAsync({ inject: [APP_CONFIG], useFactory: (c) => azureOptionsFromConfig(c), credential })`.
 * Options are validated at start; `azure` mode without a credential fails the start.
 * @publicApi
 */
@Module({})
export class AzureModule {
  static forRoot(options: AzureOptionsInput, credential?: TokenCredential): DynamicModule {
    return AzureModule.forRootAsync({ useFactory: () => options, credential });
  }

  static forRootAsync(options: AzureModuleAsyncOptions): DynamicModule {
    const providers: Provider[] = [
      {
        provide: AZURE_OPTIONS,
        useFactory: async (...args: unknown[]) => parseAzureOptions(await options.useFactory(...(args as never[]))),
        inject: options.inject ?? [],
      },
      {
        provide: ARM_CLIENTS,
        useFactory: (o: AzureOptions) => new ArmClients(o, createAzureCredential(o, options.credential)),
        inject: [AZURE_OPTIONS],
      },
      ...adapters,
    ];
    return { module: AzureModule, imports: options.imports ?? [], providers, exports: exported };
  }
}
