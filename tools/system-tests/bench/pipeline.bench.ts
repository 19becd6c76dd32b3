/**
 * `npm run bench:pipeline`: the whole system (five services as processes, the local servers in
 * this process) driven through the gateway's HTTP API as ARM would drive it. Each subscription
 * PUTs BENCH_OPERATIONS new FHIR services back to back (they queue in its `operations` session and
 * run one after another), BENCH_SUBSCRIPTIONS subscriptions at once; the fake ARM answers with
 * zero latency. Prints operations/s, PUT-to-Succeeded latency, terminal states and the router's
 * own overhead per operation; exits 1 if any operation is not terminal or not Succeeded.
 * Settings: BENCH_SUBSCRIPTIONS (200), BENCH_OPERATIONS (5), BENCH_ROUTERS (router processes, 1),
 * BENCH_CLIENTS (PUTs in flight, 32), BENCH_POLL_MS (status poll interval, 1000 = the local
 * Retry-After), BENCH_TIMEOUT_S (600), plus any service setting from the environment (e.g.
 * SERVICEBUS_MAX_CONCURRENT_SESSIONS) passed through to every service; BENCH_CPU_PROFILE_DIR makes
 * every service write a V8 CPU profile there.
 */
import { randomUUID } from 'node:crypto';
import { startLocalSystem, type LocalSystem } from '@iomt/launcher';
import { countBy, formatSummary, intFromEnv } from './bench-stats';
import { inParallel, pollToTerminal, putFhirService, type TrackedOperation } from './gateway-client';
import { cpuSnapshot, printCpu } from './cpu-usage';
import { OperationTimings } from './operation-timings';

const subscriptions = intFromEnv('BENCH_SUBSCRIPTIONS', 200);
const operationsPerSubscription = intFromEnv('BENCH_OPERATIONS', 5);
const routers = intFromEnv('BENCH_ROUTERS', 1);
const clients = intFromEnv('BENCH_CLIENTS', 32);
const pollMs = intFromEnv('BENCH_POLL_MS', 1_000);
const timeoutMs = intFromEnv('BENCH_TIMEOUT_S', 600) * 1_000;
/** Service settings the caller exported, passed to every service (tuning runs). */
const passThrough: Record<string, string> = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => /^(SERVICEBUS_|ROUTER_|ARM_|COMMANDS_|LRO_|MAX_QUEUED)/.test(k)) as [string, string][],
);
/** BENCH_CPU_PROFILE_DIR: every service writes a V8 CPU profile there when it stops (for finding where time goes). */
const profileDir = process.env['BENCH_CPU_PROFILE_DIR'];
if (profileDir) passThrough['NODE_OPTIONS'] = `--require ${__dirname}/cpu-profile.preload.js`;

async function main(): Promise<number> {
  const timings = new OperationTimings();
  console.log(`pipeline bench: ${subscriptions} subscriptions x ${operationsPerSubscription} FHIR service creates, ${routers} router(s), ${clients} PUTs in flight, status polled every ${pollMs} ms`);
  if (Object.keys(passThrough).length > 0) console.log(`service settings from the environment: ${JSON.stringify(passThrough)}`);
  const system = await startLocalSystem({
    env: { LRO_RETRY_AFTER_SECONDS: '1', LOG_LEVEL: 'info', ...passThrough },
    replicas: { 'operation-router': routers },
    log: (source, line) => timings.onLogLine(source, line),
  });
  try {
    system.stack.arm.setFaults({ latencyMs: 0 });
    await warmUp(system);
    timings.clear();
    const cpuBefore = cpuSnapshot(system);
    const started = performance.now();
    const operations = await run(system);
    const code = report(operations, timings);
    printCpu(cpuBefore, cpuSnapshot(system), operations.length, (performance.now() - started) / 1000);
    return code;
  } finally {
    await system.stop();
  }
}

/** One operation end to end first, so the measured run does not include JIT and connection set-up. */
async function warmUp(system: LocalSystem): Promise<void> {
  const operation = await putFhirService(system.gatewayUrl, randomUUID(), 'fhir-warmup');
  await pollToTerminal(operation, 50, performance.now() + 60_000, Date.now() - performance.now());
  if (operation.status !== 'Succeeded') throw new Error(`the warm-up operation ended ${operation.status}`);
}

async function run(system: LocalSystem): Promise<TrackedOperation[]> {
  const clockOffsetMs = Date.now() - performance.now();
  const ids = Array.from({ length: subscriptions }, () => randomUUID());
  const accepted: TrackedOperation[][] = ids.map(() => []);
  const deadline = performance.now() + timeoutMs;
  const pollers: Promise<void>[] = [];
  const admitted = ids.map(() => 0);
  const puts = ids.flatMap((id, s) => Array.from({ length: operationsPerSubscription }, (_, o) => ({ id, s, o })));
  // Subscription-major order: a subscription's operations are admitted close together and queue in its session.
  await inParallel(puts, clients, async ({ id, s, o }) => {
    accepted[s][o] = await putFhirService(system.gatewayUrl, id, `fhir-${s}-${o}`);
    admitted[s] += 1;
    if (admitted[s] === operationsPerSubscription) pollers.push(pollSubscription(accepted[s], deadline, clockOffsetMs));
  });
  await Promise.all(pollers);
  return accepted.flat();
}

/**
 * A subscription's operations run one at a time in order, so the bench polls its last one until
 * it is terminal, then reads each earlier one (one GET each when it is terminal too, as it should
 * be; polled on otherwise): one poller per subscription, not per operation, which keeps the
 * bench's own load on the gateway small. Latency comes from each document's endTime, not from polls.
 */
async function pollSubscription(operations: TrackedOperation[], deadline: number, clockOffsetMs: number): Promise<void> {
  await pollToTerminal(operations[operations.length - 1], pollMs, deadline, clockOffsetMs);
  for (const operation of operations.slice(0, -1)) await pollToTerminal(operation, pollMs, deadline, clockOffsetMs);
}

function report(operations: TrackedOperation[], timings: OperationTimings): number {
  const firstSent = Math.min(...operations.map((o) => o.sentAt));
  const lastAccepted = Math.max(...operations.map((o) => o.acceptedAt));
  const ended = operations.filter((o) => o.endTime !== undefined);
  const lastEnded = Math.max(...ended.map((o) => o.endTime!));
  const seconds = (lastEnded - firstSent) / 1_000;
  console.log('');
  console.log(`operations:                 ${operations.length}`);
  console.log(`admission (all PUTs):       ${((lastAccepted - firstSent) / 1_000).toFixed(2)} s, ${(operations.length / ((lastAccepted - firstSent) / 1_000)).toFixed(1)} PUT/s`);
  console.log(`first PUT -> last terminal: ${seconds.toFixed(2)} s  (endTime of the operation documents)`);
  console.log(`THROUGHPUT:                 ${(ended.length / seconds).toFixed(1)} operations/s (target >= 100)`);
  console.log(formatSummary('PUT sent -> 201/202', operations.map((o) => o.acceptedAt - o.sentAt)));
  console.log(formatSummary('PUT sent -> Succeeded (document endTime)', ended.filter((o) => o.status === 'Succeeded').map((o) => o.endTime! - o.sentAt)));
  const states = countBy(operations, (o) => o.status);
  console.log(`terminal states:            ${JSON.stringify(states)}`);
  for (const failed of operations.filter((o) => o.error !== undefined).slice(0, 5)) {
    console.log(`  ${failed.status} ${failed.operationId}: ${JSON.stringify(failed.error)}`);
  }
  timings.print(operations, Date.now() - performance.now());
  const notTerminal = operations.filter((o) => !['Succeeded', 'Failed', 'Canceled'].includes(o.status));
  if (notTerminal.length > 0) {
    console.log(`NOT TERMINAL: ${notTerminal.length} operation(s), e.g. ${notTerminal.slice(0, 5).map((o) => `${o.operationId} (${o.status})`).join(', ')}`);
    return 1;
  }
  return (states['Succeeded'] ?? 0) === operations.length ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
