import type { ServiceBusClient, ServiceBusSessionReceiver, ServiceBusSessionReceiverOptions } from '@azure/service-bus';
import { setTimeout as delay } from 'node:timers/promises';
import {
  SERVICE_BUS_DEFAULT_ACCEPT_ERROR_BACKOFF_MS,
  SERVICE_BUS_DEFAULT_MAX_AUTO_LOCK_RENEWAL_MS,
  SERVICE_BUS_DEFAULT_MAX_CONCURRENT_SESSIONS,
  SERVICE_BUS_DEFAULT_SESSION_IDLE_TIMEOUT_MS,
  SERVICE_BUS_MAX_ACCEPT_ERROR_BACKOFF_MS,
} from './constants';
import type { ServiceBusEntity } from './service-bus-entity';
import { isNoSessionAvailable, isSessionCannotBeLocked } from './service-bus-errors';
import { pumpSession } from './session-pump';
import type { SessionErrorHandler, SessionMessageHandler, SessionSource } from './session-source.port';

/** Settings of {@link AzureSessionSource}. */
export interface AzureSessionSourceOptions {
  readonly client: ServiceBusClient;
  readonly entity: ServiceBusEntity;
  /** Sessions held at once; each has its own accept loop. */
  readonly maxConcurrentSessions?: number;
  /** A session with no message for this long is released. */
  readonly sessionIdleTimeoutMs?: number;
  /** How long the SDK keeps renewing the session lock while a session is held. */
  readonly maxAutoLockRenewalDurationInMs?: number;
  /** First back-off after an unexpected accept error (doubles up to 30 s). */
  readonly acceptErrorBackoffMs?: number;
}

/**
 * Round-robin session consumer after the Azure SDK `sessionRoundRobin` sample: N loops each
 * accept the next free session, process it until it is idle, release it and accept another.
 */
export class AzureSessionSource implements SessionSource {
  private readonly abort = new AbortController();
  private readonly pumps = new Set<Promise<void>>();
  private loops: Promise<void>[] = [];
  private started = false;

  constructor(private readonly options: AzureSessionSourceOptions) {}

  async start(onMessage: SessionMessageHandler, onError: SessionErrorHandler): Promise<void> {
    if (this.started) throw new Error('AzureSessionSource is already started');
    this.started = true;
    const loops = this.options.maxConcurrentSessions ?? SERVICE_BUS_DEFAULT_MAX_CONCURRENT_SESSIONS;
    this.loops = Array.from({ length: loops }, () => this.acceptLoop(onMessage, onError));
  }

  /**
   * Aborts the loops, drains the sessions being processed, then waits for loops still inside
   * `acceptNextSession`: the SDK cannot abort that call, so this can take up to the client's
   * operation timeout (`retryOptions.timeoutInMs`), which bounds the broker's wait for a session.
   */
  async stop(): Promise<void> {
    this.abort.abort();
    while (this.pumps.size > 0) await Promise.all([...this.pumps]);
    await Promise.all(this.loops);
  }

  // Each loop holds at most one session at a time, so N loops hold at most N sessions.
  private async acceptLoop(onMessage: SessionMessageHandler, onError: SessionErrorHandler): Promise<void> {
    const { signal } = this.abort;
    const initialBackoffMs = this.options.acceptErrorBackoffMs ?? SERVICE_BUS_DEFAULT_ACCEPT_ERROR_BACKOFF_MS;
    let backoffMs = initialBackoffMs;
    while (!signal.aborted) {
      let receiver: ServiceBusSessionReceiver;
      try {
        receiver = await this.acceptNextSession();
      } catch (error) {
        if (signal.aborted) break;
        // ServiceTimeout means the broker already waited for a session: ask again at once.
        // SessionCannotBeLocked can come back immediately, so pause to avoid a hot loop.
        const noSession = isNoSessionAvailable(error);
        if (!noSession) onError(error);
        if (!noSession || isSessionCannotBeLocked(error)) await this.pause(noSession ? initialBackoffMs : backoffMs);
        if (!noSession) backoffMs = Math.min(backoffMs * 2, SERVICE_BUS_MAX_ACCEPT_ERROR_BACKOFF_MS);
        continue;
      }
      if (signal.aborted) {
        await receiver.close().catch((error: unknown) => onError(error, receiver.sessionId));
        break;
      }
      backoffMs = initialBackoffMs;
      await this.track(receiver, onMessage, onError);
    }
  }

  private acceptNextSession(): Promise<ServiceBusSessionReceiver> {
    const { client, entity } = this.options;
    const receiverOptions: ServiceBusSessionReceiverOptions = {
      receiveMode: 'peekLock',
      maxAutoLockRenewalDurationInMs:
        this.options.maxAutoLockRenewalDurationInMs ?? SERVICE_BUS_DEFAULT_MAX_AUTO_LOCK_RENEWAL_MS,
    };
    return 'queueName' in entity
      ? client.acceptNextSession(entity.queueName, receiverOptions)
      : client.acceptNextSession(entity.topicName, entity.subscriptionName, receiverOptions);
  }

  private async track(
    receiver: ServiceBusSessionReceiver,
    onMessage: SessionMessageHandler,
    onError: SessionErrorHandler,
  ): Promise<void> {
    const pump = pumpSession(receiver, {
      idleTimeoutMs: this.options.sessionIdleTimeoutMs ?? SERVICE_BUS_DEFAULT_SESSION_IDLE_TIMEOUT_MS,
      signal: this.abort.signal,
      onMessage,
      onError,
    }).catch((error: unknown) => onError(error, receiver.sessionId));
    this.pumps.add(pump);
    await pump;
    this.pumps.delete(pump);
  }

  private pause(ms: number): Promise<void> {
    return delay(ms, undefined, { signal: this.abort.signal }).catch(() => undefined);
  }
}
