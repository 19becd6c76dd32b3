import { Injectable, Module, type BeforeApplicationShutdown, type DynamicModule } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
import type { AppModuleRef } from '../lib/bootstrap/service-options';
import { READINESS_PATH } from '../lib/health/health.constants';

/** What `/readyz` answered during shutdown. */
export interface ProbeAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/**
 * Asks `/readyz` from inside the shutdown, after the module-destroy phase and while the
 * HTTP server still listens: the window in which load balancers must see "not ready".
 * It sits above the app module, so its hook runs before the app's own shutdown hooks.
 * Asks over loopback IPv4: for services bound to 127.0.0.1, as tests bind them.
 */
@Injectable()
export class ShutdownReadinessProbe implements BeforeApplicationShutdown {
  /** Set once the app has begun shutting down. */
  answer?: ProbeAnswer;

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  async beforeApplicationShutdown(): Promise<void> {
    const { port } = this.adapterHost.httpAdapter.getHttpServer().address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/${READINESS_PATH}`);
    this.answer = { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
}

@Module({})
class ProbeHostModule {}

/** Wraps an app module so that a {@link ShutdownReadinessProbe} watches its shutdown. */
export function withShutdownReadinessProbe(appModule: AppModuleRef): DynamicModule {
  return { module: ProbeHostModule, imports: [appModule], providers: [ShutdownReadinessProbe] };
}
