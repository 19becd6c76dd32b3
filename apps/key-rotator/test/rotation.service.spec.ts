import type { INestApplication } from '@nestjs/common';
import { ServiceBusClient } from '@azure/service-bus';
import { lastValueFrom } from 'rxjs';
import { QueueName, RemoteOperationError, Subject } from '@iomt/contracts';
import { ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY, type AccountRegistryManagementRepository, createRotateKeysOperation, OPERATION_REPOSITORY, type OperationRepository } from '@iomt/domain';
import { startCosmosServer, startFakeArm, startServiceBusEmulator, type CosmosServerHandle, type FakeArm, type ServiceBusEmulator } from '@iomt/local-stack';
import { ClientServiceBus, ServiceBusRecord } from '@iomt/messaging';
import { createService } from '@iomt/service-kit';
import { LogCapture, resetServiceLoggerForTests } from '@iomt/service-kit/testing';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';
import { KEY_ROTATOR_SERVICE } from '../src/config';
import { startKeyRotationConsumer } from '../src/key-rotation-commands.server';
import { connectorKeyTargets } from '../src/rotation/connector-key-targets';
import { RotationScheduleService } from '../src/schedule/rotation-schedule.service';
import { sampleConnector, sampleSecret, SUBSCRIPTION_ID } from '../src/testing/samples';
import { armPorts, deployConnectorInfrastructure } from './support/fake-arm-connector';

jest.setTimeout(60_000);

const DAY = 24 * 3600_000;
const connectorResourceId = (leaf: string) =>
  `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/rg-Customer/providers/Microsoft.HealthcareApis/services/fhirservicename/iomtconnectors/${leaf}`;

describe('the key-rotator service on Service Bus, Cosmos and the fake ARM', () => {
  let serviceBus: ServiceBusEmulator;
  let cosmos: CosmosServerHandle;
  let fakeArm: FakeArm;
  let app: INestApplication;
  let commands: ClientServiceBus;
  const logs = new LogCapture();

  beforeAll(async () => {
    [serviceBus, cosmos, fakeArm] = await Promise.all([
      startServiceBusEmulator({ config: join(__dirname, '../../../config/servicebus/Config.json') }),
      startCosmosServer(),
      startFakeArm(),
    ]);
    const env = {
      PORT: '0',
      SERVICEBUS_CONNECTION_STRING: serviceBus.connectionString,
      COSMOS_ENDPOINT: cosmos.endpoint,
      COSMOS_KEY: cosmos.key,
      COSMOS_TLS_VERIFY: 'false',
      ARM_MODE: 'local',
      ARM_ENDPOINT: fakeArm.endpoint,
      ARM_POLL_INTERVAL_MS: '1',
      ARM_MAX_RETRIES: '0',
      KEY_ROTATION_SCHEDULE_ENABLED: 'false',
    };
    resetServiceLoggerForTests();
    ({ app } = await createService(AppModule, { ...KEY_ROTATOR_SERVICE, env, logDestination: logs }));
    await startKeyRotationConsumer(app);
    commands = new ClientServiceBus({
      connectionString: serviceBus.connectionString,
      entityPath: QueueName.KeyRotationCommands,
      replyQueueName: QueueName.OperationReplies,
      replyTimeoutMs: 30_000,
    });
  });

  afterAll(async () => {
    await commands?.close();
    await app?.close();
    await Promise.allSettled([serviceBus?.stop(), cosmos?.stop(), fakeArm?.stop()]);
  });

  /** A deployed connector with due metadata; `deployed: false` leaves its Key Vault unrecorded. */
  async function connector(leaf: string, deployed = true) {
    const registry = app.get<AccountRegistryManagementRepository>(ACCOUNT_REGISTRY_MANAGEMENT_REPOSITORY);
    const made = sampleConnector(`${leaf.toLowerCase()}connector000000000`, SUBSCRIPTION_ID, leaf);
    const entity = deployed ? made : { ...made, keyVault: { webJobStorageSecretName: 'blob-storage-cs' } };
    await deployConnectorInfrastructure(fakeArm, connectorKeyTargets(made), armPorts(fakeArm));
    const [stored] = await registry.createChildResources([entity, sampleSecret(made, new Date(Date.now() - 40 * DAY))]);
    return stored as typeof made;
  }

  /** Stores a rotation of `stored` and sends its command as the router does. */
  async function rotate(stored: Awaited<ReturnType<typeof connector>>, leaf: string): Promise<unknown> {
    const operation = createRotateKeysOperation(stored, { now: new Date() });
    await app.get<OperationRepository>(OPERATION_REPOSITORY).createWithResource(stored, operation, { resourceIfMatch: stored._etag });
    const payload = { operationId: operation.id, subscriptionId: SUBSCRIPTION_ID, resourceId: connectorResourceId(leaf), attempt: 1 };
    const record = new ServiceBusRecord(payload, { sessionId: SUBSCRIPTION_ID, replyToSessionId: operation.id, messageId: `${operation.id}-1` });
    return lastValueFrom(commands.send(Subject.RotateConnectorKeys, record), { defaultValue: undefined });
  }

  it('answers connector-keys.rotate with the recorded slot, and logs no key', async () => {
    const stored = await connector('Served');

    const reply = await rotate(stored, 'Served');

    expect(reply).toMatchObject({ isUsingPrimaryKey: false, secretRotationCount: 1 });
    const { readerPolicy, storageAccount } = connectorKeyTargets(stored);
    const keys = [await armPorts(fakeArm).keys.listKeys(readerPolicy), await armPorts(fakeArm).keys.listKeys(storageAccount)];
    const text = logs.raw.join('\n');
    for (const k of keys) for (const key of [k.primaryKey, k.secondaryKey]) expect(text).not.toContain(key);
  });

  it('replies with a non-retryable error for a connector whose Key Vault is not recorded, touching nothing', async () => {
    const stored = await connector('Partial', false);
    fakeArm.clearCalls();

    const error = await rotate(stored, 'Partial').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RemoteOperationError);
    expect(error).toMatchObject({ code: 'InvalidRequestContent', retryable: false });
    expect((error as Error).message).toContain('has no deployed keyVault recorded');
    expect(fakeArm.calls().log.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('schedules: a tick publishes a rotation of the due connector into its subscription session', async () => {
    const stored = await connector('Scheduled');

    await app.get(RotationScheduleService).tick();

    const client = new ServiceBusClient(serviceBus.connectionString);
    const receiver = await client.acceptSession(QueueName.Operations, SUBSCRIPTION_ID);
    // The only publication: the earlier connectors are rotated (Served) or have a rotation pending (Partial).
    const [message] = await receiver.receiveMessages(1, { maxWaitTimeInMs: 10_000 });
    expect(message).toMatchObject({ sessionId: SUBSCRIPTION_ID, subject: 'operation.requested' });
    const operation = await app.get<OperationRepository>(OPERATION_REPOSITORY).get(SUBSCRIPTION_ID, (message?.body as { operationId: string }).operationId);
    expect(operation).toMatchObject({ provisioningOperation: 3, iomtConnectorId: stored.id });
    await receiver.close();
    await client.close();
  });
});
