import { Module, type DynamicModule } from '@nestjs/common';
import type { ConfigToken } from './config-token';

/** Makes a service's validated configuration injectable everywhere under its token. */
@Module({})
export class ServiceConfigModule {
  /** Provides `config` under `token`, globally. */
  static forRoot<T>(token: ConfigToken<T>, config: T): DynamicModule {
    return {
      module: ServiceConfigModule,
      global: true,
      providers: [{ provide: token, useValue: config }],
      exports: [token],
    };
  }
}
