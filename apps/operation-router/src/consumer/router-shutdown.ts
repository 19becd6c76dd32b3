import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { setMaxListeners } from 'node:events';
import { OperationInterruptedError } from '../processing/operation-interrupted.error';

/**
 * Tells running operations the router is stopping. Nest calls `onModuleDestroy` before it closes
 * the transport, whose `close()` waits for the handlers in flight: aborting first lets them stop
 * waiting for replies at once and abandon their messages, instead of holding the shutdown for a
 * whole reply timeout. Another replica resumes each operation from its document.
 */
@Injectable()
export class RouterShutdown implements OnModuleDestroy {
  private readonly controller = new AbortController();

  constructor() {
    // Every running operation listens (one per concurrent session): not a leak.
    setMaxListeners(0, this.controller.signal);
  }

  /** Aborts (with an `OperationInterruptedError`) when the router stops. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  onModuleDestroy(): void {
    this.controller.abort(new OperationInterruptedError('The router is stopping.'));
  }
}
