import { ServiceBusClient, type ServiceBusSessionReceiver } from '@azure/service-bus';
import { startServiceBusEmulator } from '../src/servicebus';

/**
 * `npm run bench:servicebus`: messages per second through the emulator with the real SDK, for
 * batched send and for session receive-and-complete with 8 sessions in parallel.
 */
const SESSIONS = 8;
const MESSAGES = Number(process.env['BENCH_MESSAGES'] ?? 20_000);
const BATCH_BODY = { operationId: '00000000-0000-0000-0000-000000000000', kind: 'bench', payload: 'x'.repeat(200) };

const config = {
  UserConfig: {
    Namespaces: [
      {
        Name: 'sbemulatorns',
        Queues: [{ Name: 'bench', Properties: { RequiresSession: true, LockDuration: 'PT1M', MaxDeliveryCount: 10 } }],
        Topics: [],
      },
    ],
    Logging: { Type: 'Console' },
  },
};

async function sendBatched(client: ServiceBusClient): Promise<number> {
  const sender = client.createSender('bench');
  const started = process.hrtime.bigint();
  let batch = await sender.createMessageBatch();
  for (let i = 0; i < MESSAGES; i++) {
    const message = { body: { ...BATCH_BODY, index: i }, sessionId: `session-${i % SESSIONS}` };
    if (!batch.tryAddMessage(message)) {
      await sender.sendMessages(batch);
      batch = await sender.createMessageBatch();
      batch.tryAddMessage(message);
    }
  }
  if (batch.count > 0) await sender.sendMessages(batch);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await sender.close();
  return MESSAGES / seconds;
}

async function receiveAndComplete(client: ServiceBusClient): Promise<number> {
  const receivers: ServiceBusSessionReceiver[] = [];
  for (let s = 0; s < SESSIONS; s++) receivers.push(await client.acceptSession('bench', `session-${s}`));
  let completed = 0;
  const started = process.hrtime.bigint();
  await new Promise<void>((resolve, reject) => {
    for (const receiver of receivers) {
      receiver.subscribe(
        {
          processMessage: async (message) => {
            await receiver.completeMessage(message);
            if (++completed === MESSAGES) resolve();
          },
          processError: async (args) => reject(args.error),
        },
        { autoCompleteMessages: false, maxConcurrentCalls: 32 },
      );
    }
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await Promise.all(receivers.map((receiver) => receiver.close()));
  return MESSAGES / seconds;
}

async function main(): Promise<void> {
  const emulator = await startServiceBusEmulator({ config });
  const client = new ServiceBusClient(emulator.connectionString);
  try {
    const sendRate = await sendBatched(client);
    console.log(`batched send:                        ${Math.round(sendRate)} messages/s (${MESSAGES} messages, ${SESSIONS} sessions)`);
    const receiveRate = await receiveAndComplete(client);
    console.log(`session receive-and-complete (8 ‖): ${Math.round(receiveRate)} messages/s (${MESSAGES} messages)`);
    const left = emulator.counts('bench');
    if (left.active + left.locked > 0) throw new Error(`messages left behind: ${JSON.stringify(left)}`);
  } finally {
    await client.close();
    await emulator.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
