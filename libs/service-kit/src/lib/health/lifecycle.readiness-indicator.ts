import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ReadinessIndicator, ReadinessReport } from './readiness-indicator';

/**
 * Not ready once shutdown has begun. It flips in `onModuleDestroy`, the first shutdown
 * phase, so every later phase (and load balancers polling `/readyz` until the HTTP server
 * closes) sees the service as draining.
 */
@Injectable()
export class LifecycleReadinessIndicator implements ReadinessIndicator, OnModuleDestroy {
  readonly name = 'lifecycle';
  private shuttingDown = false;

  check(): ReadinessReport {
    return this.shuttingDown
      ? { ready: false, details: { phase: 'shutting-down' } }
      : { ready: true, details: { phase: 'running' } };
  }

  onModuleDestroy(): void {
    this.shuttingDown = true;
  }
}
