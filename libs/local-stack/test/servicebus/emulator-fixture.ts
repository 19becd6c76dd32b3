import { ServiceBusClient, type ServiceBusClientOptions } from '@azure/service-bus';
import { startServiceBusEmulator, type ServiceBusEmulator } from '../../src/servicebus';

type Properties = Record<string, string | number | boolean>;

/** A Config.json (official format) with the given queues and topics. */
export function testConfig(queues: Record<string, Properties>, topics: object[] = []): object {
  return {
    UserConfig: {
      Namespaces: [{ Name: 'sbemulatorns', Queues: Object.entries(queues).map(([Name, Properties]) => ({ Name, Properties })), Topics: topics }],
      Logging: { Type: 'Console' },
    },
  };
}

/** An emulator and a real ServiceBusClient on it, for one test file. */
export interface EmulatorFixture {
  readonly emulator: ServiceBusEmulator;
  readonly client: ServiceBusClient;
}

/** Starts an emulator before the file's tests and stops it (and the client) after them. */
export function useEmulator(config: object, clientOptions: ServiceBusClientOptions = {}): EmulatorFixture {
  const fixture = {} as { emulator: ServiceBusEmulator; client: ServiceBusClient };
  beforeAll(async () => {
    fixture.emulator = await startServiceBusEmulator({ config, expirySweepIntervalMs: 50 });
    fixture.client = new ServiceBusClient(fixture.emulator.connectionString, {
      retryOptions: { maxRetries: 1, retryDelayInMs: 50, timeoutInMs: 10_000 },
      ...clientOptions,
    });
  });
  afterAll(async () => {
    await fixture.client?.close();
    await fixture.emulator?.stop();
  });
  return fixture;
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected the call to fail, but it succeeded');
}
