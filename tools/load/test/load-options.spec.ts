import { OptionError, parseLoadOptions } from '../src/cli/load-options';
import { DEFAULT_MIX } from '../src/cli/operation-mix';

describe('parseLoadOptions', () => {
  it('gives defaults fit for a short run that starts its own system', () => {
    const options = parseLoadOptions([]);
    expect(options).toMatchObject({ subscriptions: 20, operationsPerSubscription: 5, concurrency: 64, routers: 2, workers: 1, seed: 1, mix: DEFAULT_MIX, outDir: 'load-report' });
    expect(options.gatewayUrl).toBeUndefined();
    expect(options.schedule).toEqual([]);
  });

  it('reads the workload, the system, the faults and their schedule', () => {
    const options = parseLoadOptions([
      '--subscriptions', '1000', '--operations', '10', '--concurrency', '32', '--duration', '10m', '--drain', '90s',
      '--mix', 'service=1,connector=2,mapping=0,delete=1', '--seed', '7', '--poll-ms', '500', '--routers', '3', '--workers', '2',
      '--arm-failure-rate', '0.1', '--arm-latency-ms', '20', '--publish-failure-rate', '0.05',
      '--kill', 'operation-router:1@30s', '--restart', 'operation-router:1@50%', '--arm-faults', '{"throttleRate":0.2}@2m', '--out', 'x',
    ]);
    expect(options).toMatchObject({
      subscriptions: 1000, operationsPerSubscription: 10, concurrency: 32, durationMs: 600_000, drainMs: 90_000,
      mix: { service: 1, connector: 2, mapping: 0, delete: 1 }, seed: 7, pollMs: 500, routers: 3, workers: 2,
      armFaults: { failureRate: 0.1, latencyMs: 20 }, publishFailureRate: 0.05, outDir: 'x',
    });
    expect(options.schedule).toEqual([
      { at: { afterMs: 30_000 }, action: { type: 'kill', service: 'operation-router', replica: 1 } },
      { at: { afterAcceptedFraction: 0.5 }, action: { type: 'restart', service: 'operation-router', replica: 1 } },
      { at: { afterMs: 120_000 }, action: { type: 'arm', faults: { throttleRate: 0.2 } } },
    ]);
  });

  it('drives a running gateway, with ARM faults through its fake ARM', () => {
    const options = parseLoadOptions(['--gateway', 'http://127.0.0.1:8080/', '--fake-arm', 'http://127.0.0.1:7000', '--arm-faults', '{"latencyMs":50}@10s']);
    expect(options).toMatchObject({ gatewayUrl: 'http://127.0.0.1:8080', fakeArmUrl: 'http://127.0.0.1:7000' });
  });

  it.each([
    [['--subscriptions', '0'], '--subscriptions must be a whole number from 1 to 100000'],
    [['--operations', 'ten'], "--operations must be a whole number from 1 to 1000, got 'ten'"],
    [['--concurrency', '2.5'], '--concurrency must be a whole number'],
    [['--duration', '10'], "--duration must be a duration like 90s, 5m or 500ms, got '10'"],
    [['--poll-ms', '5'], '--poll-ms must be a whole number from 10'],
    [['--arm-failure-rate', '2'], "--arm-failure-rate must be a number from 0 to 1, got '2'"],
    [['--mix', 'service=1,update=2'], "--mix: unknown kind 'update'"],
    [['--mix', 'service=0,connector=1'], '--mix: service must weigh more than 0'],
    [['--mix', 'service=x'], "--mix: the weight of service must be a number of 0 or more, got 'x'"],
    [['--kill', 'operation-router'], '--kill must look like operation-router:0@30s'],
    [['--kill', 'database:0@10s'], "--kill: unknown service 'database'"],
    [['--restart', 'operation-router:0@150%'], '--restart must look like'],
    [['--arm-faults', '{"failureRate":0.2}'], '--arm-faults must look like'],
    [['--arm-faults', '{failureRate}@10s'], 'the settings are not JSON'],
    [['--arm-faults', '[1]@10s'], 'the settings must be a JSON object'],
    [['--gateway', 'ftp://x'], "--gateway must be an http(s) URL, got 'ftp://x'"],
    [['--gateway', 'http://127.0.0.1:1', '--kill', 'operation-router:0@1s'], '--kill/--restart need a system this run starts'],
    [['--gateway', 'http://127.0.0.1:1', '--publish-failure-rate', '0.1'], '--publish-failure-rate is a gateway setting at start'],
    [['--gateway', 'http://127.0.0.1:1', '--arm-latency-ms', '10'], '--arm-* faults against a running gateway need --fake-arm URL'],
    [['--speed', '3'], "Unknown option '--speed'"],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseLoadOptions(argv)).toThrow(OptionError);
    expect(() => parseLoadOptions(argv)).toThrow(message);
  });
});
