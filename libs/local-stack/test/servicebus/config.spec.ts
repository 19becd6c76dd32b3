import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EmulatorConfigError, loadEmulatorConfig, startServiceBusEmulator } from '../../src/servicebus';
import { testConfig } from './emulator-fixture';

const PROJECT_CONFIG = resolve(__dirname, '../../../../config/servicebus/Config.json');

const withQueue = (properties: object) => testConfig({ q: properties as Record<string, string> });

describe('Service Bus emulator configuration (official Config.json format)', () => {
  it("declares the project's session-enabled entities of ARCHITECTURE.md", () => {
    const namespace = loadEmulatorConfig(PROJECT_CONFIG);
    expect(namespace.queues.map((q) => q.name)).toEqual(['operations', 'fhir-commands', 'iomt-commands', 'key-rotation-commands', 'operation-replies']);
    for (const queue of namespace.queues) {
      expect(queue.options).toMatchObject({ requiresSession: true, lockDurationMs: 60_000, defaultTtlMs: 3_600_000 });
      expect(queue.options.maxDeliveryCount).toBeGreaterThan(1);
    }
  });

  it('applies the official defaults to omitted properties', () => {
    const [queue] = loadEmulatorConfig(testConfig({ q: {} })).queues;
    expect(queue.options).toMatchObject({
      requiresSession: false,
      lockDurationMs: 60_000,
      maxDeliveryCount: 3,
      defaultTtlMs: 3_600_000,
      requiresDuplicateDetection: false,
      duplicateWindowMs: 20_000,
      deadLetterOnExpiration: false,
    });
  });

  it.each([
    ['a missing UserConfig', {}, /UserConfig/],
    ['a bad LockDuration', withQueue({ LockDuration: '1 minute' }), /Queues\[0\]\.Properties\.LockDuration: must be a positive ISO-8601 duration/],
    ['a zero duration', withQueue({ DefaultMessageTimeToLive: 'PT0S' }), /DefaultMessageTimeToLive/],
    ['a misspelt property', withQueue({ RequireSession: true }), /Queues\[0\]\.Properties.*RequireSession/],
    ['a MaxDeliveryCount below 1', withQueue({ MaxDeliveryCount: 0 }), /Properties\.MaxDeliveryCount/],
    ['a non-boolean RequiresSession', withQueue({ RequiresSession: 'yes' }), /Properties\.RequiresSession/],
    ['an invalid entity name', testConfig({ '-bad-': {} }), /Queues\[0\]\.Name/],
    ['two entities with one name', testConfig({ orders: {}, ORDERS: {} }), /"ORDERS" is declared twice/],
    ['a forward to an unknown entity', withQueue({ ForwardTo: 'nowhere' }), /forwards to "nowhere"/],
    [
      'a namespace name other than sbemulatorns',
      { UserConfig: { Namespaces: [{ Name: 'mine', Queues: [], Topics: [] }], Logging: { Type: 'File' } } },
      /Namespaces\[0\]\.Name: must be "sbemulatorns"/,
    ],
    ['a topic without subscriptions', testConfig({}, [{ Name: 't', Subscriptions: [] }]), /Topics\[0\]\.Subscriptions/],
    [
      'an unsupported SQL filter',
      testConfig({}, [{ Name: 't', Subscriptions: [{ Name: 's', Rules: [{ Name: 'r', Properties: { FilterType: 'Sql', SqlFilter: { SqlExpression: "color = 'red'" } } }] }] }]),
      /SqlFilter\.SqlExpression: only "1=1" is supported/,
    ],
  ])('rejects %s with an error naming the field', (_label, config, expected) => {
    expect(() => loadEmulatorConfig(config)).toThrow(EmulatorConfigError);
    expect(() => loadEmulatorConfig(config)).toThrow(expected);
  });

  it('names the file when it is missing or not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-config-'));
    const broken = join(dir, 'Config.json');
    writeFileSync(broken, '{ "UserConfig": ');
    expect(() => loadEmulatorConfig(broken)).toThrow(/Config\.json: not valid JSON/);
    expect(() => loadEmulatorConfig(join(dir, 'missing.json'))).toThrow(/missing\.json: cannot read the file \(ENOENT\)/);
  });

  it('refuses to start with an invalid configuration', async () => {
    await expect(startServiceBusEmulator({ config: withQueue({ LockDuration: 'soon' }) })).rejects.toThrow(/LockDuration/);
  });
});
