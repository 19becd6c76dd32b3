import { Logger } from '@nestjs/common';
import type { ServiceBusContext } from '@iomt/messaging';

const logger = new Logger('SessionLockKeeper');

/**
 * Renews the `operations` session lock every `intervalMs` while an operation runs (a worker may
 * take minutes), on top of the SDK's own auto-renewal, whose total duration is bounded. Returns
 * the function that stops renewing. A failed renewal is logged: the lock is then lost, the
 * broker redelivers the message to another replica, and the ETag checks keep both honest.
 */
export function keepSessionLock(context: ServiceBusContext, intervalMs: number): () => void {
  const timer = setInterval(() => {
    context.renewSessionLock().catch((error: unknown) => {
      logger.warn(`Could not renew the lock of session ${context.getSessionId()}: ${(error as Error)?.message ?? error}`);
    });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
