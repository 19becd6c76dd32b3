import { DynamicModule, FactoryProvider, InjectionToken, Module, ModuleMetadata, OptionalFactoryDependency } from '@nestjs/common';
import { ClientServiceBus } from './client-service-bus';
import type { ServiceBusClientOptions } from './service-bus.options';

/** A client to register under `name`, built from fixed options. */
export interface ServiceBusClientRegistration {
  readonly name: InjectionToken;
  readonly options: ServiceBusClientOptions;
}

/** A client to register under `name`, built from options a factory computes (e.g. from config). */
export interface ServiceBusAsyncClientRegistration extends Pick<ModuleMetadata, 'imports'> {
  readonly name: InjectionToken;
  readonly useFactory: (...args: never[]) => ServiceBusClientOptions | Promise<ServiceBusClientOptions>;
  readonly inject?: (InjectionToken | OptionalFactoryDependency)[];
}

/**
 * Registers `ClientServiceBus` producers by token (Nest's `ClientsModule` for this transport):
 * `MessagingModule.registerAsync([{ name: FHIR_COMMANDS, inject: [APP_CONFIG], useFactory: (c) =>
 * ({ connectionString: c.serviceBus.connectionString, entityPath: 'fhir-commands' }) }])`, then
 * `@Inject(FHIR_COMMANDS) client: ClientServiceBus`. Clients connect lazily and close on
 * application shutdown. The server side is not a provider: it is the strategy given to
 * `NestFactory.createMicroservice`.
 * @publicApi
 */
@Module({})
export class MessagingModule {
  /** Registers clients built from fixed options. */
  static register(clients: readonly ServiceBusClientRegistration[]): DynamicModule {
    const providers = clients.map(({ name, options }) => ({
      provide: name,
      useFactory: () => new ClientServiceBus(options),
    }));
    return { module: MessagingModule, providers, exports: providers.map((p) => p.provide) };
  }

  /** Registers clients whose options come from injected providers. */
  static registerAsync(clients: readonly ServiceBusAsyncClientRegistration[]): DynamicModule {
    const providers: FactoryProvider<ClientServiceBus>[] = clients.map(({ name, useFactory, inject }) => ({
      provide: name,
      useFactory: async (...args: unknown[]) => new ClientServiceBus(await useFactory(...(args as never[]))),
      inject: inject ?? [],
    }));
    return {
      module: MessagingModule,
      imports: clients.flatMap((client) => client.imports ?? []),
      providers,
      exports: providers.map((p) => p.provide),
    };
  }
}
