import { ServiceBusClient } from '@azure/service-bus';
import { rejectionOf, testConfig, useEmulator } from './emulator-fixture';

jest.setTimeout(30_000);

const fixture = useEmulator(testConfig({ plain: {}, sessions: { RequiresSession: true } }, [{ Name: 't', Subscriptions: [{ Name: 's' }] }]));

describe('Service Bus emulator: requests it does not support get an AMQP error, never a hang', () => {
  it('answers an unsupported $management operation (rule enumeration) with an error', async () => {
    const error = await rejectionOf(fixture.client.createRuleManager('t', 's').listRules().next());
    expect(error.message).toMatch(/not supported by this emulator/);
  });

  it('refuses a plain receiver on a session queue', async () => {
    const client = new ServiceBusClient(fixture.emulator.connectionString, { retryOptions: { maxRetries: 0, timeoutInMs: 2000 } });
    const receiver = client.createReceiver('sessions');
    const error = await rejectionOf(receiver.receiveMessages(1, { maxWaitTimeInMs: 1000 }));
    expect(error.message).toMatch(/requires sessions/);
    await client.close();
  });

  it('refuses a session receiver on a queue without sessions', async () => {
    const error = await rejectionOf(fixture.client.acceptSession('plain', 'x'));
    // The SDK reports either the broker's detach error or its own "no session in the attach" check,
    // whichever it sees first.
    expect(error.message).toMatch(/does not require sessions|Failed to create a receiver for the requested session 'x'/);
  });

  it('refuses to receive from an entity that is not declared', async () => {
    const client = new ServiceBusClient(fixture.emulator.connectionString, { retryOptions: { maxRetries: 0, timeoutInMs: 2000 } });
    const error = await rejectionOf(client.createReceiver('missing').receiveMessages(1, { maxWaitTimeInMs: 1000 }));
    expect(error.code).toBe('MessagingEntityNotFound');
    await client.close();
  });
});
