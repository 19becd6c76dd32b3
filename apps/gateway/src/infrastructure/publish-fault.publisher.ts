import { OperationMessage, OperationPublisher, PublishOptions, TransientError } from '@iomt/domain';
import { isLoopbackHost } from '../auth/loopback';

/** The local-stack setting: the share (0..1) of publications that fail, for load and fault runs. */
export const PUBLISH_FAILURE_RATE_SETTING = 'LOCAL_FAULT_PUBLISH_FAILURE_RATE';

/**
 * Fails a share of publications with a TransientError before they reach Service Bus, as a broker
 * outage would, so load runs can prove that the sweeper re-publishes operations left Requested.
 */
export class PublishFaultPublisher implements OperationPublisher {
  constructor(
    private readonly inner: OperationPublisher,
    private readonly failureRate: number,
    private readonly random: () => number = Math.random,
  ) {}

  publish(message: OperationMessage, options?: PublishOptions): Promise<void> {
    if (this.random() < this.failureRate) {
      return Promise.reject(new TransientError(`Publication failed on purpose (${PUBLISH_FAILURE_RATE_SETTING}).`));
    }
    return this.inner.publish(message, options);
  }
}

/**
 * The publisher, wrapped in {@link PublishFaultPublisher} when LOCAL_FAULT_PUBLISH_FAILURE_RATE is
 * set (a loopback HOST only, like the other LOCAL_ settings).
 * @throws Error naming the setting when its value is not 0..1 or HOST is not loopback.
 */
export function withLocalPublishFaults(publisher: OperationPublisher, host: string | undefined, env: NodeJS.ProcessEnv = process.env): OperationPublisher {
  const text = env[PUBLISH_FAILURE_RATE_SETTING]?.trim();
  if (text === undefined || text === '') return publisher;
  const rate = Number(text);
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new Error(`${PUBLISH_FAILURE_RATE_SETTING} must be a number from 0 to 1.`);
  if (!isLoopbackHost(host)) throw new Error(`${PUBLISH_FAILURE_RATE_SETTING} is only allowed when HOST is a loopback address (the local stack).`);
  return rate === 0 ? publisher : new PublishFaultPublisher(publisher, rate);
}
