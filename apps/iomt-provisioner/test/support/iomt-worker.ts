import { QueueName } from '@iomt/contracts';
import type { LocalStack } from '@iomt/local-stack';
import { startWorker, type WorkerHarness } from '@iomt/local-stack/testing';
import * as messaging from '@iomt/messaging';
import { AppModule } from '../../src/app.module';
import { startIomtCommandsConsumer } from '../../src/commands-consumer';
import { IOMT_PROVISIONER_SERVICE } from '../../src/config';

/** The iomt-provisioner on `stack`, with a router-like client of the `iomt-commands` queue. */
export function startIomtWorker(stack: LocalStack): Promise<WorkerHarness> {
  const consumer = { startConsumer: startIomtCommandsConsumer, queue: QueueName.IomtCommands };
  return startWorker(stack, { appModule: AppModule, service: IOMT_PROVISIONER_SERVICE, ...consumer, messaging });
}
