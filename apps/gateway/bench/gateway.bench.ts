/**
 * `npm run bench:gateway`: PUT → 201 of FHIR services through the gateway at 32 concurrent clients
 * against the local stack (the patched Cosmos server and the Service Bus emulator in this process,
 * as `npm start` runs them), beside (1) the raw Cosmos batch + Service Bus send that a PUT performs
 * and (2) every store call a PUT makes (the admission snapshot query, then batch and send) without
 * HTTP and the framework. The gateway is measured twice: in its own process (as `npm start` and
 * production run it) and inside this one (sharing the one JavaScript thread with the servers and
 * clients, like the raw phases). Each PUT targets its own registered subscription (ARM's load
 * spreads over many), each phase has a database of its own with the same documents. Figures only.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { clusterMetadataCodec, DocumentType } from '@iomt/domain';
import { CosmosClusterMetadataRepository, createCosmosClient, ensureGlobalDb, globalDbOptionsSchema } from '@iomt/persistence';
import { directAdapters, startBenchStack } from './bench-stack';
import { GatewayPlacement, startBenchGateway } from './gateway-process';
import { describeFigures, LoadFigures, runLoad } from './load';
import { rawAdmission, rawStoreCalls } from './raw-admission';

const CONCURRENCY = 32;
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 2_000);
const WARMUP = Math.min(300, REQUESTS);
const TOTAL = WARMUP + REQUESTS;
const TOKEN = 'bench-token';
const print = (line: string) => process.stdout.write(`${line}\n`);

function put(agent: Agent, url: URL, path: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const call = request({ agent, host: url.hostname, port: url.port, method: 'PUT', path, headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    call.on('error', reject);
    call.end(body);
  });
}

/** Measures after a warm-up: `task(i)` for the warm-up indexes, then for the measured ones. */
async function measure(task: (i: number) => Promise<void>): Promise<LoadFigures> {
  await runLoad(WARMUP, CONCURRENCY, task);
  return runLoad(REQUESTS, CONCURRENCY, (i) => task(WARMUP + i));
}

async function viaGateway(stack: Awaited<ReturnType<typeof startBenchStack>>, subscriptions: string[], placement: GatewayPlacement): Promise<LoadFigures> {
  const { cosmos, bus } = stack;
  const database = `bench-gateway-${placement.replace(' ', '-')}`;
  const env = {
    HOST: '127.0.0.1', PORT: '0', LOCAL_ARM_TOKEN: TOKEN, LOG_LEVEL: 'info', COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: cosmos.key, COSMOS_TLS_VERIFY: 'false',
    COSMOS_DATABASE: database, SERVICEBUS_CONNECTION_STRING: bus.connectionString, ARM_MODE: 'local', ARM_ENDPOINT: 'http://127.0.0.1:9',
  };
  const gateway = await startBenchGateway(placement, env);
  await offerRegion(stack, database, 'westus2');
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const url = new URL(gateway.url);
  const registration = JSON.stringify({ state: 'Registered' });
  await runLoad(TOTAL, CONCURRENCY, async (i) => void (await put(agent, url, `/subscriptions/${subscriptions[i]}?api-version=2.0`, registration)));
  const body = JSON.stringify({ location: 'westus2', kind: 'fhir-R4' });
  const figures = await measure(async (i) => {
    const path = `/subscriptions/${subscriptions[i]}/resourceGroups/rg-bench/providers/Microsoft.HealthcareApis/services/fhir-${i}?api-version=2023-11-01`;
    const status = await put(agent, url, path, body);
    if (status !== 201) throw new Error(`PUT answered ${status}`);
  });
  agent.destroy();
  await gateway.stop();
  return figures;
}

/** Cluster metadata of a region the provider is deployed in, as the deploy tool writes it. */
async function offerRegion(stack: Awaited<ReturnType<typeof startBenchStack>>, databaseName: string, regionName: string): Promise<void> {
  const client = createCosmosClient(globalDbOptionsSchema.parse({ endpoint: stack.cosmos.endpoint, key: stack.cosmos.key, databaseName, tlsRejectUnauthorized: false }));
  const { clusterMetadata } = await ensureGlobalDb(client, databaseName);
  await new CosmosClusterMetadataRepository(clusterMetadata).upsert(clusterMetadataCodec.parse({ id: regionName, type: DocumentType.ClusterMetadata, regionName }));
  client.dispose();
}

/**
 * The Cosmos server evaluates each query document by document in functions V8 optimises only after
 * many calls: whichever phase ran first paid several times the query cost of the later ones. Every
 * phase is measured after the server has run the admission query this many times over a container
 * of the phases' size.
 */
const SERVER_WARMUP_QUERIES = 3_000;

async function warmUpServer(stack: Awaited<ReturnType<typeof startBenchStack>>, subscriptions: string[]): Promise<void> {
  const scratch = await directAdapters(stack.cosmos, stack.bus, 'bench-warmup');
  const now = new Date().toISOString();
  await runLoad(TOTAL, CONCURRENCY, (i) => rawAdmission(scratch.adapters, subscriptions[i], `warm-${i}`));
  await runLoad(TOTAL, CONCURRENCY, async (i) => void (await scratch.registrations.put({ subscriptionId: subscriptions[i], state: 'Registered', timeLastUpdated: now })));
  await runLoad(SERVER_WARMUP_QUERIES, CONCURRENCY, async (i) => {
    await scratch.reads.snapshots.read(subscriptions[i % subscriptions.length], { resourceGroupName: 'rg-bench', fhirServiceName: `fhir-${i}` });
  });
  await scratch.close();
}

async function main(): Promise<void> {
  const stack = await startBenchStack();
  const subscriptions = Array.from({ length: TOTAL }, () => randomUUID());
  await warmUpServer(stack, subscriptions);
  const gateway = await viaGateway(stack, subscriptions, 'own process');
  const gatewayHere = await viaGateway(stack, subscriptions, 'bench process');

  const raw = await directAdapters(stack.cosmos, stack.bus, 'bench-raw');
  const batchAndSend = await measure((i) => rawAdmission(raw.adapters, subscriptions[i], `raw-${i}`));
  await raw.close();

  const store = await directAdapters(stack.cosmos, stack.bus, 'bench-store');
  const now = new Date().toISOString();
  await runLoad(TOTAL, CONCURRENCY, async (i) => void (await store.registrations.put({ subscriptionId: subscriptions[i], state: 'Registered', timeLastUpdated: now })));
  const storeCalls = await measure((i) => rawStoreCalls(store.adapters, store.reads, subscriptions[i], `store-${i}`));
  await store.close();

  print(`PUT services/{name} -> 201, ${REQUESTS} requests, ${CONCURRENCY} concurrent clients, after ${WARMUP} warm-up:`);
  print(describeFigures('gateway PUT -> 201 (own process)', gateway));
  print(describeFigures('gateway PUT -> 201 (bench process)', gatewayHere));
  print(describeFigures('raw Cosmos batch + SB send', batchAndSend));
  print(describeFigures('all store calls of a PUT, no HTTP', storeCalls));
  const ratio = (a: LoadFigures, b: LoadFigures) => `p50 ${(a.p50Ms / b.p50Ms).toFixed(2)}  p99 ${(a.p99Ms / b.p99Ms).toFixed(2)}  req/s ${(b.perSecond / a.perSecond).toFixed(2)}`;
  print(`overhead ratio, gateway (own process) / raw batch + send:       ${ratio(gateway, batchAndSend)}`);
  print(`overhead ratio, gateway (bench process) / raw batch + send:     ${ratio(gatewayHere, batchAndSend)}`);
  print(`overhead ratio, gateway (own process) / all store calls of a PUT: ${ratio(gateway, storeCalls)}`);
  print(`targets: p99 < 50 ms ${gateway.p99Ms < 50 ? 'met' : 'NOT met'}; ratio < 1.5 ${gateway.p50Ms / batchAndSend.p50Ms < 1.5 ? 'met' : 'NOT met'} (vs batch + send, p50)`);
  await Promise.all([stack.cosmos.stop(), stack.bus.stop()]);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
