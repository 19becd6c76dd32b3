/**
 * `npm run bench:pipeline-floor`: what `bench:pipeline` could reach at best on this machine. The
 * same local servers in this process and the same load (BENCH_SUBSCRIPTIONS x BENCH_OPERATIONS
 * FHIR creates, BENCH_CLIENTS PUTs in flight, each subscription's last operation polled every
 * second), but the three roles in their own processes do only the calls an operation cannot avoid,
 * with the raw SDKs (floor/*.ts: no Nest, validation, logging, tracing, retries, progress, listing).
 * Prints operations/s, PUT-to-Completed latency and CPU ms per operation per process.
 * FLOOR_REPLIES=shared measures one long-lived reply session per router instead of one per command.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLocalStack } from '@iomt/local-stack';
import { formatSummary, intFromEnv } from './bench-stats';
import { cpuSecondsOf } from './cpu-usage';
import { ensureFloorContainer, floorEnv } from './floor/floor-env';
import { inParallel } from './gateway-client';

const subscriptions = intFromEnv('BENCH_SUBSCRIPTIONS', 200);
const operationsPerSubscription = intFromEnv('BENCH_OPERATIONS', 5);
const clients = intFromEnv('BENCH_CLIENTS', 32);

interface Role {
  readonly name: string;
  readonly child: ChildProcess;
  readonly port: number;
}

interface Floored {
  readonly subscriptionId: string;
  readonly operationId: string;
  readonly sentAt: number;
  endedAt?: number;
}

async function main(): Promise<number> {
  const stack = await startLocalStack();
  const roles: Role[] = [];
  try {
    stack.arm.setFaults({ latencyMs: 0 });
    await ensureFloorContainer(floorEnv(stack.env));
    for (const name of ['worker', 'router', 'gateway']) roles.push(await startRole(name, stack.env));
    const gatewayUrl = `http://127.0.0.1:${roles[2].port}`;
    await runAll(gatewayUrl, [randomUUID()], 1); // warm-up: JIT, connections, links
    const before = cpuNow(roles);
    const started = performance.now();
    const operations = await runAll(gatewayUrl, Array.from({ length: subscriptions }, () => randomUUID()), operationsPerSubscription);
    const after = cpuNow(roles);
    return report(operations, started, before, after);
  } finally {
    for (const role of roles) role.child.kill('SIGTERM');
    await stack.stop();
  }
}

function startRole(name: string, env: Record<string, string>): Promise<Role> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'floor', 'floor-role.ts'), name], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`floor ${name} exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      const ready = /FLOOR_READY (\d+)/.exec(chunk.toString());
      if (ready) resolve({ name, child, port: Number(ready[1]) });
    });
  });
}

async function runAll(gatewayUrl: string, ids: readonly string[], perSubscription: number): Promise<Floored[]> {
  const all: Floored[][] = ids.map(() => []);
  const pollers: Promise<void>[] = [];
  const puts = ids.flatMap((id, s) => Array.from({ length: perSubscription }, () => ({ id, s })));
  await inParallel(puts, clients, async ({ id, s }) => {
    const sentAt = Date.now();
    const response = await fetch(`${gatewayUrl}/subscriptions/${id}/services/fhir-${randomUUID().slice(0, 8)}`, {
      method: 'PUT',
      body: JSON.stringify({ location: 'westus2', kind: 'fhir-R4' }),
    });
    if (response.status !== 201) throw new Error(`floor PUT answered ${response.status}: ${await response.text()}`);
    const { operationId } = (await response.json()) as { operationId: string };
    all[s].push({ subscriptionId: id, operationId, sentAt });
    if (all[s].length === perSubscription) pollers.push(pollAll(gatewayUrl, all[s]));
  });
  await Promise.all(pollers);
  return all.flat();
}

/** The subscription's operations run in order: poll its last one each second, then read the others once. */
async function pollAll(gatewayUrl: string, operations: Floored[]): Promise<void> {
  for (const operation of [...operations].reverse()) {
    for (;;) {
      const response = await fetch(`${gatewayUrl}/subscriptions/${operation.subscriptionId}/operations/${operation.operationId}`);
      const { status, timeEnded } = (await response.json()) as { status?: string; timeEnded?: string };
      if (status === 'Completed') {
        operation.endedAt = Date.parse(String(timeEnded));
        break;
      }
      await sleep(1_000); // ARM's Retry-After: the poll interval of the load, not a synchronisation
    }
  }
}

function cpuNow(roles: readonly Role[]): Map<string, number> {
  const own = process.cpuUsage();
  const cpu = new Map([['bench process (SB emulator, Cosmos, Azurite, fake ARM, client)', (own.user + own.system) / 1e6]]);
  for (const role of roles) cpu.set(`floor ${role.name}`, cpuSecondsOf(role.child.pid ?? -1) ?? 0);
  return cpu;
}

function report(operations: readonly Floored[], started: number, before: Map<string, number>, after: Map<string, number>): number {
  const ended = operations.filter((o) => o.endedAt !== undefined);
  const first = Math.min(...operations.map((o) => o.sentAt));
  const seconds = (Math.max(...ended.map((o) => o.endedAt!)) - first) / 1_000;
  console.log(`floor: ${subscriptions} subscriptions x ${operationsPerSubscription} creates, ${clients} PUTs in flight, replies ${process.env['FLOOR_REPLIES'] ?? 'per-command'}`);
  console.log(`FLOOR THROUGHPUT:           ${(ended.length / seconds).toFixed(1)} operations/s (${ended.length} of ${operations.length} completed)`);
  console.log(formatSummary('PUT sent -> Completed (document timeEnded)', ended.map((o) => o.endedAt! - o.sentAt)));
  const wall = (performance.now() - started) / 1_000;
  console.log(`CPU used during the run (${wall.toFixed(1)} s wall, 2 cores = ${(2 * wall).toFixed(1)} CPU s available):`);
  let total = 0;
  for (const [name, end] of after) {
    const used = end - (before.get(name) ?? 0);
    total += used;
    console.log(`  ${name.padEnd(66)} ${used.toFixed(1).padStart(6)} s  ${((used * 1_000) / operations.length).toFixed(1).padStart(6)} ms/op`);
  }
  console.log(`  ${'total'.padEnd(66)} ${total.toFixed(1).padStart(6)} s  ${((total * 1_000) / operations.length).toFixed(1).padStart(6)} ms/op`);
  return ended.length === operations.length ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
